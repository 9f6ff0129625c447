import { Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { parsePeriod, type KpiFigure } from '../../../shared/kpi.ts';
import type { KpiDashboard } from '../../api/kpi-types.ts';
import { useAuth } from '../../app/auth-context.tsx';
import { formatDateTime } from '../../components/format.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterButtonLink } from '../../components/router-button-link.tsx';
import { useApi } from '../../components/use-api.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { AgreementsPanel } from './agreements-panel.tsx';
import { DashboardFilterForm, periodLabel } from './dashboard-filter-form.tsx';
import { apiQuery, FILTER_KEYS, readFilters, writeFilters, type DashboardFilters } from './dashboard-filters.ts';
import { FigureCard } from './figure-card.tsx';
import './dashboard.css';

/**
 * The KPI dashboard. The server decides whose work it covers (organisation, team or provider);
 * with a municipality chosen the organisation dashboard becomes that municipality's dashboard.
 * The filters live in the URL, so a view can be shared and reloaded. Each figure shows its
 * headline, its tables with a chart beside them and, for roles that may, links to the clients
 * behind a number. The agreements of the chosen municipality and year come first.
 */
/** How soon the dashboard asks again after it was shown figures computed before the latest change. */
const STALE_RELOAD_MS = 15_000;

export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const dashboard = useApi<KpiDashboard>(`/api/kpi${apiQuery(filters)}`);
  const data = dashboard.data;
  // Older figures while newer ones are being computed: ask again shortly, until they are current.
  const stale = data !== undefined && !data.freshness.upToDate;
  const { reload } = dashboard;
  useEffect(() => {
    if (!stale) return;
    const timer = setTimeout(reload, STALE_RELOAD_MS);
    return () => clearTimeout(timer);
  }, [stale, reload, data]);
  const municipality = data?.options.municipalities.find((m) => m.id === filters.municipalityId);

  const title = !data
    ? t('dashboard.title')
    : municipality
      ? t('dashboard.titles.municipality', { name: municipality.name })
      : t(`dashboard.titles.${data.scope.kind}`);
  usePageTitle(title);

  const go = (next: DashboardFilters) => setParams(writeFilters(next));
  // The form restarts from the URL whenever the URL's filters change (back button, reset).
  const formKey = FILTER_KEYS.map((k) => filters[k]).join('|');
  const query = apiQuery(filters).slice(1);
  const drillTo = data?.policies.drilldown
    ? (figure: KpiFigure, drill: string, label: string) =>
        `/dashboard/${encodeURIComponent(figure.key)}/clienten?${query}&${new URLSearchParams({ cell: drill, label }).toString()}`
    : undefined;

  return (
    <>
      <Heading1>{title}</Heading1>
      <Paragraph className="meedoen-dashboard__period" data-testid="dashboard-period">
        {t('dashboard.showing', { period: periodLabel(filters.period, t) })}
        {data ? ` — ${municipality ? t(`dashboard.scopesInMunicipality.${data.scope.kind}`, { name: municipality.name }) : t(`dashboard.scopes.${data.scope.kind}`)}` : ''}
      </Paragraph>
      <section aria-labelledby="dashboard-filter-heading">
        <Heading2 id="dashboard-filter-heading">{t('dashboard.filters.heading')}</Heading2>
        <DashboardFilterForm
          key={formKey}
          initial={filters}
          municipalities={data?.options.municipalities ?? []}
          // A provider's own dashboard is already one provider: no choice to offer.
          providers={data && data.scope.kind !== 'provider' ? data.options.providers : []}
          labelledBy="dashboard-filter-heading"
          onSubmit={go}
          onReset={() => setParams({})}
        />
      </section>
      {/* The council report (rapportage) exports exactly this view: same period and filters. */}
      {can('kpi:read') ? (
        <Paragraph className="meedoen-dashboard__actions">
          <RouterButtonLink to={`/rapportage?${query}`}>{t('dashboard.export')}</RouterButtonLink>
        </Paragraph>
      ) : null}
      <ProblemAlert error={dashboard.error} />
      {dashboard.loading && !data ? <Loading /> : null}
      {data ? (
        <>
          {can('agreements:read') ? (
            <AgreementsPanel municipality={municipality} year={parsePeriod(filters.period).year} />
          ) : null}
          <section aria-labelledby="dashboard-figures-heading" aria-busy={dashboard.loading}>
            <Heading2 id="dashboard-figures-heading">{t('dashboard.figuresHeading')}</Heading2>
            <Paragraph className="meedoen-dashboard__computed" data-testid="dashboard-computed-at">
              {t(data.freshness.upToDate ? 'dashboard.computedAt' : 'dashboard.computedAtStale', { time: formatDateTime(data.freshness.computedAt, i18n.language) })}
            </Paragraph>
            <Paragraph className="meedoen-kpi__legend">{data.policies.drilldown ? t('dashboard.drill.intro') : t('dashboard.suppressedIntro')}</Paragraph>
            {data.figures.length === 0 ? (
              <Paragraph>{t('dashboard.noFigures')}</Paragraph>
            ) : (
              data.figures.map((figure) => <FigureCard key={figure.key} figure={figure} drillTo={drillTo} />)
            )}
          </section>
        </>
      ) : null}
    </>
  );
}
