import { Button, Heading1, Heading2, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { BeschutOverview, BeschutOverviewLine } from '../../api/placement-types.ts';
import { useAuth } from '../../app/auth-context.tsx';
import { formatDate, formatNumber } from '../../components/format.ts';
import { FormActions } from '../../components/form-actions.tsx';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert, StatusMessage } from '../../components/problem-alert.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useApi } from '../../components/use-api.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useSubmit } from '../../components/use-submit.ts';
import { BeschutApplicationsTable } from './beschut-applications-table.tsx';
import { ScrollableTable } from '../../components/scrollable-table.tsx';

const thisYear = new Date().getFullYear();

/**
 * Beschut werk per municipality and year: the quota (taakstelling) against the places realised,
 * the waiting list and the applications in assessment; the administrator enters the quota, and
 * coaches see their own clients on the waiting list and in assessment.
 */
export function BeschutWerkPage() {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const [year, setYear] = useState(String(thisYear));
  const overview = useApi<BeschutOverview>(`/api/beschut-werk/overview?year=${year}`);
  const [editing, setEditing] = useState<BeschutOverviewLine | null>(null);
  const [message, setMessage] = useState<string>();
  usePageTitle(t('beschutWerk.title'));
  const n = (value: number | null) => (value === null ? t('beschutWerk.suppressed') : formatNumber(value, i18n.language));
  const share = (line: BeschutOverviewLine) => (line.quota && line.realised !== null ? `${Math.round((100 * line.realised) / line.quota)}%` : t('common.none'));

  return (
    <>
      <Heading1>{t('beschutWerk.title')}</Heading1>
      <Paragraph>{t('beschutWerk.intro')}</Paragraph>
      <StatusMessage message={message} />
      <SelectField
        id="beschut-year"
        label={t('beschutWerk.year')}
        value={year}
        onChange={(y) => {
          setEditing(null);
          setYear(y);
        }}
        options={[thisYear - 2, thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: String(y), label: String(y) }))}
      />
      <ProblemAlert error={overview.error} />
      {overview.loading && !overview.data ? <Loading /> : null}
      {overview.data ? (
        <>
          <ScrollableTable data-testid="beschut-overview" caption={t('beschutWerk.caption', { year: overview.data.year, date: formatDate(overview.data.on, i18n.language) })}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('beschutWerk.municipality')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('beschutWerk.quota')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('beschutWerk.realised')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('beschutWerk.share')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('beschutWerk.waiting')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('beschutWerk.inAssessment')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('beschutWerk.werkfitCount')}</TableHeaderCell>
                {can('beschut-werk:quota') ? <TableHeaderCell scope="col">{t('common.actions')}</TableHeaderCell> : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {overview.data.items.map((line) => (
                <TableRow key={line.municipality.id}>
                  <TableHeaderCell scope="row">{line.municipality.name}</TableHeaderCell>
                  <TableCell>{line.quota === null ? t('beschutWerk.noQuota') : formatNumber(line.quota, i18n.language)}</TableCell>
                  <TableCell>{n(line.realised)}</TableCell>
                  <TableCell>{share(line)}</TableCell>
                  <TableCell>{n(line.waiting)}</TableCell>
                  <TableCell>{n(line.inAssessment)}</TableCell>
                  <TableCell>{n(line.werkfit)}</TableCell>
                  {can('beschut-werk:quota') ? (
                    <TableCell>
                      {line.policies.editQuota ? (
                        <Button appearance="subtle-button" onClick={() => setEditing(line)} aria-label={t('beschutWerk.editQuotaOf', { name: line.municipality.name })}>
                          {t('beschutWerk.editQuota')}
                        </Button>
                      ) : null}
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </ScrollableTable>
          {overview.data.exact ? null : <Paragraph>{t('beschutWerk.suppressedNote')}</Paragraph>}
        </>
      ) : null}
      {editing ? (
        <QuotaForm
          key={editing.municipality.id}
          line={editing}
          year={Number(year)}
          onCancel={() => setEditing(null)}
          onSaved={(quota) => {
            setEditing(null);
            setMessage(t('beschutWerk.quotaSaved', { name: editing.municipality.name, year, quota }));
            overview.reload();
          }}
        />
      ) : null}
      {can('placements:write') ? (
        <>
          <BeschutApplicationsTable status="in_beoordeling" heading={t('beschutWerk.inAssessmentHeading')} />
          <BeschutApplicationsTable status="positief" heading={t('beschutWerk.waitingHeading')} />
        </>
      ) : null}
    </>
  );
}

function QuotaForm({ line, year, onSaved, onCancel }: { line: BeschutOverviewLine; year: number; onSaved: (quota: number) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [quota, setQuota] = useState(line.quota === null ? '' : String(line.quota));
  const [error, setError] = useState<string>();
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d+$/.test(quota.trim())) {
      setError(t('beschutWerk.quotaInvalid'));
      document.getElementById('beschut-quota')?.focus();
      return;
    }
    setError(undefined);
    const value = Number(quota);
    const ok = await submit.run(() => api.put<unknown>(`/api/beschut-werk/quotas/${encodeURIComponent(line.municipality.id)}/${year}`, { quota: value }).then(() => undefined));
    if (ok) onSaved(value);
  };
  return (
    <section aria-labelledby="beschut-quota-heading">
      <Heading2 id="beschut-quota-heading">{t('beschutWerk.quotaHeading', { name: line.municipality.name, year })}</Heading2>
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="beschut-quota-heading" className="meedoen-form">
        <ProblemAlert error={submit.error} />
        <TextField id="beschut-quota" label={t('beschutWerk.quota')} inputMode="numeric" required value={quota} onChange={setQuota} error={error} />
        <FormActions submitLabel={t('common.save')} pending={submit.pending} onCancel={onCancel} />
      </form>
    </section>
  );
}
