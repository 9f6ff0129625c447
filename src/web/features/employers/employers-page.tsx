import { Button, Heading1, Heading2, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../../api/client.ts';
import type { Employer, EmployerInput } from '../../api/placement-types.ts';
import type { Page } from '../../api/types.ts';
import { useAuth } from '../../app/auth-context.tsx';
import { CheckboxField } from '../../components/checkbox-field.tsx';
import { formatNumber } from '../../components/format.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert, StatusMessage } from '../../components/problem-alert.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useApi } from '../../components/use-api.ts';
import { useCreateEdit } from '../../components/use-create-edit.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { EmployerForm } from './employer-form.tsx';
import { ScrollableTable } from '../../components/scrollable-table.tsx';

/** The employers and host organisations clients are placed with: search, add and change them. */
export function EmployersPage() {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const [q, setQ] = useState('');
  const [includeInactive, setIncludeInactive] = useState(false);
  const [filter, setFilter] = useState({ q: '', includeInactive: false });
  const list = useApi<Page<Employer>>(`/api/employers${query({ q: filter.q, includeInactive: filter.includeInactive ? 'true' : undefined, limit: 200 })}`);
  const state = useCreateEdit(list.data?.items, 'employer-edit-heading', list.reload);
  const { editing } = state;
  usePageTitle(t('employers.title'));

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    setFilter({ q: q.trim(), includeInactive });
  };
  const onCreate = (input: EmployerInput) => state.runCreate(() => api.post<Employer>('/api/employers', input), t('employers.created', { name: input.name }));
  const onEdit = (employer: Employer, input: EmployerInput) =>
    state.runEdit(() => api.patch<Employer>(`/api/employers/${encodeURIComponent(employer.id)}`, input, { ifMatch: `"${employer.version}"` }), t('employers.updated', { name: input.name }));

  return (
    <>
      <Heading1>{t('employers.title')}</Heading1>
      <Paragraph>{t('employers.intro')}</Paragraph>
      <StatusMessage message={state.message} />
      <form onSubmit={onSearch} className="meedoen-inline-form" role="search" aria-label={t('employers.search')}>
        <TextField id="employers-q" label={t('employers.searchLabel')} value={q} onChange={setQ} />
        <CheckboxField id="employers-inactive" label={t('employers.includeInactive')} checked={includeInactive} onChange={setIncludeInactive} />
        <Button type="submit" appearance="secondary-action-button">
          {t('employers.searchSubmit')}
        </Button>
      </form>
      {editing ? (
        <section aria-labelledby="employer-edit-heading">
          <Heading2 id="employer-edit-heading" tabIndex={-1}>
            {t('employers.editHeading', { name: editing.name })}
          </Heading2>
          <EmployerForm
            key={`${editing.id}-${editing.version}`}
            idPrefix="employer-edit"
            labelledBy="employer-edit-heading"
            employer={editing}
            submitLabel={t('common.save')}
            error={state.edit.error}
            pending={state.edit.pending}
            onSubmit={(input) => void onEdit(editing, input)}
            onCancel={state.stopEdit}
          />
        </section>
      ) : null}
      <ProblemAlert error={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data ? (
        list.data.items.length === 0 ? (
          <Paragraph>{t('common.noResults')}</Paragraph>
        ) : (
          <ScrollableTable caption={t('employers.caption', { count: list.data.total })}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('employers.name')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('employers.kvk')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('employers.sector')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('employers.municipality')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('employers.contact')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('employers.runningPlacements')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('common.actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.data.items.map((e) => (
                <TableRow key={e.id}>
                  <TableCell>
                    {e.name}
                    {e.active ? '' : ` (${t('employers.inactive')})`}
                  </TableCell>
                  <TableCell>{e.kvkNumber ?? t('common.none')}</TableCell>
                  <TableCell>{t(`employers.sectors.${e.sector}`)}</TableCell>
                  <TableCell>{e.municipality?.name ?? t('common.none')}</TableCell>
                  <TableCell>{[e.contact.name, e.contact.phone, e.contact.email].filter(Boolean).join(', ') || t('common.none')}</TableCell>
                  <TableCell>{formatNumber(e.runningPlacements, i18n.language)}</TableCell>
                  <TableCell>
                    {e.policies.update && can('employers:manage') ? (
                      <Button appearance="subtle-button" onClick={() => state.startEdit(e.id)} aria-label={t('employers.editOf', { name: e.name })}>
                        {t('common.edit')}
                      </Button>
                    ) : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </ScrollableTable>
        )
      ) : null}
      {can('employers:manage') ? (
        <section aria-labelledby="employer-create-heading">
          <Heading2 id="employer-create-heading">{t('employers.createHeading')}</Heading2>
          <EmployerForm
            key={state.createKey}
            idPrefix="employer-create"
            labelledBy="employer-create-heading"
            submitLabel={t('employers.create')}
            error={state.create.error}
            pending={state.create.pending}
            onSubmit={(input) => void onCreate(input)}
          />
        </section>
      ) : null}
    </>
  );
}
