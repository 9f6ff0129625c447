import { Button, Heading1, Heading2, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import type { ReturnAssumptions, ReturnAssumptionsResponse } from '../../api/agreement-types.ts';
import { FormActions } from '../../components/form-actions.tsx';
import { formatDateTime } from '../../components/format.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert, StatusMessage } from '../../components/problem-alert.tsx';
import { fieldErrors } from '../../components/problem-message.ts';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useApi } from '../../components/use-api.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useSubmit } from '../../components/use-submit.ts';
import { ROUTES } from '../../../shared/client-fields.ts';
import type { KpiUnit } from '../../../shared/kpi.ts';
import { formatKpiValue } from '../../../shared/kpi-format.ts';
import { ScrollableTable } from '../../components/scrollable-table.tsx';

/** The assumptions in the order the page lists them, with the key the figure uses (kpi.assumptions.*). */
function rowsOf(a: ReturnAssumptions): Array<{ key: string; value: number; unit: KpiUnit }> {
  return [
    { key: 'staff_hourly_rate', value: a.staffHourlyRateCents / 100, unit: 'euro' },
    ...ROUTES.map((route) => ({ key: `staff_hours_${route}`, value: a.staffHours[route], unit: 'number' as const })),
    { key: 'monthly_benefit', value: a.monthlyBenefitCents / 100, unit: 'euro' },
    { key: 'months_counted', value: a.monthsCounted, unit: 'number' },
    { key: 'integration_budget', value: a.integrationBudgetCents / 100, unit: 'euro' },
    { key: 'inflow_prevented', value: a.inflowPrevented, unit: 'count' },
    { key: 'inflow_prevented_saving', value: a.inflowPreventedSavingCents / 100, unit: 'euro' },
  ];
}

const YEARS_BACK = 3;

/**
 * Rendement: uitgangspunten (/beheer/rendement): the assumptions behind the return per route of a
 * year, shown as a table for everyone who reads agreements and editable by the administrator.
 */
export function ReturnAssumptionsPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const year = Number(params.get('year') ?? thisYear);
  const state = useApi<ReturnAssumptionsResponse>(`/api/return-assumptions?year=${year}`);
  const save = useSubmit();
  const [message, setMessage] = useState<string>();
  usePageTitle(t('returnAssumptions.title'));
  const years = Array.from({ length: YEARS_BACK + 2 }, (_, i) => thisYear + 1 - i);

  const onSave = async (body: ReturnAssumptions) => {
    setMessage(undefined);
    const version = state.data?.assumptions?.version ?? 0;
    const ok = await save.run(() => api.put('/api/return-assumptions' + `?year=${year}`, body, { ifMatch: `"${version}"` }).then(() => undefined));
    if (ok) setMessage(t('returnAssumptions.saved', { year }));
    state.reload();
  };

  const assumptions = state.data?.assumptions ?? null;
  return (
    <>
      <Heading1>{t('returnAssumptions.title')}</Heading1>
      <Paragraph>{t('returnAssumptions.intro')}</Paragraph>
      <StatusMessage message={message} />
      <YearForm key={year} year={year} years={years} onSubmit={(chosen) => setParams({ year: String(chosen) })} />
      <ProblemAlert error={state.error} />
      {state.loading && !state.data ? <Loading /> : null}
      {state.data && !assumptions ? <Paragraph role="status">{t('returnAssumptions.none', { year })}</Paragraph> : null}
      {assumptions ? (
        <>
          <ScrollableTable caption={t('returnAssumptions.caption', { year })}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('returnAssumptions.assumption')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('returnAssumptions.value')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rowsOf(assumptions).map((row) => (
                <TableRow key={row.key}>
                  <TableHeaderCell scope="row">{t(`kpi.assumptions.${row.key}`)}</TableHeaderCell>
                  <TableCell>{row.unit === 'euro' ? formatEuro(row.value, i18n.language) : formatKpiValue(row.value, row.unit, i18n.language, t)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </ScrollableTable>
          <Paragraph>{t('returnAssumptions.updatedAt', { when: formatDateTime(assumptions.updatedAt, i18n.language) })}</Paragraph>
        </>
      ) : null}
      {state.data?.policies.update ? (
        <section aria-labelledby="return-edit-heading">
          <Heading2 id="return-edit-heading">{t('returnAssumptions.editHeading', { year })}</Heading2>
          <ReturnAssumptionsForm key={`${year}-${assumptions?.version ?? 0}`} initial={assumptions} error={save.error} pending={save.pending} onSubmit={(body) => void onSave(body)} />
        </section>
      ) : null}
    </>
  );
}

/** The year to show; applied with its button, so choosing does not reload the page under the user. */
function YearForm({ year, years, onSubmit }: { year: number; years: number[]; onSubmit: (year: number) => void }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState(String(year));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(Number(chosen));
  };
  return (
    <form role="search" aria-label={t('returnAssumptions.chooseYear')} className="meedoen-inline-form" onSubmit={submit}>
      <SelectField id="return-year" label={t('returnAssumptions.year')} value={chosen} onChange={setChosen} options={years.map((y) => ({ value: String(y), label: String(y) }))} />
      <Button type="submit" appearance="secondary-action-button">
        {t('returnAssumptions.show')}
      </Button>
    </form>
  );
}

/** Euros with cents where there are any (an hourly rate of €71.50), not rounded like a figure. */
function formatEuro(value: number, language: string): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'nl-NL', { style: 'currency', currency: 'EUR' }).format(value);
}

type FormValues = Record<'rate' | 'benefit' | 'months' | 'budget' | 'inflow' | 'inflowSaving' | `hours_${(typeof ROUTES)[number]}`, string>;

const euroText = (cents: number | undefined) => (cents === undefined ? '' : String(cents / 100));
/** A typed number: with a comma, the comma is the decimal sign and dots group thousands ("1.234,50"); else a plain number. */
const toNumber = (text: string) => {
  const s = text.trim();
  return Number(s.includes(',') ? s.replace(/\./g, '').replace(',', '.') : s);
};
const toCents = (text: string) => Math.round(toNumber(text) * 100);

/** The assumptions of one year as typed: euros (with a decimal comma), hours and counts. */
function ReturnAssumptionsForm({ initial, error, pending, onSubmit }: { initial: ReturnAssumptions | null; error: ReturnType<typeof useSubmit>['error']; pending: boolean; onSubmit: (body: ReturnAssumptions) => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<FormValues>({
    rate: euroText(initial?.staffHourlyRateCents),
    benefit: euroText(initial?.monthlyBenefitCents),
    months: String(initial?.monthsCounted ?? 12),
    budget: euroText(initial?.integrationBudgetCents),
    inflow: String(initial?.inflowPrevented ?? 0),
    inflowSaving: euroText(initial?.inflowPreventedSavingCents ?? 0),
    hours_vrijwilliger: String(initial?.staffHours.vrijwilliger ?? ''),
    hours_onderwijs: String(initial?.staffHours.onderwijs ?? ''),
    hours_werknemer: String(initial?.staffHours.werknemer ?? ''),
    hours_ondernemer: String(initial?.staffHours.ondernemer ?? ''),
  });
  const errors = fieldErrors(error, t);
  const set = (key: keyof FormValues) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({
      staffHourlyRateCents: toCents(values.rate),
      staffHours: { vrijwilliger: toNumber(values.hours_vrijwilliger), onderwijs: toNumber(values.hours_onderwijs), werknemer: toNumber(values.hours_werknemer), ondernemer: toNumber(values.hours_ondernemer) },
      monthlyBenefitCents: toCents(values.benefit),
      monthsCounted: toNumber(values.months),
      integrationBudgetCents: toCents(values.budget),
      inflowPrevented: toNumber(values.inflow),
      inflowPreventedSavingCents: toCents(values.inflowSaving),
    });
  };
  const euroField = (key: keyof FormValues, label: string, error?: string) => (
    <TextField id={`return-${key}`} label={label} description={t('returnAssumptions.euroHint')} required inputMode="decimal" autoComplete="off" value={values[key]} onChange={set(key)} error={error} />
  );
  return (
    <form onSubmit={submit} aria-labelledby="return-edit-heading" className="meedoen-form">
      <ProblemAlert error={error} id="return-problem" />
      {euroField('rate', t('kpi.assumptions.staff_hourly_rate'), errors.staffHourlyRateCents)}
      {ROUTES.map((route) => (
        <TextField
          key={route}
          id={`return-hours-${route}`}
          label={t(`kpi.assumptions.staff_hours_${route}`)}
          required
          inputMode="decimal"
          autoComplete="off"
          value={values[`hours_${route}`]}
          onChange={set(`hours_${route}`)}
          error={errors.staffHours}
        />
      ))}
      {euroField('benefit', t('kpi.assumptions.monthly_benefit'), errors.monthlyBenefitCents)}
      <TextField id="return-months" label={t('kpi.assumptions.months_counted')} type="number" min={1} max={60} required inputMode="numeric" value={values.months} onChange={set('months')} error={errors.monthsCounted} />
      {euroField('budget', t('kpi.assumptions.integration_budget'), errors.integrationBudgetCents)}
      <TextField id="return-inflow" label={t('kpi.assumptions.inflow_prevented')} type="number" min={0} required inputMode="numeric" value={values.inflow} onChange={set('inflow')} error={errors.inflowPrevented} />
      {euroField('inflowSaving', t('kpi.assumptions.inflow_prevented_saving'), errors.inflowPreventedSavingCents)}
      <FormActions submitLabel={t('common.save')} pending={pending} />
    </form>
  );
}
