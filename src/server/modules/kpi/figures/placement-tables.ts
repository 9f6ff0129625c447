/**
 * Shared by the placement figures: rows per municipality (plus a total) built from the counts
 * per municipality, and the drill keys that lead back to the clients.
 */
import type { RawKpiCell, RawKpiTable } from '../kpi-definition.ts';
import { countCell, drillKey } from './work-cells.ts';

export type MunicipalityRow = { id: string; name: string };

/** Sums numeric fields of rows that match. */
export function sumOf<T>(rows: readonly T[], pick: (row: T) => number): number {
  return rows.reduce((total, row) => total + pick(row), 0);
}

/**
 * A table with one row per municipality and a total row; `cells(rows, rowKey)` makes the cells
 * of one row from the count rows of that municipality (all of them for the total).
 */
export function municipalityTable<T extends { municipality_id: string }>(
  key: string,
  columns: RawKpiTable['columns'],
  municipalities: readonly MunicipalityRow[],
  counts: readonly T[],
  cells: (rows: readonly T[], rowKey: string) => RawKpiCell[],
): RawKpiTable {
  const rows = municipalities.map((m) => ({ key: m.id, label: m.name, cells: cells(counts.filter((c) => c.municipality_id === m.id), m.id) }));
  return { key, chart: 'bar', columns, rows: [...rows, { key: 'total', cells: cells(counts, 'all') }] };
}

/** A count cell drilling into `column` of the row. */
export function drilled(value: number, column: string, rowKey: string): RawKpiCell {
  return countCell(value, drillKey(column, rowKey));
}
