/**
 * The council report as an Excel workbook: a sheet "Rapport" (scope, period, texts), a sheet
 * "Prestatieafspraken", and one sheet per KPI with its explanation and every table of the PDF.
 * Numbers are numbers: counts as whole numbers, percentages as fractions formatted "0,0%",
 * euros in euro format; a suppressed count is the text "<5", a value not shown is empty.
 */
import ExcelJS from 'exceljs';
import { dutchDate } from '../../../shared/dates.ts';
import type { KpiUnit } from '../../../shared/kpi.ts';
import { reportTables, type CouncilReport, type ReportCell } from './council-report.ts';
import { label, periodText, reasonText, REPORT_WORDS as W } from './report-labels.ts';
import { SUPPRESSED_COUNT, WITHHELD } from '../../../shared/kpi-format.ts';

const NUMBER_FORMATS: Readonly<Record<KpiUnit, string>> = {
  count: '#,##0',
  percentage: '0.0%',
  euro: '"€" #,##0',
  days: '#,##0',
  number: '#,##0.0',
};

/** A value as Excel stores it: a fraction for a percentage (0–100 in the figures). */
function excelValue(value: number, unit: KpiUnit): number {
  return unit === 'percentage' ? Number((value / 100).toFixed(6)) : value;
}

function writeCell(cell: ExcelJS.Cell, value: ReportCell): void {
  if (value.value !== null) {
    cell.value = excelValue(value.value, value.unit);
    cell.numFmt = NUMBER_FORMATS[value.unit];
  } else if (value.suppressed && value.unit === 'count') {
    cell.value = SUPPRESSED_COUNT;
    cell.alignment = { horizontal: 'right' };
  } else if (value.withheld) {
    cell.value = WITHHELD;
    cell.alignment = { horizontal: 'right' };
  }
}

/** Excel's sheet names: at most 31 characters, none of []:*?/\ and unique in the workbook. */
export function sheetName(title: string, taken: Set<string>): string {
  const clean = title.replace(/[[\]:*?/\\]/g, ' ');
  // Cut a long title between words where that keeps most of it ("Beweging op de participatieladder" → "Beweging op de").
  const cut = clean.slice(0, 31);
  const space = cut.lastIndexOf(' ');
  const base = (clean.length > 31 && space > 15 ? cut.slice(0, space) : cut).trim();
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 28)} ${i}`;
  taken.add(name.toLowerCase());
  return name;
}

const bold = { bold: true } as const;

function reportSheet(workbook: ExcelJS.Workbook, report: CouncilReport, taken: Set<string>): void {
  const sheet = workbook.addWorksheet(sheetName('Rapport', taken));
  sheet.columns = [{ width: 24 }, { width: 100 }];
  sheet.addRow([W.title]).font = { bold: true, size: 14 };
  sheet.addRow([W.organisation, report.organisation]);
  sheet.addRow([W.municipality, report.municipality?.name ?? W.allMunicipalities]);
  sheet.addRow([W.period, `${periodText(report.period)} (${report.period.start} t/m ${report.period.end})`]);
  sheet.addRow([W.createdOn, dutchDate(report.createdOn)]);
  sheet.addRow([]);
  for (const [title, text] of [[W.introduction, report.introduction], ...report.figures.map((f) => [f.title, f.text]), [W.conclusion, report.conclusion]] as const) {
    const row = sheet.addRow([title, text || W.noText]);
    row.getCell(1).font = bold;
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  }
  sheet.addRow([]);
  sheet.addRow(['', W.suppressionNote]).getCell(2).alignment = { wrapText: true };
}

function agreementsSheet(workbook: ExcelJS.Workbook, report: CouncilReport, taken: Set<string>): void {
  if (!report.agreements) return;
  const sheet = workbook.addWorksheet(sheetName(W.agreements, taken));
  sheet.columns = [{ width: 18 }, { width: 40 }, { width: 28 }, { width: 14 }, { width: 12 }, { width: 12 }, { width: 16 }, { width: 36 }, { width: 50 }];
  const header = sheet.addRow([W.municipality, W.agreement, 'Cijfer', 'Vergelijking', W.target, W.result, W.status, 'Reden', W.explanation]);
  header.font = bold;
  if (report.agreements.length === 0) sheet.addRow([W.noAgreements]);
  for (const a of report.agreements) {
    const row = sheet.addRow([a.municipality, a.title, label('measures', a.measure), W.comparisons[a.comparison]]);
    writeCell(row.getCell(5), { value: a.target, unit: a.unit });
    writeCell(row.getCell(6), { value: a.value, suppressed: a.valueHidden === 'suppressed', withheld: a.valueHidden === 'withheld', unit: a.unit });
    row.getCell(7).value = `${W.statuses[a.status]}${a.provisional && a.status !== 'not_measurable' ? ` (${W.provisional})` : ''}`;
    row.getCell(8).value = a.status === 'not_measurable' ? reasonText(a.reason) : '';
    row.getCell(9).value = a.explanation;
  }
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

function figureSheet(workbook: ExcelJS.Workbook, report: CouncilReport, figure: CouncilReport['figures'][number], taken: Set<string>): void {
  const sheet = workbook.addWorksheet(sheetName(figure.title, taken));
  const tables = reportTables(report, figure);
  const widest = Math.max(1, ...tables.map((t) => t.headers.length));
  sheet.columns = [{ width: 38 }, ...Array.from({ length: widest }, () => ({ width: 16 }))];
  sheet.addRow([figure.title]).font = { bold: true, size: 14 };
  const text = sheet.addRow([figure.text || W.noText]);
  text.getCell(1).alignment = { wrapText: true, vertical: 'top' };
  sheet.mergeCells(text.number, 1, text.number, widest + 1);
  const main = figure.figures[report.columns.length - 1];
  if (main?.status === 'not_measurable') sheet.addRow([`${W.notMeasurable}: ${reasonText(main.reason)}`]);
  for (const table of tables) {
    sheet.addRow([]);
    sheet.addRow([table.title]).font = bold;
    const header = sheet.addRow([table.rowHeader, ...table.headers]);
    header.font = bold;
    header.eachCell((cell) => (cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } }));
    for (const r of table.rows) {
      const row = sheet.addRow([r.label]);
      r.cells.forEach((cell, i) => writeCell(row.getCell(i + 2), cell));
    }
  }
  for (const a of main?.assumptions ?? []) {
    const row = sheet.addRow([label('assumptions', a.key)]);
    writeCell(row.getCell(2), { value: a.value, unit: a.unit });
  }
}

/** Renders the report to XLSX bytes. */
export async function renderCouncilReportXlsx(report: CouncilReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Meedoen';
  workbook.created = new Date(`${report.createdOn}T12:00:00Z`);
  workbook.title = `${W.title} ${report.municipality?.name ?? W.allMunicipalities} ${periodText(report.period)}`;
  const taken = new Set<string>();
  reportSheet(workbook, report, taken);
  agreementsSheet(workbook, report, taken);
  for (const figure of report.figures) figureSheet(workbook, report, figure, taken);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
