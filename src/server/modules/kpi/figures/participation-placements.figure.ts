/**
 * Participation placements: participatiebanen, meedoenbanen, volunteering and informal care
 * (mantelzorg), running at the end of the period, new in it and ended in it, per kind and per
 * municipality. Definition: docs/kpi.md, "participation_placements".
 */
import type { Executor } from '../../../db/database.ts';
import { kpiRef, sameNumber, type KpiDefinition, type KpiQuery, type RawKpiFigure } from '../kpi-definition.ts';
import { countPlacements, municipalityRows, placementClients, type PlacementCountRow } from './placement-figures.repository.ts';
import { drilled, municipalityTable, sumOf } from './placement-tables.ts';
import { countMeasure, isUuid, parseDrill, periodNotStarted } from './work-cells.ts';

const KINDS = ['participatiebaan', 'meedoenbaan', 'vrijwilligerswerk', 'mantelzorg'] as const;
type Kind = (typeof KINDS)[number];
const MEASURES = ['active_end', 'new_in_period', 'ended'] as const;
type Measure = (typeof MEASURES)[number];

/** Drill columns: `<measure>.<kind>` or `<measure>.all`. */
const DRILL_COLUMNS = MEASURES.flatMap((m) => [...KINDS, 'all'].map((k) => `${m}.${k}`));

async function compute(db: Executor, q: KpiQuery): Promise<RawKpiFigure> {
  const [municipalities, counts] = await Promise.all([municipalityRows(db, q), countPlacements(db, q, KINDS)]);
  const sum = (rows: readonly PlacementCountRow[], m: Measure) => sumOf(rows, (r) => r[m]);
  const ofKind = (kind: Kind | 'all') => (kind === 'all' ? counts : counts.filter((r) => r.kind === kind));
  const perKind = {
    key: 'per_kind',
    chart: 'bar' as const,
    columns: MEASURES.map((key) => ({ key, unit: 'count' as const })),
    totals: { row: 'total' },
    rows: ([...KINDS, 'total'] as const).map((kind) => {
      const k = kind === 'total' ? 'all' : kind;
      return { key: kind, cells: MEASURES.map((m) => drilled(sum(ofKind(k), m), `${m}.${k}`, 'all')) };
    }),
  };
  const perMunicipality = municipalityTable(
    'active_end_per_municipality',
    [...KINDS.map((key) => ({ key, unit: 'count' as const })), { key: 'active_end', unit: 'count' as const }],
    municipalities,
    counts,
    (rows, rowKey) => [
      ...KINDS.map((kind) => drilled(sum(rows.filter((r) => r.kind === kind), 'active_end'), `active_end.${kind}`, rowKey)),
      drilled(sum(rows, 'active_end'), 'active_end.all', rowKey),
    ],
  );
  perMunicipality.chart = 'stacked_bar';
  perMunicipality.totals = { row: 'total', columns: [{ total: 'active_end', parts: KINDS }] };
  const perKindCell = (kind: string, measure: Measure) => kpiRef.cell('per_kind', kind, measure);
  const activeEnd = sum(counts, 'active_end');
  return {
    key: 'participation_placements',
    status: periodNotStarted(q) ? 'not_measurable' : 'measured',
    ...(periodNotStarted(q) ? { reason: 'period_not_started' as const } : {}),
    headline: { value: activeEnd, unit: 'count' },
    measures: [countMeasure('active_end', activeEnd), countMeasure('new_in_period', sum(counts, 'new_in_period'))],
    tables: [perKind, perMunicipality],
    sums: [
      // The running placements per kind are told twice: per kind, and as the total row per municipality.
      ...[...KINDS, 'active_end' as const].map((kind) =>
        sameNumber(kpiRef.cell('active_end_per_municipality', 'total', kind), perKindCell(kind === 'active_end' ? 'total' : kind, 'active_end')),
      ),
      sameNumber(kpiRef.headline, perKindCell('total', 'active_end')),
      sameNumber(kpiRef.measure('active_end'), perKindCell('total', 'active_end')),
      sameNumber(kpiRef.measure('new_in_period'), perKindCell('total', 'new_in_period')),
    ],
  };
}

async function clientsBehind(db: Executor, q: KpiQuery, drill: string): Promise<string[]> {
  const parsed = parseDrill(drill, DRILL_COLUMNS);
  if (!parsed || (parsed.row !== 'all' && !isUuid(parsed.row))) return [];
  const [measure, kind] = parsed.column.split('.') as [Measure, Kind | 'all'];
  return placementClients(db, q, kind === 'all' ? KINDS : [kind], measure, parsed.row === 'all' ? null : parsed.row);
}

/** Registered in kpi-registry.ts. */
export const participationPlacementsFigure: KpiDefinition = { key: 'participation_placements', compute, clientsBehind };
