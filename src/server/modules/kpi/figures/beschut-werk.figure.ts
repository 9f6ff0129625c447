/**
 * Beschut werk against the national quota: new-style beschut werk places new in the period and
 * running at its end, the old SW still running, the year's quota per municipality and how much
 * of it is realised, applications in assessment, the waiting list and werkfit trajectories.
 * Definition: docs/kpi.md, "beschut_werk".
 */
import type { Executor } from '../../../db/database.ts';
import { kpiRef, sameNumber, type KpiDefinition, type KpiQuery, type RawKpiFigure } from '../kpi-definition.ts';
import {
  APPLICATION_MEASURES,
  applicationClients,
  beschutQuotas,
  countApplications,
  countPlacements,
  municipalityRows,
  placementClients,
  type ApplicationCountRow,
  type ApplicationMeasure,
  type PlacementCountRow,
} from './placement-figures.repository.ts';
import { drilled, sumOf } from './placement-tables.ts';
import { countMeasure, isUuid, parseDrill, percent, periodNotStarted, shareCell, shareMeasure, valueCell } from './work-cells.ts';

const KINDS = ['beschut_werk', 'sw'] as const;
const PLACEMENT_COLUMNS = ['new_in_period', 'active_end', 'sw_active_end'] as const;
const DRILL_COLUMNS = [...PLACEMENT_COLUMNS, ...APPLICATION_MEASURES];

async function compute(db: Executor, q: KpiQuery): Promise<RawKpiFigure> {
  const [municipalities, placements, applications, quotas] = await Promise.all([
    municipalityRows(db, q),
    countPlacements(db, q, KINDS),
    countApplications(db, q),
    beschutQuotas(db, q),
  ]);
  const of = (municipalityId: string | null) => ({
    placements: municipalityId ? placements.filter((r) => r.municipality_id === municipalityId) : placements,
    applications: municipalityId ? applications.filter((r) => r.municipality_id === municipalityId) : applications,
  });
  const beschut = (rows: PlacementCountRow[], m: 'new_in_period' | 'active_end') => sumOf(rows.filter((r) => r.kind === 'beschut_werk'), (r) => r[m]);
  const sw = (rows: PlacementCountRow[]) => sumOf(rows.filter((r) => r.kind === 'sw'), (r) => r.active_end);
  const apps = (rows: ApplicationCountRow[], m: ApplicationMeasure) => sumOf(rows, (r) => r[m]);

  const withQuota = municipalities.filter((m) => quotas.has(m.id));
  const quotaTotal = sumOf(withQuota, (m) => quotas.get(m.id)!);
  const realisedTotal = sumOf(withQuota, (m) => beschut(of(m.id).placements, 'active_end'));

  const cells = (rowKey: string, quota: number | null, realised: number | null) => {
    const { placements: p, applications: a } = of(rowKey === 'all' ? null : rowKey);
    return [
      valueCell(quota),
      drilled(beschut(p, 'active_end'), 'active_end', rowKey),
      quota === null || realised === null ? valueCell(null) : shareCell(realised, quota),
      drilled(beschut(p, 'new_in_period'), 'new_in_period', rowKey),
      drilled(sw(p), 'sw_active_end', rowKey),
      ...APPLICATION_MEASURES.map((m) => drilled(apps(a, m), m, rowKey)),
    ];
  };
  const table = {
    key: 'per_municipality',
    chart: 'bar' as const,
    columns: [
      { key: 'quota', unit: 'number' as const },
      { key: 'active_end', unit: 'count' as const },
      { key: 'quota_realised', unit: 'percentage' as const },
      { key: 'new_in_period', unit: 'count' as const },
      { key: 'sw_active_end', unit: 'count' as const },
      ...APPLICATION_MEASURES.map((key) => ({ key, unit: 'count' as const })),
    ],
    rows: [
      ...municipalities.map((m) => {
        const quota = quotas.get(m.id) ?? null;
        return { key: m.id, label: m.name, cells: cells(m.id, quota, beschut(of(m.id).placements, 'active_end')) };
      }),
      { key: 'total', cells: cells('all', withQuota.length ? quotaTotal : null, withQuota.length ? realisedTotal : null) },
    ],
    totals: { row: 'total' },
  };
  const total = (column: string) => kpiRef.cell('per_municipality', 'total', column);
  const reason = periodNotStarted(q) ? ('period_not_started' as const) : withQuota.length === 0 ? ('no_quota' as const) : undefined;
  const realised = shareMeasure('quota_realised', realisedTotal, quotaTotal);
  return {
    key: 'beschut_werk',
    status: reason ? 'not_measurable' : 'measured',
    ...(reason ? { reason } : {}),
    headline: withQuota.length
      ? { value: percent(realisedTotal, quotaTotal), unit: 'percentage', numerator: realisedTotal, denominator: quotaTotal, basis: { numerator: realisedTotal, denominator: quotaTotal } }
      : { value: beschut(placements, 'active_end'), unit: 'count' },
    measures: [
      countMeasure('new_in_period', beschut(placements, 'new_in_period')),
      countMeasure('active_end', beschut(placements, 'active_end')),
      withQuota.length ? realised : { ...realised, value: null },
      countMeasure('waiting', apps(applications, 'waiting')),
    ],
    tables: [table],
    sums: [
      ...(['new_in_period', 'active_end', 'waiting'] as const).map((m) => sameNumber(kpiRef.measure(m), total(m))),
      // The headline is the running places when no municipality has a quota; the realised quota counts the running places of those that have one.
      ...(withQuota.length === 0 ? [sameNumber(kpiRef.headline, total('active_end'))] : []),
      ...(withQuota.length > 0 && withQuota.length === municipalities.length ? [sameNumber(kpiRef.numerator, total('active_end'))] : []),
    ],
  };
}

async function clientsBehind(db: Executor, q: KpiQuery, drill: string): Promise<string[]> {
  const parsed = parseDrill(drill, DRILL_COLUMNS);
  if (!parsed || (parsed.row !== 'all' && !isUuid(parsed.row))) return [];
  const municipalityId = parsed.row === 'all' ? null : parsed.row;
  switch (parsed.column) {
    case 'new_in_period':
    case 'active_end':
      return placementClients(db, q, ['beschut_werk'], parsed.column, municipalityId);
    case 'sw_active_end':
      return placementClients(db, q, ['sw'], 'active_end', municipalityId);
    default:
      return applicationClients(db, q, parsed.column as ApplicationMeasure, municipalityId);
  }
}

/** Registered in kpi-registry.ts. */
export const beschutWerkFigure: KpiDefinition = { key: 'beschut_werk', compute, clientsBehind };
