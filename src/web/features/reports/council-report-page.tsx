import { Button, ButtonGroup, ButtonLink, Heading1, Heading2, Heading3, Link, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PERIOD_PATTERN } from '../../../shared/kpi.ts';
import type { ReportOptions, ReportTables, ReportTexts } from '../../api/report-types.ts';
import { useAuth } from '../../app/auth-context.tsx';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { useApi } from '../../components/use-api.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { periodLabel } from '../dashboard/dashboard-filter-form.tsx';
import { currentYear, periodChoices } from '../dashboard/dashboard-filters.ts';
import { ReportTextForm } from './report-text-form.tsx';
import './reports.css';

const UUID = /^[0-9a-f-]{36}$/i;

/** The report chosen in the URL: a municipality or "all", and a period (this year by default). */
function readChoice(params: URLSearchParams) {
  const municipalityId = params.get('municipalityId') ?? '';
  const period = params.get('period') ?? '';
  return { municipalityId: UUID.test(municipalityId) ? municipalityId : 'all', period: PERIOD_PATTERN.test(period) ? period : String(currentYear()) };
}

/**
 * Raadsrapportage: choose a municipality (or all side by side) and a period, write the
 * explanation texts, and download the report as PDF or Excel and every table as CSV. The
 * administrator also finds the statistical export to CBS here.
 */
export function CouncilReportPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const choice = readChoice(params);
  const [form, setForm] = useState(choice);
  const options = useApi<ReportOptions>('/api/reports/options');
  const query = new URLSearchParams(choice).toString();
  const texts = useApi<ReportTexts>(`/api/reports/texts?${query}`);
  const [showTables, setShowTables] = useState(false);
  const [loads, setLoads] = useState(0);
  usePageTitle(t('reports.title'));

  const municipalities = options.data?.municipalities ?? [];
  const scopeName = choice.municipalityId === 'all' ? t('reports.allMunicipalities') : (municipalities.find((m) => m.id === choice.municipalityId)?.name ?? '');
  const periods = periodChoices();
  if (!periods.includes(form.period)) periods.unshift(form.period);

  const choose = (event: FormEvent) => {
    event.preventDefault();
    setShowTables(false);
    setParams(form);
  };
  const sectionLabel = (section: string) =>
    section === 'introduction' ? t('reports.sections.introduction') : section === 'conclusion' ? t('reports.sections.conclusion') : t(`kpi.figures.${section}.title`, { defaultValue: section });

  return (
    <>
      <Heading1>{t('reports.title')}</Heading1>
      <Paragraph>{t('reports.intro')}</Paragraph>
      {/* The dashboard may pass its route, group or provider filter along; a council report is about whole municipalities. */}
      {params.get('route') || params.get('group') || params.get('providerId') ? <Paragraph>{t('reports.filtersIgnored')}</Paragraph> : null}
      <section aria-labelledby="report-choice-heading">
        <Heading2 id="report-choice-heading">{t('reports.choice.heading')}</Heading2>
        <ProblemAlert error={options.error} />
        <form onSubmit={choose} className="meedoen-report__choice" aria-labelledby="report-choice-heading">
          <SelectField
            id="report-municipality"
            label={t('reports.choice.municipality')}
            value={form.municipalityId}
            onChange={(municipalityId) => setForm((f) => ({ ...f, municipalityId }))}
            options={[{ value: 'all', label: t('reports.choice.all') }, ...municipalities.map((m) => ({ value: m.id, label: m.name }))]}
          />
          <SelectField
            id="report-period"
            label={t('reports.choice.period')}
            value={form.period}
            onChange={(period) => setForm((f) => ({ ...f, period }))}
            options={periods.map((p) => ({ value: p, label: periodLabel(p, t) }))}
          />
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button">
              {t('reports.choice.apply')}
            </Button>
          </ButtonGroup>
        </form>
      </section>

      <section aria-labelledby="report-download-heading">
        <Heading2 id="report-download-heading">{t('reports.download.heading')}</Heading2>
        <Paragraph data-testid="report-scope">{t('reports.download.scope', { scope: scopeName, period: periodLabel(choice.period, t) })}</Paragraph>
        <ButtonGroup>
          <ButtonLink href={`/api/reports/council.pdf?${query}`} download appearance="primary-action-button">
            {t('reports.download.pdf')}
          </ButtonLink>
          <ButtonLink href={`/api/reports/council.xlsx?${query}`} download appearance="secondary-action-button">
            {t('reports.download.xlsx')}
          </ButtonLink>
        </ButtonGroup>
        <Paragraph>{t('reports.download.suppressed')}</Paragraph>
        <Heading3>{t('reports.csv.heading')}</Heading3>
        <Paragraph>{t('reports.csv.intro')}</Paragraph>
        {showTables ? (
          <CsvTables query={query} />
        ) : (
          <Button type="button" appearance="secondary-action-button" onClick={() => setShowTables(true)}>
            {t('reports.csv.show')}
          </Button>
        )}
      </section>

      <section aria-labelledby="report-texts-heading">
        <Heading2 id="report-texts-heading">{t('reports.texts.heading')}</Heading2>
        <ProblemAlert error={texts.error} />
        {texts.loading && !texts.data ? <Loading /> : null}
        {texts.data ? (
          <>
            <Paragraph>{texts.data.policies.edit ? t('reports.texts.intro') : t('reports.texts.readOnly')}</Paragraph>
            {texts.data.texts.map((text) =>
              texts.data!.policies.edit ? (
                <ReportTextForm
                  key={`${query}-${text.section}-${text.version}-${loads}`}
                  query={query}
                  text={text}
                  label={sectionLabel(text.section)}
                  onReload={() => {
                    setLoads((n) => n + 1);
                    texts.reload();
                  }}
                />
              ) : (
                <div key={text.section} className="meedoen-report__text">
                  <Heading3>{sectionLabel(text.section)}</Heading3>
                  <Paragraph>{text.text || t('reports.texts.empty')}</Paragraph>
                </div>
              ),
            )}
          </>
        ) : null}
      </section>

      {can('exports:cbs') ? <CbsExportSection period={choice.period} /> : null}
    </>
  );
}

/** Every table of the report with a CSV link, loaded on request (it computes the whole report). */
function CsvTables({ query }: { query: string }) {
  const { t } = useTranslation();
  const tables = useApi<ReportTables>(`/api/reports/council/tables?${query}`);
  if (tables.loading && !tables.data) return <Loading />;
  if (tables.error) return <ProblemAlert error={tables.error} />;
  return (
    <UnorderedList className="meedoen-report__csv" data-testid="report-csv-list">
      {tables.data?.kpis.map((kpi) => (
        <UnorderedListItem key={kpi.key}>
          {kpi.title}
          <UnorderedList>
            {kpi.tables.map((table) => (
              <UnorderedListItem key={table.key}>
                <Link href={`/api/reports/council/tables/${kpi.key}/${table.key}.csv?${query}`} download>
                  {t('reports.csv.link', { table: table.title })}
                </Link>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </UnorderedListItem>
      ))}
    </UnorderedList>
  );
}

/** The statistical export to CBS (SRG): the administrator only; it holds BSNs and is logged per client. */
function CbsExportSection({ period }: { period: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="report-cbs-heading">
      <Heading2 id="report-cbs-heading">{t('reports.cbs.heading')}</Heading2>
      <Paragraph>{t('reports.cbs.intro')}</Paragraph>
      <Paragraph>{t('reports.cbs.logged')}</Paragraph>
      <ButtonLink href={`/api/exports/cbs?period=${encodeURIComponent(period)}`} download appearance="secondary-action-button">
        {t('reports.cbs.download', { period: periodLabel(period, t) })}
      </ButtonLink>
    </section>
  );
}
