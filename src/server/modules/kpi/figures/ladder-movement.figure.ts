/**
 * Movement on the participatieladder in a period: a from-step × to-step matrix for clients with
 * a step at the start and at the end, risers, stayers and droppers per start step, and the
 * clients measured for the first time. Definition: docs/kpi.md, "ladder_movement".
 */
import { sql } from 'kysely';
import type { Executor } from '../../../db/database.ts';
import { kpiRef, sameNumber, type KpiDefinition, type KpiQuery, type KpiSum, type RawKpiFigure, type RawKpiTable } from '../kpi-definition.ts';
import { countRemeasured, countStepPairs, populationClients, type StepCount } from './ladder-facts.repository.ts';
import { countCell, countMeasure, drillKey, periodNotStarted, shareMeasure } from './work-cells.ts';

const STEPS = [1, 2, 3, 4, 5, 6] as const;
const MOVES = ['risers', 'stayers', 'droppers'] as const;
type Move = (typeof MOVES)[number];

function moveOf(p: Pick<StepCount, 'step_start' | 'step_end'>): Move {
  return p.step_end! > p.step_start! ? 'risers' : p.step_end! < p.step_start! ? 'droppers' : 'stayers';
}

async function compute(db: Executor, q: KpiQuery): Promise<RawKpiFigure> {
  if (periodNotStarted(q)) return { key: 'ladder_movement', status: 'not_measurable', reason: 'period_not_started', headline: null, measures: [], tables: [] };
  const [pairs, remeasured] = await Promise.all([countStepPairs(db, q), countRemeasured(db, q)]);
  const moved = pairs.filter((p) => !p.first_measurement);
  const first = pairs.filter((p) => p.first_measurement);
  const sum = (rows: readonly StepCount[]) => rows.reduce((s, p) => s + p.n, 0);
  const cellOf = (from: number, to: number) => sum(moved.filter((p) => p.step_start === from && p.step_end === to));
  const movesOf = (move: Move, from?: number) => sum(moved.filter((p) => moveOf(p) === move && (from === undefined || p.step_start === from)));
  const population = sum(moved);
  const totals = Object.fromEntries(MOVES.map((m) => [m, movesOf(m)])) as Record<Move, number>;

  const matrix: RawKpiTable = {
    key: 'step_matrix',
    chart: 'matrix',
    columns: STEPS.map((to) => ({ key: `to_step_${to}`, unit: 'count' as const })),
    rows: STEPS.map((from) => ({ key: `from_step_${from}`, cells: STEPS.map((to) => countCell(cellOf(from, to), drillKey('pair', `${from}-${to}`))) })),
  };
  const perStartStep: RawKpiTable = {
    key: 'movement_per_start_step',
    chart: 'stacked_bar',
    columns: MOVES.map((key) => ({ key, unit: 'count' as const })),
    rows: [
      ...STEPS.map((from) => ({ key: `from_step_${from}`, cells: MOVES.map((m) => countCell(movesOf(m, from), drillKey(m, String(from)))) })),
      { key: 'total', cells: MOVES.map((m) => countCell(totals[m], drillKey(m, 'all'))) },
    ],
    totals: { row: 'total' },
  };
  // The matrix and the movements are the same clients: per start step, the risers are the cells
  // right of the diagonal, the stayers the diagonal, the droppers left of it.
  const matrixCell = (from: number, to: number) => kpiRef.cell('step_matrix', `from_step_${from}`, `to_step_${to}`);
  const moveCell = (move: Move, row: string) => kpiRef.cell('movement_per_start_step', row, move);
  const links: KpiSum[] = STEPS.flatMap((from) =>
    MOVES.map((move) => ({
      total: moveCell(move, `from_step_${from}`),
      parts: STEPS.filter((to) => moveOf({ step_start: from, step_end: to }) === move).map((to) => matrixCell(from, to)),
    })),
  );
  const populationCell = kpiRef.cell('measured_in_period', 'with_start_and_end', 'clients');
  const measured: RawKpiTable = {
    key: 'measured_in_period',
    chart: 'none',
    columns: [{ key: 'clients', unit: 'count' }],
    rows: [
      { key: 'with_start_and_end', cells: [countCell(population, drillKey('population', 'all'))] },
      { key: 're_measured', cells: [countCell(remeasured, drillKey('re_measured', 'all'))] },
      { key: 'first_measurement', cells: [countCell(sum(first), drillKey('first_measurement', 'all'))] },
    ],
  };
  const empty = population === 0 && first.length === 0;
  return {
    key: 'ladder_movement',
    status: empty ? 'not_measurable' : 'measured',
    ...(empty ? { reason: 'no_population' as const } : {}),
    headline: empty ? null : { value: shareMeasure('share_risen', totals.risers, population).value, unit: 'percentage', numerator: totals.risers, denominator: population, basis: { numerator: totals.risers, denominator: population } },
    measures: [
      countMeasure('risers', totals.risers),
      countMeasure('stayers', totals.stayers),
      countMeasure('droppers', totals.droppers),
      shareMeasure('share_risen', totals.risers, population),
      shareMeasure('share_stayed', totals.stayers, population),
      shareMeasure('share_dropped', totals.droppers, population),
      // Not a target (not in shared/kpi-measures.ts), but said with the movement.
      countMeasure('first_measurement', sum(first)),
    ],
    tables: [matrix, perStartStep, measured],
    sums: [
      ...links,
      { total: populationCell, parts: MOVES.map((m) => moveCell(m, 'total')) },
      ...MOVES.map((m) => sameNumber(kpiRef.measure(m), moveCell(m, 'total'))),
      sameNumber(kpiRef.measure('first_measurement'), kpiRef.cell('measured_in_period', 'first_measurement', 'clients')),
      ...(empty ? [] : [sameNumber(kpiRef.numerator, moveCell('risers', 'total')), sameNumber(kpiRef.denominator, populationCell)]),
    ],
  };
}

const STEP = /^[1-6]$/;

async function clientsBehind(db: Executor, q: KpiQuery, drill: string): Promise<string[]> {
  const at = drill.indexOf(':');
  const column = drill.slice(0, at);
  const row = drill.slice(at + 1);
  if (column === 'pair') {
    const [from, to] = row.split('-');
    if (!STEP.test(from ?? '') || !STEP.test(to ?? '')) return [];
    return populationClients(db, q, sql<boolean>`p.step_start = ${Number(from)} and p.step_end = ${Number(to)}`);
  }
  if (row !== 'all' && !STEP.test(row)) return [];
  const from = row === 'all' ? sql<boolean>`p.step_start is not null` : sql<boolean>`p.step_start = ${Number(row)}`;
  switch (column) {
    case 'risers':
      return populationClients(db, q, sql<boolean>`${from} and p.step_end > p.step_start`);
    case 'stayers':
      return populationClients(db, q, sql<boolean>`${from} and p.step_end = p.step_start`);
    case 'droppers':
      return populationClients(db, q, sql<boolean>`${from} and p.step_end < p.step_start`);
    case 'population':
      return populationClients(db, q, from);
    case 're_measured':
      return populationClients(db, q, sql<boolean>`${from} and p.measured > 0`);
    case 'first_measurement':
      return row === 'all' ? populationClients(db, q, sql<boolean>`p.step_start is null and p.measured > 0`) : [];
    default:
      return [];
  }
}

/** Registered in kpi-registry.ts. */
export const ladderMovementFigure: KpiDefinition = { key: 'ladder_movement', compute, clientsBehind };
