import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportError } from './import.errors.ts';
import { FileSyntaxError, openImportFile, type SourceRow } from './import.parser.ts';

let dir: string;
beforeAll(async () => void (dir = await mkdtemp(join(tmpdir(), 'meedoen-import-parser-'))));
afterAll(async () => rm(dir, { recursive: true, force: true }));

async function readAll(path: string): Promise<SourceRow[]> {
  const rows: SourceRow[] = [];
  for await (const row of (await openImportFile(path)).rows()) rows.push(row);
  return rows;
}

describe('import file parser', () => {
  it('reads comma CSV with the line each record starts on, skipping empty lines', async () => {
    const path = join(dir, 'comma.csv');
    await writeFile(path, 'bsn,straat\n111222333,"Dorpsstraat\n(achterom)"\n\n,\n123456782,"Kerk, plein"\n');
    expect(await readAll(path)).toEqual([
      { line: 1, cells: ['bsn', 'straat'] },
      { line: 2, cells: ['111222333', 'Dorpsstraat\n(achterom)'] },
      { line: 6, cells: ['123456782', 'Kerk, plein'] },
    ]);
  });

  it('detects the semicolon of a Dutch Excel export and drops its BOM', async () => {
    const path = join(dir, 'excel.csv');
    await writeFile(path, '\uFEFFbsn;doelgroepen\r\n111222333;jongere,statushouder\r\n');
    expect(await readAll(path)).toEqual([
      { line: 1, cells: ['bsn', 'doelgroepen'] },
      { line: 2, cells: ['111222333', 'jongere,statushouder'] },
    ]);
  });

  it('stops at a quote that is never closed, naming its line', async () => {
    const path = join(dir, 'broken.csv');
    await writeFile(path, 'bsn,voornaam\n111222333,Jan\n123456782,"Piet\n');
    const rows: SourceRow[] = [];
    const error = await (async () => {
      for await (const row of (await openImportFile(path)).rows()) rows.push(row);
    })().catch((e: unknown) => e);
    expect(rows).toHaveLength(2);
    expect(error).toBeInstanceOf(FileSyntaxError);
    expect((error as FileSyntaxError).line).toBeGreaterThanOrEqual(3);
  });

  it('reads the first worksheet of an XLSX file as text cells', async () => {
    const path = join(dir, 'clients.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Cliënten');
    sheet.addRow(['bsn', 'voornaam', 'geboortedatum', 'trede']);
    sheet.addRow([12345672, { richText: [{ text: 'Zo' }, { text: 'ë' }] }, new Date(Date.UTC(1990, 3, 12)), 3]);
    sheet.addRow([]);
    sheet.addRow(['111222333', 'Jan']);
    workbook.addWorksheet('Toelichting').addRow(['niet importeren']);
    await workbook.xlsx.writeFile(path);
    const source = await openImportFile(path);
    const rows: SourceRow[] = [];
    for await (const row of source.rows()) rows.push(row);
    expect(rows).toEqual([
      { line: 1, cells: ['bsn', 'voornaam', 'geboortedatum', 'trede'] },
      { line: 2, cells: ['012345672', 'Zoë', '1990-04-12', '3'] },
      { line: 4, cells: ['111222333', 'Jan', '', ''] },
    ]);
    expect(source.bytesRead()).toBe(source.totalBytes);
  });

  it('refuses other file types and missing files', async () => {
    await expect(openImportFile(join(dir, 'clients.xls'))).rejects.toMatchObject({ code: 'unsupported_file' });
    await expect(openImportFile(join(dir, 'missing.csv'))).rejects.toBeInstanceOf(ImportError);
    await writeFile(join(dir, 'fake.xlsx'), 'bsn,voornaam\n');
    await expect(readAll(join(dir, 'fake.xlsx'))).rejects.toMatchObject({ code: 'unsupported_file' });
  });
});
