/**
 * Small builders for the raw cells, measures and periods of the work figures (placements, beschut
 * werk, school, trajectories, modules): counts with their drill key, shares with the basis the
 * engine suppresses on, and the "not yet measurable" check they share.
 */
import type { KpiUnit } from '../../../../shared/kpi.ts';
import type { KpiQuery, RawKpiCell, RawKpiMeasure } from '../kpi-definition.ts';

/** A share in percent with one decimal, or null for a share of nobody. */
export function percent(numerator: number, denominator: number): number | null {
  return denominator > 0 ? Math.round((numerator / denominator) * 1000) / 10 : null;
}

/** A count cell; `drill` names the clients behind it. */
export function countCell(value: number, drill?: string): RawKpiCell {
  return drill ? { value, drill } : { value };
}

/** A percentage cell with the counts behind it (suppressed by the engine when one of them is 1–4). */
export function shareCell(numerator: number, denominator: number, drill?: string): RawKpiCell {
  return { value: percent(numerator, denominator), basis: { numerator, denominator }, ...(drill ? { drill } : {}) };
}

/** A plain number cell (an average, a quota) that is not a count of people. */
export function valueCell(value: number | null): RawKpiCell {
  return { value };
}

export function countMeasure(key: string, value: number): RawKpiMeasure {
  return { key, value, unit: 'count' };
}

export function shareMeasure(key: string, numerator: number, denominator: number): RawKpiMeasure {
  return { key, value: percent(numerator, denominator), unit: 'percentage', basis: { numerator, denominator } };
}

export function measureOf(key: string, value: number | null, unit: KpiUnit): RawKpiMeasure {
  return { key, value, unit };
}

/** The drill key of a cell: the figure's own column key and the row it belongs to ('all' for totals). */
export function drillKey(column: string, row: string): string {
  return `${column}:${row}`;
}

/** Splits a drill key back into column and row; null when it is not one of ours. */
export function parseDrill(drill: string, columns: readonly string[]): { column: string; row: string } | null {
  const at = drill.indexOf(':');
  if (at < 1) return null;
  const column = drill.slice(0, at);
  const row = drill.slice(at + 1);
  return columns.includes(column) && row.length > 0 ? { column, row } : null;
}

/** Whether the period has not begun yet on the query's "today". */
export function periodNotStarted(q: KpiQuery): boolean {
  return q.today < q.period.start;
}

/** A UUID-shaped row key (a municipality, a contract, a module), so drill rows go to SQL only as ids. */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
