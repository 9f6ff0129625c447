import type { KpiCell, KpiFigure, KpiHeadline, KpiMeasure, KpiUnit, Period } from '../../../shared/kpi.ts';
import type { KpiFilter, KpiQuery, RawKpiCell, RawKpiFigure, RawKpiMeasure } from './kpi-definition.ts';
import { suppressSmallCount } from '../../../shared/disclosure.ts';
import { suppressValue, type KpiBasis } from './kpi-suppression.ts';
import type { DrilldownClientRow } from './kpi.repository.ts';

/** How a figure is shown to this caller: suppressed for aggregate-only roles, with drill keys only for those who may drill down. */
export type KpiPresentation = { suppress: boolean; drilldown: boolean };

/** A cell as it leaves the server: the value (or null and `suppressed`), the drill key when the caller may use it. Never the basis. */
function presentCell(unit: KpiFigure['tables'][number]['columns'][number]['unit'], cell: RawKpiCell, how: KpiPresentation, hidden: ReadonlySet<number>): KpiCell {
  const shown = !how.suppress
    ? { value: cell.value, suppressed: false }
    : unit === 'count' && cell.value !== null && hidden.has(cell.value)
      ? { value: null, suppressed: true }
      : suppressValue(unit, cell.value, cell.basis);
  return {
    value: shown.value,
    ...(shown.suppressed ? { suppressed: true } : {}),
    ...(how.drilldown && cell.drill && !shown.suppressed ? { drill: cell.drill } : {}),
  };
}

function presentMeasure(measure: RawKpiMeasure, how: KpiPresentation, hidden: ReadonlySet<number>): KpiMeasure {
  const shown = !how.suppress
    ? { value: measure.value, suppressed: false }
    : measure.unit === 'count' && measure.value !== null && hidden.has(measure.value)
      ? { value: null, suppressed: true }
      : suppressValue(measure.unit, measure.value, measure.basis);
  return { key: measure.key, value: shown.value, unit: measure.unit, ...(shown.suppressed ? { suppressed: true } : {}) };
}

/**
 * The headline. Its numerator and denominator are counts too: they are the basis of a share when
 * the figure gives no other, are withheld with a suppressed share (they would give it away), and
 * are suppressed as counts on their own.
 */
function presentHeadline(headline: NonNullable<RawKpiFigure['headline']>, how: KpiPresentation, hidden: ReadonlySet<number>): KpiHeadline {
  const numerator = headline.numerator ?? null;
  const denominator = headline.denominator ?? null;
  const parts = {
    ...(headline.numerator !== undefined ? { numerator } : {}),
    ...(headline.denominator !== undefined ? { denominator } : {}),
  };
  if (!how.suppress) return { value: headline.value, unit: headline.unit, ...parts };
  if (headline.unit === 'count' && headline.value !== null && hidden.has(headline.value)) return { value: null, unit: headline.unit, suppressed: true };
  const basis: KpiBasis | undefined = headline.basis ?? (numerator !== null && denominator !== null ? { numerator, denominator } : undefined);
  const shown = suppressValue(headline.unit, headline.value, basis);
  if (shown.suppressed) {
    return { value: null, unit: headline.unit, ...(headline.numerator !== undefined ? { numerator: null } : {}), ...(headline.denominator !== undefined ? { denominator: null } : {}), suppressed: true };
  }
  const count = (n: number | null) => (n === null ? null : suppressValue('count', n).value);
  const countsHidden = (numerator !== null && count(numerator) === null) || (denominator !== null && count(denominator) === null);
  return {
    value: shown.value,
    unit: headline.unit,
    ...(headline.numerator !== undefined ? { numerator: count(numerator) } : {}),
    ...(headline.denominator !== undefined ? { denominator: count(denominator) } : {}),
    ...(countsHidden ? { suppressed: true } : {}),
  };
}

/** A figure as it leaves the server: the fields of the shared shape, suppressed where the caller sees aggregates only. */
/**
 * Complementary suppression: when a share is withheld because its remainder is 1–4 (say 80 of 84),
 * the two counts beside it would give that remainder away (84 − 80 = 4). So the counts equal to
 * the numerator or denominator of a withheld share are withheld too: across the headline and the
 * measures, and within each table row.
 */
function countsOfWithheldShares(items: ReadonlyArray<{ unit: KpiUnit; value: number | null; basis?: KpiBasis | undefined }>): Set<number> {
  const hidden = new Set<number>();
  for (const item of items) {
    if (item.unit === 'count' || !item.basis || item.value === null) continue;
    // A small numerator or denominator is withheld as a count already; only the remainder hides in the pair.
    if (suppressSmallCount(item.basis.denominator - item.basis.numerator) === null) hidden.add(item.basis.numerator).add(item.basis.denominator);
  }
  hidden.delete(0);
  return hidden;
}

function headlineBasis(headline: RawKpiFigure['headline']): KpiBasis | undefined {
  if (!headline) return undefined;
  if (headline.basis) return headline.basis;
  const { numerator, denominator } = headline;
  return typeof numerator === 'number' && typeof denominator === 'number' ? { numerator, denominator } : undefined;
}

export function presentKpiFigure(figure: RawKpiFigure, how: KpiPresentation): KpiFigure {
  const figureHidden = countsOfWithheldShares([
    ...(figure.headline ? [{ unit: figure.headline.unit, value: figure.headline.value, basis: headlineBasis(figure.headline) }] : []),
    ...figure.measures,
  ]);
  return {
    key: figure.key,
    status: figure.status,
    ...(figure.reason ? { reason: figure.reason } : {}),
    headline: figure.headline ? presentHeadline(figure.headline, how, figureHidden) : null,
    measures: figure.measures.map((m) => presentMeasure(m, how, figureHidden)),
    tables: figure.tables.map((table) => ({
      key: table.key,
      chart: table.chart,
      columns: table.columns.map((c) => ({ key: c.key, ...(c.label ? { label: c.label } : {}), unit: c.unit })),
      rows: table.rows.map((row) => ({
        key: row.key,
        ...(row.label ? { label: row.label } : {}),
        cells: presentRow(row.cells, table.columns, how),
      })),
    })),
    ...(figure.assumptions ? { assumptions: figure.assumptions.map((a) => ({ key: a.key, value: a.value, unit: a.unit })) } : {}),
  };
}

function presentRow(cells: RawKpiCell[], columns: KpiFigure['tables'][number]['columns'], how: KpiPresentation): KpiCell[] {
  const unitOf = (i: number) => columns[i]?.unit ?? 'count';
  const hidden = countsOfWithheldShares(cells.map((cell, i) => ({ unit: unitOf(i), value: cell.value, basis: cell.basis })));
  return cells.map((cell, i) => presentCell(unitOf(i), cell, how, hidden));
}

/** The period, the scope's kind and the filters in force (with a provider coach's provider filled in). */
export function presentKpiQuery(query: KpiQuery) {
  return {
    period: presentPeriod(query.period),
    scope: { kind: query.scope.kind },
    filters: { period: query.period.key, ...presentFilter(query.filter) },
  };
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
