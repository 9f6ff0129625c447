/**
 * Turns a generic KPI table into what a chart draws: categories (the rows) and series (the
 * columns that share the first column's unit), every point with its display text, so the chart
 * writes the number on the picture and a suppressed cell reads "<5" there too.
 */
import type { TFunction } from 'i18next';
import type { KpiTable, KpiUnit } from '../../../../shared/kpi.ts';
import { formatCell, formatKpiValue, kpiLabel } from '../../../../shared/kpi-format.ts';

export type ChartPoint = { value: number | null; text: string };
export type ChartSeries = { key: string; label: string; points: ChartPoint[] };
export type ChartData = {
  unit: KpiUnit;
  categories: Array<{ key: string; label: string }>;
  series: ChartSeries[];
  /** Formats a number in the chart's unit (for totals and axis ticks). */
  format: (value: number) => string;
};

/** A bar chart stays readable with this many series; the table beside it has every column. */
const MAX_BAR_SERIES = 4;

/**
 * The chartable part of a table; null when nothing in it can be drawn. The columns of the unit
 * most columns share are drawn (a share or a quota beside counts stays in the table); a 'total'
 * row is left out, as its bar would dwarf the rest.
 */
export function chartData(table: KpiTable, t: TFunction, language: string): ChartData | null {
  const first = table.columns[0];
  if (!first) return null;
  const unit = commonestUnit(table);
  const rows = table.rows.filter((row) => row.key !== 'total' || table.chart === 'line');
  if (rows.length === 0) return null;
  // A matrix needs every column (each is a step); bars stay readable with a few.
  const maxSeries = table.chart === 'matrix' || table.chart === 'line' ? Infinity : MAX_BAR_SERIES;
  const series: ChartSeries[] = [];
  table.columns.forEach((column, c) => {
    if (column.unit !== unit || series.length >= maxSeries) return;
    series.push({
      key: column.key,
      label: kpiLabel(t, 'columns', column.key, column.label),
      points: rows.map((row) => {
        const cell = row.cells[c] ?? { value: null };
        return { value: cell.value, text: formatCell(cell, unit, language, t) };
      }),
    });
  });
  if (series.length === 0) return null;
  const categories = rows.map((row) => ({ key: row.key, label: kpiLabel(t, 'rows', row.key, row.label) }));
  return { unit, categories, series, format: (value) => formatKpiValue(value, unit, language, t) };
}

/** The unit most columns have (the first column's on a tie): one scale per chart. */
function commonestUnit(table: KpiTable): KpiUnit {
  const counts = new Map<KpiUnit, number>();
  for (const column of table.columns) counts.set(column.unit, (counts.get(column.unit) ?? 0) + 1);
  let best = table.columns[0]!.unit;
  for (const [unit, n] of counts) if (n > counts.get(best)!) best = unit;
  return best;
}

/** The largest value drawn (at least 1, so an all-zero chart still has a scale). */
export function maxValue(values: Array<number | null>): number {
  return Math.max(1, ...values.map((v) => v ?? 0));
}

/** Keeps SVG labels on one line: long names are shortened with an ellipsis (the table has them in full). */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
