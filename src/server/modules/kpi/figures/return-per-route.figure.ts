/**
 * Return per route (rendement): per route the costs (coaching hours × rate, trajectory prices,
 * a share of the integration budget) against the savings (benefit months no longer paid after
 * outflow to work, a share of the prevented inflow), with every assumption shown. Definition:
 * docs/kpi.md, "return_per_route".
 */
import { ROUTES } from '../../../../shared/client-fields.ts';
import type { KpiUnit } from '../../../../shared/kpi.ts';
import type { Executor } from '../../../db/database.ts';
import { findReturnAssumptions, type ReturnAssumptionsRow } from '../../agreements/agreements.repository.ts';
import { kpiRef, sameNumber, type KpiDefinition, type KpiQuery, type KpiSum, type RawKpiCell, type RawKpiFigure } from '../kpi-definition.ts';
import { organisationPopulation, returnClientIds, returnCountsPerRoute, type RouteCounts } from './return-per-route.repository.ts';
import { countCell, drillKey, parseDrill, periodNotStarted } from './work-cells.ts';

const NO_ROUTE = 'no_route';
const COLUMNS: ReadonlyArray<{ key: string; unit: KpiUnit }> = [
  { key: 'clients', unit: 'count' },
  { key: 'staff_costs', unit: 'euro' },
  { key: 'trajectory_costs', unit: 'euro' },
  { key: 'integration_budget', unit: 'euro' },
  { key: 'costs', unit: 'euro' },
  { key: 'outflow_to_work', unit: 'count' },
  { key: 'benefit_savings', unit: 'euro' },
  { key: 'inflow_savings', unit: 'euro' },
  { key: 'savings', unit: 'euro' },
  { key: 'net_return', unit: 'euro' },
  { key: 'return_ratio', unit: 'number' },
];

const euros = (cents: number) => Math.round(cents) / 100;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

/** Savings per euro spent, two decimals; null when nothing was spent. */
const ratio = (savings: number, costs: number) => (costs > 0 ? Math.round((savings / costs) * 100) / 100 : null);

type Money = { staff: number; trajectories: number; integration: number; benefit: number; inflow: number };

/**
 * The euros (in cents) of one route from its counts. Hours are per client per YEAR, so a client
 * counts for the share of the year they were on a benefit in the period; the integration budget
 * and the prevented inflow are yearly amounts of the whole organisation, taken for the part of
 * the year the period covers and shared out by the route's share of the organisation's clients.
 */
function moneyOf(a: ReturnAssumptionsRow, route: string | null, c: RouteCounts, share: { ofYear: number; ofPopulation: number }, daysInYear: number): Money {
  const hours = route === null ? 0 : Number(a[`staff_hours_${route}` as 'staff_hours_werknemer']);
  return {
    staff: (hours * a.staff_hourly_rate_cents * c.benefitDays) / daysInYear,
    trajectories: c.trajectoryCents,
    integration: Number(a.integration_budget_cents) * share.ofYear * share.ofPopulation,
    benefit: c.outflow * a.monthly_benefit_cents * a.months_counted,
    inflow: a.inflow_prevented * a.inflow_prevented_saving_cents * share.ofYear * share.ofPopulation,
  };
}

function rowCells(rowKey: string, clients: number, outflow: number, m: Money): RawKpiCell[] {
  const costs = m.staff + m.trajectories + m.integration;
  const savings = m.benefit + m.inflow;
  return [
    countCell(clients, drillKey('clients', rowKey)),
    { value: euros(m.staff) },
    { value: euros(m.trajectories) },
    { value: euros(m.integration) },
    { value: euros(costs) },
    countCell(outflow, drillKey('outflow_to_work', rowKey)),
    { value: euros(m.benefit) },
    { value: euros(m.inflow) },
    { value: euros(savings) },
    { value: euros(savings - costs) },
    { value: ratio(savings, costs) },
  ];
}

/** Every assumption the figure used, as the dashboard and the council report show them. */
function assumptionsOf(a: ReturnAssumptionsRow, ofYear: number) {
  return [
    { key: 'staff_hourly_rate', value: euros(a.staff_hourly_rate_cents), unit: 'euro' as const },
    ...ROUTES.map((route) => ({ key: `staff_hours_${route}`, value: Number(a[`staff_hours_${route}`]), unit: 'number' as const })),
    { key: 'monthly_benefit', value: euros(a.monthly_benefit_cents), unit: 'euro' as const },
    { key: 'months_counted', value: a.months_counted, unit: 'number' as const },
    { key: 'integration_budget', value: euros(Number(a.integration_budget_cents)), unit: 'euro' as const },
    { key: 'inflow_prevented', value: a.inflow_prevented, unit: 'count' as const },
    { key: 'inflow_prevented_saving', value: euros(a.inflow_prevented_saving_cents), unit: 'euro' as const },
    { key: 'period_share_of_year', value: Math.round(ofYear * 1000) / 1000, unit: 'number' as const },
  ];
}

const notMeasurable = (reason: 'period_not_started' | 'no_population'): RawKpiFigure => ({ key: 'return_per_route', status: 'not_measurable', reason, headline: null, measures: [], tables: [] });

async function compute(db: Executor, q: KpiQuery): Promise<RawKpiFigure> {
  if (periodNotStarted(q)) return notMeasurable('period_not_started');
  const a = await findReturnAssumptions(db, q.scope.organisationId, q.period.year);
  if (!a) return notMeasurable('no_population');
  const [counts, population] = await Promise.all([returnCountsPerRoute(db, q), organisationPopulation(db, q)]);
  const daysInYear = daysBetween(`${q.period.year}-01-01`, `${q.period.year}-12-31`);
  const ofYear = daysBetween(q.period.start, q.period.end) / daysInYear;
  const routes: Array<string | null> = [...ROUTES, ...(counts.some((c) => c.route === null) ? [null] : [])];
  const empty: RouteCounts = { route: null, clients: 0, benefitDays: 0, outflow: 0, trajectoryCents: 0, trajectories: 0 };
  const total: Money = { staff: 0, trajectories: 0, integration: 0, benefit: 0, inflow: 0 };
  let clients = 0;
  let outflow = 0;
  const rows = routes.map((route) => {
    const c = counts.find((x) => x.route === route) ?? { ...empty, route };
    const m = moneyOf(a, route, c, { ofYear, ofPopulation: population > 0 ? c.clients / population : 0 }, daysInYear);
    for (const k of Object.keys(total) as Array<keyof Money>) total[k] += m[k];
    clients += c.clients;
    outflow += c.outflow;
    const key = route ?? NO_ROUTE;
    return { key, cells: rowCells(key, c.clients, c.outflow, m) };
  });
  const costs = total.staff + total.trajectories + total.integration;
  const savings = total.benefit + total.inflow;
  const net = euros(savings - costs);
  const rowKeys = [...rows.map((r) => r.key), 'total'];
  const cell = (row: string, column: string) => kpiRef.cell('per_route', row, column);
  // Per route the amounts follow from the counts beside them: the benefit saved is the outflow
  // times a shown assumption, the integration budget and prevented inflow are shared out by the
  // route's clients. So a withheld count must take its amounts with it, and the other way round.
  const perClient = (amount: number) => (population > 0 ? euros(amount * ofYear) / population : 0);
  const euroSums: KpiSum[] = rowKeys.flatMap((row) => [
    { total: cell(row, 'costs'), parts: [cell(row, 'staff_costs'), cell(row, 'trajectory_costs'), cell(row, 'integration_budget')] },
    { total: cell(row, 'savings'), parts: [cell(row, 'benefit_savings'), cell(row, 'inflow_savings')] },
    { total: cell(row, 'savings'), parts: [cell(row, 'net_return'), cell(row, 'costs')] },
    { total: cell(row, 'benefit_savings'), parts: [{ ref: cell(row, 'outflow_to_work'), factor: euros(a.monthly_benefit_cents * a.months_counted) }] },
    { total: cell(row, 'integration_budget'), parts: [{ ref: cell(row, 'clients'), factor: perClient(Number(a.integration_budget_cents)) }] },
    { total: cell(row, 'inflow_savings'), parts: [{ ref: cell(row, 'clients'), factor: perClient(a.inflow_prevented * a.inflow_prevented_saving_cents) }] },
  ]);
  return {
    key: 'return_per_route',
    status: 'measured',
    headline: { value: net, unit: 'euro' },
    measures: [
      { key: 'net_return', value: net, unit: 'euro' },
      { key: 'return_ratio', value: ratio(savings, costs), unit: 'number' },
    ],
    tables: [{ key: 'per_route', chart: 'bar', columns: [...COLUMNS], rows: [...rows, { key: 'total', cells: rowCells('all', clients, outflow, total) }], totals: { row: 'total' } }],
    sums: [...euroSums, sameNumber(kpiRef.headline, cell('total', 'net_return')), sameNumber(kpiRef.measure('net_return'), cell('total', 'net_return'))],
    // The ratio of savings to costs gives one back from the other.
    derived: [
      ...rowKeys.map((row) => ({ ref: cell(row, 'return_ratio'), from: [cell(row, 'savings'), cell(row, 'costs')] })),
      { ref: kpiRef.measure('return_ratio'), from: [cell('total', 'return_ratio')] },
    ],
    assumptions: assumptionsOf(a, ofYear),
  };
}

async function clientsBehind(db: Executor, q: KpiQuery, drill: string): Promise<string[]> {
  const parsed = parseDrill(drill, ['clients', 'outflow_to_work']);
  if (!parsed) return [];
  const kind = parsed.column === 'clients' ? 'clients' : 'outflow';
  if (parsed.row === 'all') return returnClientIds(db, q, kind, undefined);
  if (parsed.row === NO_ROUTE) return returnClientIds(db, q, kind, null);
  return (ROUTES as readonly string[]).includes(parsed.row) ? returnClientIds(db, q, kind, parsed.row) : [];
}

/** Registered in kpi-registry.ts. */
export const returnPerRouteFigure: KpiDefinition = { key: 'return_per_route', compute, clientsBehind };
