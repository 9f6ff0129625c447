/**
 * Of the clients on step 3 or 4 at the start of the period, the share that did not drop a step
 * by its end. Definition: docs/kpi.md, "ladder_no_drop_3_4".
 */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../../db/database.ts';
import { kpiRef, sameNumber, type KpiDefinition, type KpiQuery, type RawKpiFigure } from '../kpi-definition.ts';
import { countStepPairs, populationClients } from './ladder-facts.repository.ts';
import { countCell, countMeasure, drillKey, parseDrill, periodNotStarted, shareCell, shareMeasure } from './work-cells.ts';

const START_STEPS = [3, 4] as const;
const COLUMNS = ['on_step_at_start', 'not_dropped', 'dropped'] as const;
const TOTAL = (column: string) => kpiRef.cell('per_start_step', 'total', column);

async function compute(db: Executor, q: KpiQuery): Promise<RawKpiFigure> {
  if (periodNotStarted(q)) return { key: 'ladder_no_drop_3_4', status: 'not_measurable', reason: 'period_not_started', headline: null, measures: [], tables: [] };
  const pairs = (await countStepPairs(db, q)).filter((p) => p.step_start === 3 || p.step_start === 4);
  const count = (steps: readonly number[], kept: boolean | null) =>
    pairs.filter((p) => steps.includes(p.step_start!) && (kept === null || p.step_end! >= p.step_start! === kept)).reduce((sum, p) => sum + p.n, 0);
  const row = (key: string, steps: readonly number[], drillRow: string) => {
    const population = count(steps, null);
    const kept = count(steps, true);
    return {
      key,
      cells: [
        countCell(population, drillKey('on_step_at_start', drillRow)),
        countCell(kept, drillKey('not_dropped', drillRow)),
        countCell(population - kept, drillKey('dropped', drillRow)),
        shareCell(kept, population),
      ],
    };
  };
  const population = count(START_STEPS, null);
  const kept = count(START_STEPS, true);
  return {
    key: 'ladder_no_drop_3_4',
    status: population === 0 ? 'not_measurable' : 'measured',
    ...(population === 0 ? { reason: 'no_population' as const } : {}),
    headline: population === 0 ? null : { value: shareCell(kept, population).value, unit: 'percentage', numerator: kept, denominator: population, basis: { numerator: kept, denominator: population } },
    measures: [shareMeasure('share_not_dropped', kept, population), countMeasure('population', population), countMeasure('not_dropped', kept)],
    tables: [
      {
        key: 'per_start_step',
        chart: 'bar',
        columns: [...COLUMNS.map((key) => ({ key, unit: 'count' as const })), { key: 'share_not_dropped', unit: 'percentage' }],
        rows: [row('step_3', [3], '3'), row('step_4', [4], '4'), row('total', START_STEPS, 'all')],
        totals: { row: 'total', columns: [{ total: 'on_step_at_start', parts: ['not_dropped', 'dropped'] }] },
      },
    ],
    sums: [
      sameNumber(kpiRef.measure('population'), TOTAL('on_step_at_start')),
      sameNumber(kpiRef.measure('not_dropped'), TOTAL('not_dropped')),
      ...(population === 0 ? [] : [sameNumber(kpiRef.numerator, TOTAL('not_dropped')), sameNumber(kpiRef.denominator, TOTAL('on_step_at_start'))]),
    ],
  };
}

async function clientsBehind(db: Executor, q: KpiQuery, drill: string): Promise<string[]> {
  const parsed = parseDrill(drill, COLUMNS);
  if (!parsed || !['3', '4', 'all'].includes(parsed.row)) return [];
  const steps: RawBuilder<boolean> = parsed.row === 'all' ? sql`p.step_start in (3, 4)` : sql`p.step_start = ${Number(parsed.row)}`;
  const condition =
    parsed.column === 'not_dropped' ? sql<boolean>`${steps} and p.step_end >= p.step_start` : parsed.column === 'dropped' ? sql<boolean>`${steps} and p.step_end < p.step_start` : steps;
  return populationClients(db, q, condition);
}

/** Registered in kpi-registry.ts. */
export const ladderNoDropFigure: KpiDefinition = { key: 'ladder_no_drop_3_4', compute, clientsBehind };
