import { Button, ButtonGroup, Heading1, Heading2, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { AdminUser, CreateUserInput, ExternalOrganisation, List, Team, UpdateUserInput } from '../../api/types.ts';
import { formatDateTime } from '../../components/format.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert, StatusMessage } from '../../components/problem-alert.tsx';
import { useApi } from '../../components/use-api.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useSubmit } from '../../components/use-submit.ts';
import { UserForm, initialUserValues, type UserFormValues } from './user-form.tsx';
import { ScrollableTable } from '../../components/scrollable-table.tsx';

/** User administration: list, create, edit, block and unblock, each action shown only when the server allows it. */
export function UsersPage() {
  const { t, i18n } = useTranslation();
  const users = useApi<List<AdminUser>>('/api/users');
  const teams = useApi<List<Team>>('/api/teams');
  const organisations = useApi<List<ExternalOrganisation>>('/api/external-organisations');
  const create = useSubmit();
  const edit = useSubmit();
  const action = useSubmit();
  const [editing, setEditing] = useState<AdminUser | null>(null);
  const [createKey, setCreateKey] = useState(0);
  const [message, setMessage] = useState<string>();
  usePageTitle(t('users.title'));

  const onCreate = async (values: UserFormValues) => {
    setMessage(undefined);
    const body: CreateUserInput = {
      email: values.email.trim(),
      displayName: values.displayName.trim(),
      role: values.role,
      password: values.password,
      ...(values.teamId ? { teamId: values.teamId } : {}),
      ...(values.externalOrganisationId ? { externalOrganisationId: values.externalOrganisationId } : {}),
    };
    const ok = await create.run(() => api.post<AdminUser>('/api/users', body).then(() => undefined));
    if (ok) {
      setMessage(t('users.created', { name: body.displayName }));
      setCreateKey((k) => k + 1);
      users.reload();
    }
  };

  const onEdit = async (user: AdminUser, values: UserFormValues) => {
    setMessage(undefined);
    const body: UpdateUserInput = {};
    if (values.displayName.trim() !== user.displayName) body.displayName = values.displayName.trim();
    if (values.role !== user.role) body.role = values.role;
    if (values.teamId !== (user.team?.id ?? '')) body.teamId = values.teamId || null;
    if (values.externalOrganisationId !== (user.externalOrganisation?.id ?? '')) {
      body.externalOrganisationId = values.externalOrganisationId || null;
    }
    const ok = await edit.run(() => api.patch<AdminUser>(`/api/users/${encodeURIComponent(user.id)}`, body).then(() => undefined));
    if (ok) {
      setEditing(null);
      setMessage(t('users.updated', { name: values.displayName.trim() }));
      users.reload();
    }
  };

  const onToggle = async (user: AdminUser, verb: 'disable' | 'enable') => {
    setMessage(undefined);
    const ok = await action.run(() => api.post<unknown>(`/api/users/${encodeURIComponent(user.id)}/${verb}`).then(() => undefined));
    if (ok) {
      setMessage(t(verb === 'disable' ? 'users.disabled' : 'users.enabled', { name: user.displayName }));
      users.reload();
    }
  };

  const startEdit = (user: AdminUser) => {
    edit.clear();
    setEditing(user);
    requestAnimationFrame(() => document.getElementById('user-edit-heading')?.focus());
  };

  const status = (user: AdminUser) => {
    if (user.disabled) return t('users.disabledStatus');
    if (user.lockedUntil && new Date(user.lockedUntil) > new Date()) {
      return t('users.lockedUntil', { time: formatDateTime(user.lockedUntil, i18n.language) });
    }
    return t('users.active');
  };

  const ready = teams.data && organisations.data;
  return (
    <>
      <Heading1>{t('users.title')}</Heading1>
      <StatusMessage message={message} />
      <ProblemAlert error={action.error ?? users.error ?? teams.error ?? organisations.error} />
      {editing && ready ? (
        <section aria-labelledby="user-edit-heading">
          <Heading2 id="user-edit-heading" tabIndex={-1}>
            {t('users.editHeading', { name: editing.displayName })}
          </Heading2>
          <UserForm
            key={editing.id}
            mode="edit"
            idPrefix="user-edit"
            labelledBy="user-edit-heading"
            initial={initialUserValues(editing)}
            teams={teams.data?.items ?? []}
            organisations={organisations.data?.items ?? []}
            error={edit.error}
            pending={edit.pending}
            onSubmit={(values) => void onEdit(editing, values)}
            onCancel={() => setEditing(null)}
          />
        </section>
      ) : null}
      {users.loading && !users.data ? <Loading /> : null}
      {users.data ? (
        <ScrollableTable caption={t('users.caption')} captionHidden>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('users.displayName')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('users.email')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('users.role')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('users.team')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('users.externalOrganisation')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('users.status')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('users.lastLogin')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('common.actions')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {users.data.items.map((user) => (
              <TableRow key={user.id} data-user-email={user.email}>
                <TableCell>{user.displayName}</TableCell>
                <TableCell>{user.email}</TableCell>
                <TableCell>{t(`roles.${user.role}`)}</TableCell>
                <TableCell>{user.team?.name ?? t('common.none')}</TableCell>
                <TableCell>{user.externalOrganisation?.name ?? t('common.none')}</TableCell>
                <TableCell>{status(user)}</TableCell>
                <TableCell>
                  {user.lastLoginAt ? formatDateTime(user.lastLoginAt, i18n.language) : t('users.never')}
                </TableCell>
                <TableCell>
                  <ButtonGroup className="meedoen-row-actions">
                    {user.policies.update ? (
                      <Button appearance="subtle-button" onClick={() => startEdit(user)}>
                        {t('common.edit')}
                      </Button>
                    ) : null}
                    {user.policies.disable ? (
                      <Button appearance="secondary-action-button" hint="danger" onClick={() => void onToggle(user, 'disable')}>
                        {t('users.disable')}
                      </Button>
                    ) : null}
                    {user.policies.enable ? (
                      <Button appearance="secondary-action-button" onClick={() => void onToggle(user, 'enable')}>
                        {t('users.enable')}
                      </Button>
                    ) : null}
                  </ButtonGroup>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </ScrollableTable>
      ) : null}
      {ready ? (
        <section aria-labelledby="user-create-heading">
          <Heading2 id="user-create-heading">{t('users.createHeading')}</Heading2>
          <UserForm
            key={createKey}
            mode="create"
            idPrefix="user-create"
            labelledBy="user-create-heading"
            initial={initialUserValues()}
            teams={teams.data?.items ?? []}
            organisations={organisations.data?.items ?? []}
            error={create.error}
            pending={create.pending}
            onSubmit={(values) => void onCreate(values)}
          />
        </section>
      ) : null}
    </>
  );
}
