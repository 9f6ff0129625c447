import { Button, Heading1, Heading2, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, apiRequest, query } from '../../api/client.ts';
import type { AgreementInput, AgreementList, ManagedAgreement } from '../../api/agreement-types.ts';
import type { List, Ref } from '../../api/types.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert, StatusMessage } from '../../components/problem-alert.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useApi } from '../../components/use-api.ts';
import { useCreateEdit } from '../../components/use-create-edit.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useSubmit } from '../../components/use-submit.ts';
import { AgreementForm, agreementFormValues } from './agreement-form.tsx';
import { formatKpiValue } from '../../../shared/kpi-format.ts';
import { ScrollableTable } from '../../components/scrollable-table.tsx';

/**
 * Prestatieafspraken (/beheer/prestatieafspraken): the targets per municipality and year. The
 * administrator adds, changes and removes them; policy officers and team leads read them.
 * Filters live in the URL.
 */
export function AgreementsPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const municipalityId = params.get('municipalityId') ?? '';
  const year = params.get('year') ?? '';
  const list = useApi<AgreementList>(`/api/performance-agreements${query({ municipalityId, year })}`);
  const municipalities = useApi<List<Ref>>('/api/municipalities/served');
  const { create, edit, editing, createKey, message, startEdit, stopEdit, runCreate, runEdit } = useCreateEdit(list.data?.items, 'agreement-edit-heading', list.reload);
  const remove = useSubmit();
  const [removing, setRemoving] = useState<ManagedAgreement | null>(null);
  const [removed, setRemoved] = useState<string>();
  usePageTitle(t('agreements.pageTitle'));
  const municipalityRefs = municipalities.data?.items ?? [];

  const onCreate = (body: AgreementInput) => void runCreate(() => api.post('/api/performance-agreements', body), t('agreements.created', { title: body.title }));
  // The version the form started from goes along, so an agreement changed meanwhile is refused (412).
  const onEdit = (agreement: ManagedAgreement, body: AgreementInput) =>
    void runEdit(() => api.put(`/api/performance-agreements/${encodeURIComponent(agreement.id)}`, body, { ifMatch: `"${agreement.version}"` }), t('agreements.updated', { title: body.title }));
  const onRemove = async (agreement: ManagedAgreement) => {
    const ok = await remove.run(() => apiRequest<void>('DELETE', `/api/performance-agreements/${encodeURIComponent(agreement.id)}`, { ifMatch: `"${agreement.version}"` }));
    setRemoving(null);
    if (ok) setRemoved(t('agreements.removed', { title: agreement.title }));
    list.reload();
  };

  return (
    <>
      <Heading1>{t('agreements.pageTitle')}</Heading1>
      <Paragraph>{t('agreements.intro')}</Paragraph>
      <StatusMessage message={removed ?? message} />
      <ProblemAlert error={remove.error} />
      <AgreementFilterForm
        key={params.toString()}
        initial={{ municipalityId, year }}
        municipalities={municipalityRefs}
        onSubmit={(filter) => setParams(Object.fromEntries(Object.entries(filter).filter(([, v]) => v)))}
      />
      {editing ? (
        <section aria-labelledby="agreement-edit-heading">
          <Heading2 id="agreement-edit-heading" tabIndex={-1}>
            {t('agreements.editHeading', { title: editing.title })}
          </Heading2>
          <AgreementForm
            key={`${editing.id}-${editing.version}`}
            idPrefix="agreement-edit"
            labelledBy="agreement-edit-heading"
            submitLabel={t('common.save')}
            initial={agreementFormValues(editing)}
            municipalities={municipalityRefs}
            error={edit.error}
            pending={edit.pending}
            onSubmit={(body) => onEdit(editing, body)}
            onCancel={stopEdit}
          />
        </section>
      ) : null}
      <ProblemAlert error={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data ? (
        list.data.items.length === 0 ? (
          <Paragraph role="status">{t('agreements.none')}</Paragraph>
        ) : (
          <ScrollableTable caption={t('agreements.caption')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('agreements.title')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('agreements.municipality')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('agreements.year')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('agreements.kpiAndMeasure')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('agreements.target')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('common.actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.data.items.map((a) => (
                <TableRow key={a.id}>
                  <TableHeaderCell scope="row">
                    {a.title}
                    {a.explanation ? <span className="meedoen-table-note">{a.explanation}</span> : null}
                  </TableHeaderCell>
                  <TableCell>{a.municipality.name}</TableCell>
                  <TableCell>{a.year}</TableCell>
                  <TableCell>
                    {t(`kpi.figures.${a.kpiKey}.title`)}: {t(`kpi.measures.${a.measureKey}`)}
                  </TableCell>
                  <TableCell>{t(`agreements.comparisons.${a.comparison}`)} {formatKpiValue(a.target, a.unit, i18n.language, t)}</TableCell>
                  <TableCell>
                    {a.policies.update ? (
                      <Button appearance="subtle-button" onClick={() => startEdit(a.id)} aria-label={t('agreements.editLabel', { title: a.title })}>
                        {t('common.edit')}
                      </Button>
                    ) : null}
                    {a.policies.delete ? (
                      <Button appearance="subtle-button" onClick={() => { setRemoved(undefined); setRemoving(a); }} aria-label={t('agreements.removeLabel', { title: a.title })}>
                        {t('agreements.remove')}
                      </Button>
                    ) : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </ScrollableTable>
        )
      ) : null}
      {list.data?.policies.create ? (
        <section aria-labelledby="agreement-create-heading">
          <Heading2 id="agreement-create-heading">{t('agreements.createHeading')}</Heading2>
          <AgreementForm
            key={`${createKey}-${municipalityId}-${year}`}
            idPrefix="agreement-create"
            labelledBy="agreement-create-heading"
            submitLabel={t('agreements.create')}
            initial={agreementFormValues(undefined, { municipalityId, year: year ? Number(year) : undefined })}
            municipalities={municipalityRefs}
            error={create.error}
            pending={create.pending}
            onSubmit={onCreate}
          />
        </section>
      ) : null}
      <ConfirmDialog
        open={removing !== null}
        title={t('agreements.removeTitle')}
        message={removing ? t('agreements.removeMessage', { title: removing.title, municipality: removing.municipality.name, year: removing.year }) : ''}
        confirmLabel={t('agreements.remove')}
        pending={remove.pending}
        onConfirm={() => removing && void onRemove(removing)}
        onCancel={() => setRemoving(null)}
      />
    </>
  );
}

type AgreementFilters = { municipalityId: string; year: string };

/** Municipality and year; keyed by the URL so it follows back and forward. */
function AgreementFilterForm({ initial, municipalities, onSubmit }: { initial: AgreementFilters; municipalities: Ref[]; onSubmit: (filters: AgreementFilters) => void }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(filter);
  };
  return (
    <form role="search" aria-label={t('agreements.filters')} onSubmit={submit} className="meedoen-inline-form">
      <SelectField
        id="agreements-municipality"
        label={t('agreements.municipality')}
        value={filter.municipalityId}
        onChange={(value) => setFilter((f) => ({ ...f, municipalityId: value }))}
        emptyLabel={t('agreements.allMunicipalities')}
        options={municipalities.map((m) => ({ value: m.id, label: m.name }))}
      />
      <TextField id="agreements-year" type="number" min={2015} max={2100} inputMode="numeric" label={t('agreements.year')} value={filter.year} onChange={(value) => setFilter((f) => ({ ...f, year: value }))} />
      <Button type="submit" appearance="secondary-action-button">
        {t('agreements.filter')}
      </Button>
    </form>
  );
}
