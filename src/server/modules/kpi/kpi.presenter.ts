import type { KpiCell, KpiFigure, KpiHeadline, KpiMeasure, Period } from '../../../shared/kpi.ts';
import { kpiRef, type KpiFilter, type KpiQuery, type KpiRef, type RawKpiCell, type RawKpiFigure, type RawKpiMeasure } from './kpi-definition.ts';
import { discloseFigure, type Disclosure } from './kpi-disclosure.ts';
import type { DrilldownClientRow } from './kpi.repository.ts';
import type { KpiFreshness } from './snapshots/kpi-snapshots.service.ts';

/**
 * How a figure is shown to this caller: suppressed for aggregate-only roles, with drill keys only
 * for those who may drill down. `disclosures`: per figure key, the decisions already taken for
 * the figure together with its municipality breakdown (discloseFamily); without one the figure is
 * protected on its own.
 */
export type KpiPresentation = { suppress: boolean; drilldown: boolean; disclosures?: ReadonlyMap<string, ReadonlyMap<KpiRef, Disclosure>> };

/** The value as published: itself, or null with `suppressed` (rests on 1–4 people) or `withheld` (protects a small number elsewhere). */
function published(value: number | null, disclosure: Disclosure | undefined): { value: number | null; suppressed?: true; withheld?: true } {
  if (disclosure === 'suppressed') return { value: null, suppressed: true };
  if (disclosure === 'withheld') return { value: null, withheld: true };
  return { value };
}

/** A cell as it leaves the server: the value (or null and why), the drill key when the caller may use it. Never the basis. */
function presentCell(cell: RawKpiCell, how: KpiPresentation, disclosure: Disclosure | undefined): KpiCell {
  const shown = published(cell.value, disclosure);
  return { ...shown, ...(how.drilldown && cell.drill && shown.value !== null ? { drill: cell.drill } : {}) };
}

function presentMeasure(measure: RawKpiMeasure, disclosure: Disclosure | undefined): KpiMeasure {
  const { value, ...why } = published(measure.value, disclosure);
  return { key: measure.key, value, unit: measure.unit, ...why };
}

/** The headline, with its numerator and denominator each published (or not) as the counts they are. */
function presentHeadline(headline: NonNullable<RawKpiFigure['headline']>, of: (ref: KpiRef) => Disclosure | undefined): KpiHeadline {
  const { value, ...why } = published(headline.value, of(kpiRef.headline));
  return {
    value,
    unit: headline.unit,
    ...(headline.numerator !== undefined ? { numerator: published(headline.numerator ?? null, of(kpiRef.numerator)).value } : {}),
    ...(headline.denominator !== undefined ? { denominator: published(headline.denominator ?? null, of(kpiRef.denominator)).value } : {}),
    ...why,
  };
}

/**
 * A figure as it leaves the server: the fields of the shared shape. For aggregate-only roles every
 * number goes through the disclosure control (kpi-disclosure.ts): small counts suppressed, and
 * enough other numbers withheld that none of them follows by arithmetic from what is shown.
 */
export function presentKpiFigure(figure: RawKpiFigure, how: KpiPresentation): KpiFigure {
  const disclosure = how.suppress ? (how.disclosures?.get(figure.key) ?? discloseFigure(figure)) : new Map<KpiRef, Disclosure>();
  const of = (ref: KpiRef) => disclosure.get(ref);
  return {
    key: figure.key,
    status: figure.status,
    ...(figure.reason ? { reason: figure.reason } : {}),
    headline: figure.headline ? presentHeadline(figure.headline, of) : null,
    measures: figure.measures.map((m) => presentMeasure(m, of(kpiRef.measure(m.key)))),
    tables: figure.tables.map((table) => ({
      key: table.key,
      chart: table.chart,
      columns: table.columns.map((c) => ({ key: c.key, ...(c.label ? { label: c.label } : {}), unit: c.unit })),
      rows: table.rows.map((row) => ({
        key: row.key,
        ...(row.label ? { label: row.label } : {}),
        cells: row.cells.map((cell, i) => presentCell(cell, how, of(kpiRef.cell(table.key, row.key, table.columns[i]?.key ?? '')))),
      })),
    })),
    ...(figure.assumptions ? { assumptions: figure.assumptions.map((a) => ({ key: a.key, value: a.value, unit: a.unit })) } : {}),
  };
}

/** The period, the scope's kind and the filters in force (with a provider coach's provider filled in). */
export function presentKpiQuery(query: KpiQuery) {
  return {
    period: presentPeriod(query.period),
    scope: { kind: query.scope.kind },
    filters: { period: query.period.key, ...presentFilter(query.filter) },
  };
}

/** When the figures were computed (ISO) and whether the data has changed since. */
export function presentKpiFreshness(freshness: KpiFreshness) {
  return { computedAt: freshness.computedAt.toISOString(), upToDate: freshness.upToDate };
}

function presentPeriod(period: Period) {
  return { key: period.key, start: period.start, end: period.end };
}

function presentFilter(filter: KpiFilter) {
  return {
    ...(filter.municipalityId ? { municipalityId: filter.municipalityId } : {}),
    ...(filter.route ? { route: filter.route } : {}),
    ...(filter.group ? { group: filter.group } : {}),
    ...(filter.providerId ? { providerId: filter.providerId } : {}),
  };
}

/** One client behind a figure, for a team lead or coach: who, where, with whom, on which step. */
export function presentDrilldownClient(row: DrilldownClientRow) {
  return {
    id: row.id,
    clientNumber: row.client_number,
    name: `${row.first_name} ${row.last_name}`,
    municipality: row.municipality_name,
    coach: row.coach_name,
    ladderStep: row.ladder_step,
  };
}
