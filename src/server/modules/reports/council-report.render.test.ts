import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { KPI_KEYS } from '../../../shared/kpi.ts';
import { pdfText } from '../../test/pdf-text.ts';
import { sampleCouncilReport } from './council-report.fixture.ts';
import { renderCouncilReportPdf } from './council-report.pdf.ts';
import { reportTables } from './council-report.ts';
import { renderCouncilReportXlsx, sheetName } from './council-report.xlsx.ts';
import { kpiTitle } from './report-labels.ts';

describe('council report renderers (hand-built report)', () => {
  it('lays out one municipality: title page, agreements with status and reason, every KPI, charts and tables, page numbers', async () => {
    const pdf = await renderCouncilReportPdf(sampleCouncilReport(false));
    const { text: layout, pages } = pdfText(pdf);
    const text = layout.replace(/\s+/g, ' ');
    expect(pages).toBeGreaterThan(KPI_KEYS.length);
    expect(text).toContain('Raadsrapportage Werk en Participatie');
    expect(text).toContain('Gemeente Lingestad');
    expect(text).toContain('Werkplein Lingedal');
    expect(text).toContain('26 november 2026');
    // Cells wrap, and pdftotext's layout interleaves the columns' lines: look for the parts.
    expect(text).toContain('niet gehaald (voorlopig:');
    expect(text).toContain('niet meetbaar: het');
    expect(text).toContain('schooljaar is nog niet begonnen');
    expect(text).toContain('In Lingestad liep het wat op.');
    expect(text).toContain('Nog geen toelichting geschreven.');
    expect(text).toContain('<5');
    expect(text).toContain(`Pagina ${pages} van ${pages}`);
    for (const key of KPI_KEYS) expect(text, key).toContain(kpiTitle(key));
  });

  it('puts every municipality side by side with the total when reporting on all', async () => {
    const report = sampleCouncilReport(true);
    const tables = reportTables(report, report.figures[0]!);
    expect(tables[0]!.headers).toEqual(['Heuveldorp', 'Lingestad', 'Waalkant', 'Totaal']);
    // A narrow table gets a comparison per column; a matrix does not.
    expect(tables.map((t) => t.key)).toEqual(['kerncijfers', 'per_route', 'per_route-per-gemeente-clients', 'per_route-per-gemeente-share', 'matrix']);
    // A trend by month stays a line per municipality in its comparison.
    const withTrend = report.figures.find((f) => f.figures.at(-1)!.tables.some((t) => t.chart === 'line'))!;
    const trend = reportTables(report, withTrend).filter((t) => t.key.startsWith('per_month'));
    expect(trend.map((t) => [t.key, t.chart])).toEqual([['per_month', 'line'], ['per_month-per-gemeente-this_year', 'line'], ['per_month-per-gemeente-last_year', 'line']]);
    const { text } = pdfText(await renderCouncilReportPdf(report));
    expect(text).toContain('Alle gemeenten (Heuveldorp, Lingestad, Waalkant)');
    expect(text).toMatch(/Heuveldorp\s+Lingestad\s+Waalkant\s+Totaal/);
  });

  it('writes the workbook with numbers as numbers, percentages as fractions and suppressed counts as "<5"', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderCouncilReportXlsx(sampleCouncilReport(true))) as unknown as ArrayBuffer);
    expect(workbook.worksheets.length).toBe(2 + KPI_KEYS.length);
    const first = workbook.worksheets[2]!;
    const values = first.getSheetValues().flat().filter((v) => v !== undefined && v !== null);
    expect(values).toContain('<5');
    expect(values).toContain(0.833);
    const agreements = workbook.getWorksheet('Prestatieafspraken')!;
    expect(agreements.getRow(2).getCell(5)).toMatchObject({ value: 0.95, numFmt: '0.0%' });
    expect(agreements.getRow(3).getCell(8).value).toBe('het schooljaar is nog niet begonnen');
  });

  it('names sheets as Excel allows: 31 characters, no []:*?/\\, unique', () => {
    const taken = new Set<string>();
    expect(sheetName('Trajecten: per aanbieder/product [2026]', taken)).toBe('Trajecten  per aanbieder');
    expect(sheetName('Trajecten: per aanbieder/product [2026]', taken)).toBe('Trajecten  per aanbieder 2');
    expect(sheetName('Rendement per route', taken)).toBe('Rendement per route');
    expect(sheetName('Eenheelbijzonderlangwoordzonderspaties', taken)).toBe('Eenheelbijzonderlangwoordzonder');
  });
});
