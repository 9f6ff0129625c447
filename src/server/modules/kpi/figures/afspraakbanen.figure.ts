/**
 * Afspraakbanen (banenafspraak): running at the end of the period per municipality (split into
 * trial period and contract), new in the period, and growth against the same period last year.
 * Definition: docs/kpi.md, "afspraakbanen".
 */
import { previousYearPeriod } from '../../../../shared/kpi.ts';
import type { Executor } from '../../../db/database.ts';
import { kpiRef, sameNumber, type KpiDefinition, type KpiQuery, type RawKpiCell, type RawKpiFigure } from '../kpi-definition.ts';
import { countPlacements, municipalityRows, placementClients, type PlacementCountRow, type PlacementMeasure } from './placement-figures.repository.ts';
import { drilled, municipalityTable, sumOf } from './placement-tables.ts';
import { countMeasure, isUuid, measureOf, parseDrill, periodNotStarted } from './work-cells.ts';

const KINDS = ['afspraakbaan'] as const;
const COLUMNS = ['active_end', 'trial_end', 'contract_end', 'new_in_period', 'contracts_started', 'ended', 'active_end_previous_year'] as const;

/** Growth in percent of `now` against `before` (one decimal); null when there was nothing before. */
function growth(now: number, before: number): number | null {
  return before > 0 ? Math.round(((now - before) / before) * 1000) / 10 : null;
}

function growthCell(now: number, before: number): RawKpiCell {
  return { value: growth(now, before), basis: { numerator: now, denominator: before } };
}

function previousQuery(q: KpiQuery): KpiQuery {
  return { ...q, period: previousYearPeriod(q.period) };
}

async function compute(db: Executor, q: KpiQuery): Promise<RawKpiFigure> {
  const [municipalities, counts, previous] = await Promise.all([
    municipalityRows(db, q),
    countPlacements(db, q, KINDS),
    countPlacements(db, previousQuery(q), KINDS),
  ]);
  const sum = (rows: readonly PlacementCountRow[], m: PlacementMeasure) => sumOf(rows, (r) => r[m]);
  const previousOf = (rowKey: string) => sum(rowKey === 'all' ? previous : previous.filter((r) => r.municipality_id === rowKey), 'active_end');
  const table = municipalityTable(
    'per_municipality',
    [...COLUMNS.map((key) => ({ key, unit: 'count' as const })), { key: 'growth', unit: 'percentage' as const }],
    municipalities,
    counts,
    (rows, rowKey) => [
      ...COLUMNS.slice(0, -1).map((column) => drilled(sum(rows, column as PlacementMeasure), column, rowKey)),
      drilled(previousOf(rowKey), 'active_end_previous_year', rowKey),
      growthCell(sum(rows, 'active_end'), previousOf(rowKey)),
    ],
  );
  table.totals = { row: 'total', columns: [{ total: 'active_end', parts: ['trial_end', 'contract_end'] }] };
  const total = (column: string) => kpiRef.cell('per_municipality', 'total', column);
  const activeEnd = sum(counts, 'active_end');
  const before = sum(previous, 'active_end');
  const notStarted = periodNotStarted(q);
  const reason = notStarted ? ('period_not_started' as const) : before === 0 ? ('no_previous_year' as const) : undefined;
  return {
    key: 'afspraakbanen',
    status: reason ? 'not_measurable' : 'measured',
    ...(reason ? { reason } : {}),
    headline: { value: activeEnd, unit: 'count' },
    measures: [
      countMeasure('active_end', activeEnd),
      countMeasure('new_in_period', sum(counts, 'new_in_period')),
      { ...measureOf('growth', growth(activeEnd, before), 'percentage'), basis: { numerator: activeEnd, denominator: before } },
    ],
    tables: [table],
    sums: [
      sameNumber(kpiRef.headline, total('active_end')),
      sameNumber(kpiRef.measure('active_end'), total('active_end')),
      sameNumber(kpiRef.measure('new_in_period'), total('new_in_period')),
    ],
  };
}

async function clientsBehind(db: Executor, q: KpiQuery, drill: string): Promise<string[]> {
  const parsed = parseDrill(drill, COLUMNS);
  if (!parsed || (parsed.row !== 'all' && !isUuid(parsed.row))) return [];
  const municipalityId = parsed.row === 'all' ? null : parsed.row;
  if (parsed.column === 'active_end_previous_year') return placementClients(db, previousQuery(q), KINDS, 'active_end', municipalityId);
  return placementClients(db, q, KINDS, parsed.column as PlacementMeasure, municipalityId);
}

/** Registered in kpi-registry.ts. */
export const afspraakbanenFigure: KpiDefinition = { key: 'afspraakbanen', compute, clientsBehind };
