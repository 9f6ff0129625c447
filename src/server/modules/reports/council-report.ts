/**
 * The council report as data, before it becomes a PDF, an XLSX or CSV files: the same tables in
 * all three. Built from the KPI engine's figures (never computed here) and the texts. The tables
 * are generic over KpiFigure, so a new KPI appears in the report without a change here.
 *
 * One municipality: per KPI its key figures (headline and measures) and the figure's own tables.
 * All municipalities: per KPI a comparison of the key figures with a column per municipality
 * plus the total, the total's own tables, and for every narrow table (at most three columns,
 * not a matrix) a comparison per column, again a column per municipality plus the total.
 */
import type { KpiCell, KpiFigure, KpiKey, KpiTable, KpiUnit, Period } from '../../../shared/kpi.ts';
import { label, kpiTitle, REPORT_WORDS } from './report-labels.ts';

/** A municipality column, or the total over all municipalities (key 'total'). */
export type ReportColumn = { key: string; name: string };

export type ReportAgreement = {
  municipality: string;
  title: string;
  kpi: KpiKey;
  measure: string;
  comparison: 'at_least' | 'at_most';
  target: number;
  unit: KpiUnit;
  value: number | null;
  /** The value is not shown to the caller (small numbers); the status is judged on the exact figure. */
  valueHidden?: 'suppressed' | 'withheld';
  status: 'met' | 'not_met' | 'not_measurable';
  reason: string | null;
  provisional: boolean;
  explanation: string;
};

export type ReportFigure = { key: KpiKey; title: string; text: string; figures: KpiFigure[] };

export type CouncilReport = {
  organisation: string;
  /** The municipality reported on, or null for all municipalities side by side. */
  municipality: { id: string; name: string } | null;
  period: Period;
  createdOn: string;
  columns: ReportColumn[];
  introduction: string;
  conclusion: string;
  /** Null when the caller does not read agreements (a provider coach): the report leaves them out. */
  agreements: ReportAgreement[] | null;
  /** Per KPI, its figure per column (same order as `columns`). */
  figures: ReportFigure[];
};

export type ReportCell = Pick<KpiCell, 'value' | 'suppressed' | 'withheld'> & { unit: KpiUnit };
export type ReportTable = {
  /** Unique within the KPI; the CSV download's name: /api/reports/council/tables/{kpi}/{key}.csv */
  key: string;
  title: string;
  chart: KpiTable['chart'];
  rowHeader: string;
  headers: string[];
  rows: { label: string; cells: ReportCell[] }[];
  /** Chart only the first n columns (a comparison leaves the total out: it would dwarf the municipalities). */
  chartColumns?: number;
};

/** The figure whose own tables the report shows: the municipality's, or the total of all. */
export function mainFigure(report: Pick<CouncilReport, 'columns'>, figure: ReportFigure): KpiFigure {
  return figure.figures[report.columns.length - 1]!;
}

const rowLabel = (row: KpiTable['rows'][number]) => label('rows', row.key, row.label);
/** A table's name as a title of its own ("per gemeente" → "Per gemeente"; the dashboard puts it after the KPI's title). */
const tableTitle = (key: string) => {
  const text = label('tables', key);
  return text.charAt(0).toUpperCase() + text.slice(1);
};

function measureRows(figure: KpiFigure): { key: string; label: string; unit: KpiUnit }[] {
  const rows = figure.headline ? [{ key: '__headline', label: REPORT_WORDS.headline, unit: figure.headline.unit }] : [];
  return [...rows, ...figure.measures.map((m) => ({ key: m.key, label: label('measures', m.key), unit: m.unit }))];
}

function measureCell(figure: KpiFigure | undefined, key: string, unit: KpiUnit): ReportCell {
  if (!figure) return { value: null, unit };
  if (key === '__headline') return { value: figure.headline?.value ?? null, suppressed: figure.headline?.suppressed, withheld: figure.headline?.withheld, unit };
  const measure = figure.measures.find((m) => m.key === key);
  return { value: measure?.value ?? null, suppressed: measure?.suppressed, withheld: measure?.withheld, unit };
}

function figureTable(table: KpiTable): ReportTable {
  return {
    key: table.key,
    title: tableTitle(table.key),
    chart: table.chart,
    rowHeader: '',
    headers: table.columns.map((c) => label('columns', c.key, c.label)),
    rows: table.rows.map((row) => ({ label: rowLabel(row), cells: row.cells.map((cell, i) => ({ value: cell.value, suppressed: cell.suppressed, withheld: cell.withheld, unit: table.columns[i]!.unit })) })),
  };
}

/** One column of a table, per municipality: the rows of all columns' figures merged in order. */
function comparisonTable(report: CouncilReport, figure: ReportFigure, tableKey: string, columnIndex: number): ReportTable | null {
  const main = mainFigure(report, figure).tables.find((t) => t.key === tableKey)!;
  const column = main.columns[columnIndex]!;
  const rowKeys: { id: string; label: string }[] = [];
  for (const f of figure.figures) {
    for (const row of f.tables.find((t) => t.key === tableKey)?.rows ?? []) {
      const id = `${row.key}|${row.label ?? ''}`;
      if (!rowKeys.some((r) => r.id === id)) rowKeys.push({ id, label: rowLabel(row) });
    }
  }
  return {
    key: `${tableKey}-per-gemeente-${column.key}`,
    title: `${tableTitle(tableKey)}: ${label('columns', column.key, column.label)}, ${REPORT_WORDS.comparison.toLowerCase()}`,
    // A trend stays a trend: one line per municipality over the months (bars for everything else).
    chart: main.chart === 'line' ? 'line' : 'bar',
    chartColumns: report.columns.length - 1,
    rowHeader: '',
    headers: report.columns.map((c) => c.name),
    rows: rowKeys.map((row) => ({
      label: row.label,
      cells: figure.figures.map((f) => {
        const table = f.tables.find((t) => t.key === tableKey);
        const cell = table?.rows.find((r) => `${r.key}|${r.label ?? ''}` === row.id)?.cells[columnIndex];
        return { value: cell?.value ?? null, suppressed: cell?.suppressed, withheld: cell?.withheld, unit: column.unit };
      }),
    })),
  };
}

/** Every table of one KPI in the report, in order (see the module comment). */
export function reportTables(report: CouncilReport, figure: ReportFigure): ReportTable[] {
  const main = mainFigure(report, figure);
  const measures = measureRows(main);
  const keyFigures: ReportTable = {
    key: 'kerncijfers',
    title: report.municipality ? 'Kerncijfers' : `Kerncijfers ${REPORT_WORDS.comparison.toLowerCase()}`,
    chart: 'none',
    rowHeader: REPORT_WORDS.measure,
    headers: report.columns.map((c) => c.name),
    rows: measures.map((m) => ({ label: m.label, cells: figure.figures.map((f) => measureCell(f, m.key, m.unit)) })),
  };
  const tables = measures.length > 0 ? [keyFigures] : [];
  for (const table of main.tables) {
    tables.push(figureTable(table));
    if (report.municipality || table.chart === 'matrix' || table.columns.length > 3) continue;
    table.columns.forEach((_, i) => {
      const comparison = comparisonTable(report, figure, table.key, i);
      if (comparison) tables.push(comparison);
    });
  }
  return tables;
}

/** A title and a text for every KPI, in the engine's order; texts default to empty. */
export function reportFigures(columns: ReportColumn[], figuresByColumn: KpiFigure[][], texts: ReadonlyMap<string, string>): ReportFigure[] {
  const keys = figuresByColumn[columns.length - 1]?.map((f) => f.key) ?? [];
  return keys.map((key) => ({
    key,
    title: kpiTitle(key),
    text: texts.get(key) ?? '',
    // A column without this figure (it should not happen) shows as not measurable, keeping the columns aligned.
    figures: figuresByColumn.map((figures) => figures.find((f) => f.key === key) ?? { key, status: 'not_measurable' as const, headline: null, measures: [], tables: [] }),
  }));
}
