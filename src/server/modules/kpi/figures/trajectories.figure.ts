/**
 * Trajectories per provider and product (contract): started, completed, stopped early,
 * transferred, running at the end, extended, average duration of those that ended, and outflow
 * to work. Module attendance is its own figure. Definition: docs/kpi.md, "trajectories".
 */
import type { Executor } from '../../../db/database.ts';
import { kpiRef, sameNumber, type KpiDefinition, type KpiQuery, type RawKpiCell, type RawKpiFigure } from '../kpi-definition.ts';
import { sumOf } from './placement-tables.ts';
import { contractLabels, countTrajectories, trajectoryClients, TRAJECTORY_MEASURES, type TrajectoryCountRow, type TrajectoryMeasure } from './trajectory-figures.repository.ts';
import { countCell, countMeasure, drillKey, isUuid, parseDrill, percent, periodNotStarted, shareCell, shareMeasure } from './work-cells.ts';

const COUNT_COLUMNS = ['started', 'completed', 'stopped_early', 'transferred', 'ongoing_end', 'extended', 'ended', 'to_work'] as const satisfies readonly TrajectoryMeasure[];

function averageDays(rows: readonly TrajectoryCountRow[]): number | null {
  const ended = sumOf(rows, (r) => r.ended);
  return ended > 0 ? Math.round(sumOf(rows, (r) => r.duration_days) / ended) : null;
}

function cells(rows: readonly TrajectoryCountRow[], rowKey: string): RawKpiCell[] {
  const sum = (m: (typeof COUNT_COLUMNS)[number]) => sumOf(rows, (r) => r[m]);
  return [
    ...COUNT_COLUMNS.map((m) => countCell(sum(m), drillKey(m, rowKey))),
    // An average over 1–4 ended trajectories would tell their durations: judged by the count behind it.
    { value: averageDays(rows), basis: { numerator: sum('ended'), denominator: sum('ended') } },
    shareCell(sum('completed'), sum('ended')),
    shareCell(sum('to_work'), sum('ended')),
  ];
}

async function compute(db: Executor, q: KpiQuery): Promise<RawKpiFigure> {
  const [counts, labels] = await Promise.all([countTrajectories(db, q), contractLabels(db, q.scope.organisationId)]);
  const rowKey = (r: TrajectoryCountRow) => r.contract_id ?? r.provider_id;
  const label = (r: TrajectoryCountRow) => {
    const contract = r.contract_id ? labels.contracts.get(r.contract_id) : undefined;
    return contract ? `${contract.provider_name} — ${contract.product} (${contract.starts_on.slice(0, 4)})` : (labels.providers.get(r.provider_id) ?? '—');
  };
  const sorted = [...counts].sort((a, b) => label(a).localeCompare(label(b), 'nl'));
  const table = {
    key: 'per_contract',
    chart: 'stacked_bar' as const,
    columns: [
      ...COUNT_COLUMNS.map((key) => ({ key, unit: 'count' as const })),
      { key: 'average_duration_days', unit: 'days' as const },
      { key: 'share_completed', unit: 'percentage' as const },
      { key: 'outflow_to_work', unit: 'percentage' as const },
    ],
    rows: [...sorted.map((r) => ({ key: rowKey(r), label: label(r), cells: cells([r], rowKey(r)) })), { key: 'total', cells: cells(counts, 'all') }],
    // Ended is completed, stopped early and transferred together (docs/kpi.md).
    totals: { row: 'total', columns: [{ total: 'ended', parts: ['completed', 'stopped_early', 'transferred'] }] },
  };
  const total = (column: string) => kpiRef.cell('per_contract', 'total', column);
  const sum = (m: (typeof COUNT_COLUMNS)[number]) => sumOf(counts, (r) => r[m]);
  const ended = sum('ended');
  return {
    key: 'trajectories',
    status: periodNotStarted(q) ? 'not_measurable' : 'measured',
    ...(periodNotStarted(q) ? { reason: 'period_not_started' as const } : {}),
    headline: { value: percent(sum('completed'), ended), unit: 'percentage', numerator: sum('completed'), denominator: ended, basis: { numerator: sum('completed'), denominator: ended } },
    measures: [
      countMeasure('started', sum('started')),
      countMeasure('completed', sum('completed')),
      countMeasure('stopped_early', sum('stopped_early')),
      shareMeasure('share_completed', sum('completed'), ended),
      shareMeasure('outflow_to_work', sum('to_work'), ended),
    ],
    tables: [table],
    sums: [
      ...(['started', 'completed', 'stopped_early'] as const).map((m) => sameNumber(kpiRef.measure(m), total(m))),
      sameNumber(kpiRef.numerator, total('completed')),
      sameNumber(kpiRef.denominator, total('ended')),
    ],
  };
}

async function clientsBehind(db: Executor, q: KpiQuery, drill: string): Promise<string[]> {
  const parsed = parseDrill(drill, TRAJECTORY_MEASURES);
  if (!parsed || (parsed.row !== 'all' && !isUuid(parsed.row))) return [];
  return trajectoryClients(db, q, parsed.column as TrajectoryMeasure, parsed.row === 'all' ? null : parsed.row);
}

/** Registered in kpi-registry.ts. */
export const trajectoriesFigure: KpiDefinition = { key: 'trajectories', compute, clientsBehind };
