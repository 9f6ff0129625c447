/**
 * Monthly trends (verloop per maand): per month of the period, benefit inflow and outflow (and of
 * which to work), trajectories and placements started, and the stock on a benefit and in a
 * trajectory at the end of each month; one line chart per theme. Months after today are empty,
 * so the lines stop there. Definition: docs/kpi.md, "monthly_trends".
 */
import type { Executor } from '../../../db/database.ts';
import { kpiRef, sameNumber, type KpiDefinition, type KpiQuery, type KpiSum, type RawKpiCell, type RawKpiFigure, type RawKpiTable } from '../kpi-definition.ts';
import {
  countBenefitSpans,
  countPlacementStarts,
  countTrajectorySpans,
  countWorkOutflow,
  TREND_SERIES,
  trendClients,
  type BenefitSpan,
  type PlacementStarts,
  type TrajectorySpan,
  type TrendMonth,
  type TrendSeries,
  type WorkOutflow,
} from './monthly-trends.repository.ts';
import { sumOf } from './placement-tables.ts';
import { countCell, countMeasure, drillKey, parseDrill, periodNotStarted } from './work-cells.ts';

/** The row key of a month ('month_01' … 'month_12'), translated as kpi.rows.month_01 (the period names the year). */
export function monthKey(month: number): string {
  return `month_${String(month).padStart(2, '0')}`;
}

function lastDayOf(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Every month of the period (6 for a half year, 12 for a year); `cut` is the day it is measured up
 * to (its last day, or today in the running month), null for a month that has not begun.
 */
export function periodMonths(q: KpiQuery): Array<Omit<TrendMonth, 'cut'> & { cut: string | null }> {
  const firstMonth = q.period.half === 2 ? 7 : 1;
  const count = q.period.half ? 6 : 12;
  return Array.from({ length: count }, (_, i) => {
    const month = firstMonth + i;
    const first = `${q.period.year}-${String(month).padStart(2, '0')}-01`;
    const last = lastDayOf(q.period.year, month);
    return { month, first, cut: first > q.today ? null : last < q.today ? last : q.today };
  });
}

/** The series, per theme: flows in and out of the benefit, what started, and the stock at each month's end. */
const TABLES: ReadonlyArray<{ key: string; series: readonly TrendSeries[] }> = [
  { key: 'benefits_per_month', series: ['benefit_inflow', 'benefit_outflow', 'benefit_outflow_to_work'] },
  { key: 'activation_per_month', series: ['trajectories_started', 'trajectories_ended', 'work_placements_started', 'participation_placements_started'] },
  { key: 'stock_per_month', series: ['on_benefit_end', 'in_trajectory_end'] },
];

type Counts = { benefits: BenefitSpan[]; toWork: WorkOutflow[]; trajectories: TrajectorySpan[]; placements: PlacementStarts[] };

/**
 * The value of one series in one month, added up from the counts per date with the definitions of
 * docs/kpi.md (the same conditions clientsBehind puts in SQL). ISO dates compare as strings.
 */
function seriesValue(c: Counts, series: TrendSeries, m: TrendMonth): number {
  const inMonth = (date: string) => date >= m.first && date <= m.cut;
  const total = <T extends { n: number }>(rows: readonly T[], keep: (row: T) => boolean) => sumOf(rows.filter(keep), (r) => r.n);
  switch (series) {
    case 'benefit_inflow':
      return total(c.benefits, (r) => inMonth(r.from_on));
    case 'benefit_outflow':
      return total(c.benefits, (r) => inMonth(r.until_on));
    case 'benefit_outflow_to_work':
      return total(c.toWork, (r) => inMonth(r.until_on));
    case 'on_benefit_end':
      // The last benefit day still counts.
      return total(c.benefits, (r) => r.from_on <= m.cut && r.until_on >= m.cut);
    case 'trajectories_started':
      return total(c.trajectories, (r) => inMonth(r.started_on));
    case 'trajectories_ended':
      return total(c.trajectories, (r) => r.ended && inMonth(r.ended_on));
    case 'in_trajectory_end':
      // A trajectory that ends on a day no longer runs on it (as ongoing_end of the trajectories figure).
      return total(c.trajectories, (r) => r.started_on <= m.cut && r.ended_on > m.cut);
    case 'work_placements_started':
      return total(c.placements, (r) => r.work && inMonth(r.starts_on));
    case 'participation_placements_started':
      return total(c.placements, (r) => !r.work && inMonth(r.starts_on));
  }
}

async function compute(db: Executor, q: KpiQuery): Promise<RawKpiFigure> {
  const months = periodMonths(q);
  const notStarted = periodNotStarted(q);
  const [benefits, toWork, trajectories, placements] = notStarted
    ? [[], [], [], []]
    : await Promise.all([countBenefitSpans(db, q), countWorkOutflow(db, q), countTrajectorySpans(db, q), countPlacementStarts(db, q)]);
  const counts: Counts = { benefits, toWork, trajectories, placements };
  const cell = (series: TrendSeries, m: (typeof months)[number]): RawKpiCell =>
    m.cut === null ? { value: null } : countCell(seriesValue(counts, series, { ...m, cut: m.cut }), drillKey(series, monthKey(m.month)));
  const tables: RawKpiTable[] = TABLES.map((table) => ({
    key: table.key,
    chart: 'line',
    columns: table.series.map((key) => ({ key, unit: 'count' as const })),
    rows: months.map((m) => ({ key: monthKey(m.month), cells: table.series.map((series) => cell(series, m)) })),
  }));
  const measured = months.flatMap((m) => (m.cut === null ? [] : [{ ...m, cut: m.cut }]));
  const total = (series: TrendSeries) => sumOf(measured, (m) => seriesValue(counts, series, m));
  const last = measured.at(-1);
  const stock = last ? seriesValue(counts, 'on_benefit_end', last) : null;
  // What the engine must know to keep a hidden month hidden: each period total is the sum of its
  // months, and the stock now repeats the last month's cell. (The stock's change from month to
  // month is close to inflow minus outflow but not equal to it: the last benefit day, clients in
  // and out within a month. Not an equation; a known limit, docs/kpi.md.)
  const flows = ['benefit_inflow', 'benefit_outflow', 'benefit_outflow_to_work'] as const;
  const sums: KpiSum[] = [
    ...flows.map((series) => ({ total: kpiRef.measure(series), parts: measured.map((m) => kpiRef.cell('benefits_per_month', monthKey(m.month), series)) })),
    ...(last
      ? [kpiRef.measure('on_benefit_end'), kpiRef.headline].map((ref) => sameNumber(ref, kpiRef.cell('stock_per_month', monthKey(last.month), 'on_benefit_end')))
      : []),
  ];
  return {
    key: 'monthly_trends',
    status: notStarted ? 'not_measurable' : 'measured',
    ...(notStarted ? { reason: 'period_not_started' as const } : {}),
    headline: { value: stock, unit: 'count' },
    measures: [
      countMeasure('benefit_inflow', total('benefit_inflow')),
      countMeasure('benefit_outflow', total('benefit_outflow')),
      countMeasure('benefit_outflow_to_work', total('benefit_outflow_to_work')),
      { key: 'on_benefit_end', value: stock, unit: 'count' },
    ],
    tables,
    sums,
  };
}

async function clientsBehind(db: Executor, q: KpiQuery, drill: string): Promise<string[]> {
  const parsed = parseDrill(drill, TREND_SERIES);
  const month = periodMonths(q).find((m) => monthKey(m.month) === parsed?.row);
  if (!parsed || !month?.cut) return [];
  return trendClients(db, q, parsed.column as TrendSeries, { ...month, cut: month.cut });
}

/** Registered in kpi-registry.ts. */
export const monthlyTrendsFigure: KpiDefinition = { key: 'monthly_trends', compute, clientsBehind };
