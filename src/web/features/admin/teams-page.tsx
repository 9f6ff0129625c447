import { Button, Heading1, Heading2, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { List, Municipality, Team } from '../../api/types.ts';
import { formatNumber } from '../../components/format.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert, StatusMessage } from '../../components/problem-alert.tsx';
import { useApi } from '../../components/use-api.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useSubmit } from '../../components/use-submit.ts';
import { TeamForm, type TeamFormValues } from './team-form.tsx';
import { ScrollableTable } from '../../components/scrollable-table.tsx';

/** Team administration: list, create and rename teams. */
export function TeamsPage() {
  const { t, i18n } = useTranslation();
  const teams = useApi<List<Team>>('/api/teams');
  const municipalities = useApi<List<Municipality>>('/api/municipalities');
  const create = useSubmit();
  const edit = useSubmit();
  const [editing, setEditing] = useState<Team | null>(null);
  const [createKey, setCreateKey] = useState(0);
  const [message, setMessage] = useState<string>();
  usePageTitle(t('teams.title'));

  const onCreate = async (values: TeamFormValues) => {
    setMessage(undefined);
    const body = { name: values.name.trim(), ...(values.municipalityId ? { municipalityId: values.municipalityId } : {}) };
    if (await create.run(() => api.post<Team>('/api/teams', body).then(() => undefined))) {
      setMessage(t('teams.created', { name: body.name }));
      setCreateKey((k) => k + 1);
      teams.reload();
    }
  };

  const onEdit = async (team: Team, values: TeamFormValues) => {
    setMessage(undefined);
    const body: { name?: string; municipalityId?: string | null } = {};
    if (values.name.trim() !== team.name) body.name = values.name.trim();
    if (values.municipalityId !== (team.municipality?.id ?? '')) body.municipalityId = values.municipalityId || null;
    if (await edit.run(() => api.patch<Team>(`/api/teams/${encodeURIComponent(team.id)}`, body).then(() => undefined))) {
      setEditing(null);
      setMessage(t('teams.updated', { name: values.name.trim() }));
      teams.reload();
    }
  };

  const startEdit = (team: Team) => {
    edit.clear();
    setEditing(team);
    requestAnimationFrame(() => document.getElementById('team-edit-heading')?.focus());
  };

  const municipalityItems = municipalities.data?.items ?? [];
  return (
    <>
      <Heading1>{t('teams.title')}</Heading1>
      <StatusMessage message={message} />
      <ProblemAlert error={teams.error ?? municipalities.error} />
      {editing && municipalities.data ? (
        <section aria-labelledby="team-edit-heading">
          <Heading2 id="team-edit-heading" tabIndex={-1}>
            {t('teams.editHeading', { name: editing.name })}
          </Heading2>
          <TeamForm
            key={editing.id}
            idPrefix="team-edit"
            labelledBy="team-edit-heading"
            submitLabel={t('common.save')}
            initial={{ name: editing.name, municipalityId: editing.municipality?.id ?? '' }}
            municipalities={municipalityItems}
            error={edit.error}
            pending={edit.pending}
            onSubmit={(values) => void onEdit(editing, values)}
            onCancel={() => setEditing(null)}
          />
        </section>
      ) : null}
      {teams.loading && !teams.data ? <Loading /> : null}
      {teams.data ? (
        <ScrollableTable caption={t('teams.caption')} captionHidden>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('teams.name')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('teams.municipality')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('teams.memberCount')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('common.actions')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {teams.data.items.map((team) => (
              <TableRow key={team.id}>
                <TableCell>{team.name}</TableCell>
                <TableCell>{team.municipality?.name ?? t('common.none')}</TableCell>
                <TableCell>{formatNumber(team.memberCount, i18n.language)}</TableCell>
                <TableCell>
                  {team.policies.update ? (
                    <Button appearance="subtle-button" onClick={() => startEdit(team)}>
                      {t('common.edit')}
                    </Button>
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </ScrollableTable>
      ) : null}
      {municipalities.data ? (
        <section aria-labelledby="team-create-heading">
          <Heading2 id="team-create-heading">{t('teams.createHeading')}</Heading2>
          <TeamForm
            key={createKey}
            idPrefix="team-create"
            labelledBy="team-create-heading"
            submitLabel={t('teams.create')}
            initial={{ name: '', municipalityId: '' }}
            municipalities={municipalityItems}
            error={create.error}
            pending={create.pending}
            onSubmit={(values) => void onCreate(values)}
          />
        </section>
      ) : null}
    </>
  );
}
