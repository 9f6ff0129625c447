/**
 * The council report as a readable Dutch A4 PDF: a title page, the introduction, the performance
 * agreements with their status, then per KPI its explanation, key figure, charts (vector) and
 * tables (headers repeated on every page a table runs onto), the conclusion, page numbers.
 */
import { dutchDate } from '../../../shared/dates.ts';
import { barChart, stackedBarChart } from '../../pdf/bar-chart.ts';
import type { CategoryChartData } from '../../pdf/chart-parts.ts';
import { lineChart, matrixChart } from '../../pdf/matrix-line-charts.ts';
import { renderPdf, type PdfBlock } from '../../pdf/pdf-document.ts';
import type { Drawing } from '../../pdf/pdf-drawing.ts';
import { reportTables, type CouncilReport, type ReportAgreement, type ReportFigure, type ReportTable } from './council-report.ts';
import { cellText, kpiDescription, periodText, reasonText, REPORT_WORDS as W, label } from './report-labels.ts';

/** Paragraphs of a text the policy officer wrote (blank lines separate them). */
function textBlocks(text: string, empty: string): PdfBlock[] {
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  return paragraphs.length > 0 ? paragraphs.map((p): PdfBlock => ({ kind: 'paragraph', text: p })) : [{ kind: 'paragraph', text: empty, emphasis: 'muted' }];
}

function scopeName(report: CouncilReport): string {
  return report.municipality ? `Gemeente ${report.municipality.name}` : `Alle gemeenten (${report.columns.slice(0, -1).map((c) => c.name).join(', ')})`;
}

function titlePage(report: CouncilReport): PdfBlock[] {
  return [
    { kind: 'heading', level: 1, text: W.title },
    { kind: 'paragraph', text: `${scopeName(report)}, ${periodText(report.period)}`, emphasis: 'bold' },
    {
      kind: 'table',
      columns: [{ header: 'Gegeven', weight: 1 }, { header: 'Waarde', weight: 2.5 }],
      rows: [
        [W.organisation, report.organisation],
        [W.municipality, report.municipality?.name ?? W.allMunicipalities],
        [W.period, `${periodText(report.period)} (${dutchDate(report.period.start)} tot en met ${dutchDate(report.period.end)})`],
        [W.createdOn, dutchDate(report.createdOn)],
      ],
    },
    { kind: 'heading', level: 2, text: 'Inhoud' },
    { kind: 'list', items: [W.introduction, ...(report.agreements ? [W.agreements] : []), ...report.figures.map((f) => f.title), W.conclusion] },
    { kind: 'paragraph', text: W.suppressionNote, emphasis: 'muted' },
    { kind: 'pageBreak' },
  ];
}

function agreementValue(a: Pick<ReportAgreement, 'value' | 'valueHidden' | 'unit'>, value: number | null): string {
  return cellText({ value, suppressed: a.valueHidden === 'suppressed', withheld: a.valueHidden === 'withheld' }, a.unit);
}

function statusText(a: ReportAgreement): string {
  const status = W.statuses[a.status];
  const reason = a.status === 'not_measurable' ? `: ${reasonText(a.reason)}` : '';
  return `${status}${reason}${a.provisional && a.status !== 'not_measurable' ? ` (${W.provisional})` : ''}`;
}

function agreementBlocks(report: CouncilReport): PdfBlock[] {
  if (!report.agreements) return [];
  const blocks: PdfBlock[] = [{ kind: 'heading', level: 1, text: W.agreements }];
  if (report.agreements.length === 0) return [...blocks, { kind: 'paragraph', text: W.noAgreements, emphasis: 'muted' }];
  const all = !report.municipality;
  blocks.push({
    kind: 'table',
    caption: `${W.agreements} ${report.period.year}`,
    columns: [
      ...(all ? [{ header: W.municipality, weight: 1.1 }] : []),
      { header: W.agreement, weight: 2.6 },
      { header: W.target, weight: 1.1, align: 'right' as const },
      { header: W.result, weight: 0.9, align: 'right' as const },
      { header: W.status, weight: 1.5 },
    ],
    rows: report.agreements.map((a) => [
      ...(all ? [a.municipality] : []),
      [a.title, `${label('measures', a.measure)}`, a.explanation].filter(Boolean).join('\n'),
      `${W.comparisons[a.comparison]} ${agreementValue(a, a.target)}`,
      agreementValue(a, a.value),
      statusText(a),
    ]),
  });
  return blocks;
}

/** The chart data of a table: the columns that share the first column's unit. */
function chartData(table: ReportTable): CategoryChartData | null {
  const unit = table.rows[0]?.cells[0]?.unit;
  if (!unit) return null;
  const columns = table.headers
    .map((header, i) => ({ header, i }))
    .filter(({ i }) => i < (table.chartColumns ?? table.headers.length) && table.rows.every((r) => r.cells[i]?.unit === unit));
  if (!table.rows.some((r) => columns.some(({ i }) => (r.cells[i]?.value ?? 0) > 0))) return null;
  return {
    categories: table.rows.map((r) => r.label),
    series: columns.map(({ header, i }) => ({ label: header, values: table.rows.map((r) => ({ value: r.cells[i]?.value ?? null, text: cellText(r.cells[i]!, unit) })) })),
  };
}

function chartOf(table: ReportTable): Drawing | null {
  if (table.chart === 'none') return null;
  const data = chartData(table);
  if (!data) return null;
  const unit = table.rows[0]!.cells[0]!.unit;
  const format = (v: number) => cellText({ value: v }, unit);
  switch (table.chart) {
    case 'bar':
      return barChart(data, format);
    case 'stacked_bar':
      return stackedBarChart(data, format);
    case 'matrix':
      return matrixChart(data);
    case 'line':
      return lineChart(data, format);
  }
}

/**
 * How many number columns fit beside the row labels on A4 portrait without breaking a header
 * word: each column must hold the longest word of its header (about 6 pt a character in bold
 * 10 pt Helvetica, plus padding). Between two and six.
 */
function columnsPerPart(headers: readonly string[]): number {
  const longestWord = Math.max(0, ...headers.flatMap((h) => h.split(/\s+/)).map((w) => w.length));
  const perColumn = Math.max(55, longestWord * 6 + 10);
  return Math.min(6, Math.max(2, Math.floor((483 - 140) / perColumn)));
}

/**
 * A table as PDF tables: a wide one (trajectories per provider has eleven columns) is split into
 * parts that repeat the row labels, rather than squeezing words into slivers.
 */
function tableBlocks(table: ReportTable, withChart: boolean): PdfBlock[] {
  const parts = Math.ceil(table.headers.length / columnsPerPart(table.headers)) || 1;
  const size = Math.ceil(table.headers.length / parts);
  return Array.from({ length: parts }, (_, part): PdfBlock => {
    const from = part * size;
    const headers = table.headers.slice(from, from + size);
    const title = parts > 1 ? `${table.title} (deel ${part + 1} van ${parts})` : table.title;
    return {
      kind: 'table',
      // Under its chart a single table needs no title of its own: the chart's caption points to it.
      ...(withChart && parts === 1 ? {} : { caption: title }),
      columns: [{ header: table.rowHeader, weight: headers.length > 5 ? 1.5 : headers.length > 3 ? 1.8 : 2.2 }, ...headers.map((header) => ({ header, weight: 1, align: 'right' as const }))],
      rows: table.rows.map((row) => [row.label, ...row.cells.slice(from, from + size).map((cell) => cellText(cell, cell.unit))]),
    };
  });
}

function headlineText(report: CouncilReport, figure: ReportFigure): string {
  const main = figure.figures[report.columns.length - 1]!;
  if (main.status === 'not_measurable') return `${W.notMeasurable}: ${reasonText(main.reason)}.`;
  const h = main.headline;
  if (!h) return '';
  const basis = h.numerator != null && h.denominator != null && h.value !== null ? ` (${cellText({ value: h.numerator }, 'count')} van ${cellText({ value: h.denominator }, 'count')})` : '';
  return `${W.headline}${report.municipality ? '' : ` ${W.total.toLowerCase()}`}: ${cellText(h, h.unit)}${basis}`;
}

function figureBlocks(report: CouncilReport, figure: ReportFigure, first: boolean): PdfBlock[] {
  // Every KPI starts on a page of its own, the first right under the chapter heading.
  const blocks: PdfBlock[] = [...(first ? [] : [{ kind: 'pageBreak' } as const]), { kind: 'heading', level: 2, text: figure.title }];
  const description = kpiDescription(figure.key);
  if (description) blocks.push({ kind: 'paragraph', text: description, emphasis: 'muted' });
  const headline = headlineText(report, figure);
  if (headline) blocks.push({ kind: 'paragraph', text: headline, emphasis: 'bold' });
  blocks.push(...textBlocks(figure.text, W.noText));
  // A figure that cannot be measured has nothing to show but the reason (its tables would be empty).
  const tables = figure.figures[report.columns.length - 1]?.status === 'not_measurable' ? [] : reportTables(report, figure);
  for (const table of tables) {
    const drawing = chartOf(table);
    if (drawing) blocks.push({ kind: 'drawing', title: table.title, drawing, caption: 'De cijfers bij deze grafiek staan in de tabel hieronder.' });
    blocks.push(...tableBlocks(table, drawing !== null));
  }
  const assumptions = figure.figures[report.columns.length - 1]?.assumptions ?? [];
  if (assumptions.length > 0) {
    blocks.push({
      kind: 'table',
      caption: 'Aannames',
      columns: [{ header: 'Aanname', weight: 2.5 }, { header: 'Waarde', weight: 1, align: 'right' }],
      rows: assumptions.map((a) => [label('assumptions', a.key), cellText({ value: a.value }, a.unit)]),
    });
  }
  return blocks;
}

/** Renders the report to PDF bytes. */
export function renderCouncilReportPdf(report: CouncilReport): Promise<Buffer> {
  const scope = report.municipality?.name ?? W.allMunicipalities;
  return renderPdf({
    title: `${W.title} ${scope} ${periodText(report.period)}`,
    author: report.organisation,
    subject: `${W.title}, ${scope}, ${periodText(report.period)}`,
    header: `${W.title} · ${scope} · ${periodText(report.period)}`,
    footer: report.organisation,
    pageLabel: W.page,
    blocks: [
      ...titlePage(report),
      { kind: 'heading', level: 1, text: W.introduction },
      ...textBlocks(report.introduction, W.noText),
      ...agreementBlocks(report),
      { kind: 'pageBreak' },
      { kind: 'heading', level: 1, text: W.figures },
      { kind: 'paragraph', text: W.suppressionNote, emphasis: 'muted' },
      ...report.figures.flatMap((f, i) => figureBlocks(report, f, i === 0)),
      { kind: 'pageBreak' },
      { kind: 'heading', level: 1, text: W.conclusion },
      ...textBlocks(report.conclusion, W.noText),
    ],
  });
}
