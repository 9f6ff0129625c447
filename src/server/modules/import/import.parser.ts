import { createReadStream, type ReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { CsvError, parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { fileNotFound, unsupportedFile } from './import.errors.ts';

export type ImportFormat = 'csv' | 'xlsx';

/** One row of the file as text cells, with the line (CSV) or row number (XLSX) people see. */
export type SourceRow = { line: number; cells: string[] };

/**
 * A file opened for one streaming pass. `bytesRead` drives the progress bar: the parser never
 * knows the row count up front, but it always knows how far into the file it is.
 */
export type ImportSource = {
  format: ImportFormat;
  totalBytes: number;
  bytesRead(): number;
  rows(): AsyncGenerator<SourceRow>;
};

/** The file is not well-formed CSV from this line on; nothing after it can be trusted. */
export class FileSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'FileSyntaxError';
  }
}

/** The format, from the file name: old systems export .csv, spreadsheets save .xlsx. */
export function importFormatOf(path: string): ImportFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv' || ext === '.txt') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  throw unsupportedFile(`Alleen .csv en .xlsx kunnen worden geïmporteerd, niet '${ext || path}'`);
}

/** Opens a CSV or XLSX file for one pass; call again for a second pass. */
export async function openImportFile(path: string): Promise<ImportSource> {
  const format = importFormatOf(path);
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) throw fileNotFound(path);
  const totalBytes = info.size;
  if (format === 'csv') {
    const delimiter = await detectDelimiter(path);
    return streamSource(path, format, totalBytes, (stream) => csvRows(stream, delimiter));
  }
  return streamSource(path, format, totalBytes, xlsxRows);
}

function streamSource(path: string, format: ImportFormat, totalBytes: number, read: (stream: ReadStream) => AsyncGenerator<SourceRow>): ImportSource {
  let stream: ReadStream | undefined;
  return {
    format,
    totalBytes,
    bytesRead: () => stream?.bytesRead ?? 0,
    async *rows() {
      stream = createReadStream(path, { highWaterMark: 256 * 1024 });
      try {
        yield* read(stream);
      } finally {
        stream.destroy();
      }
    },
  };
}

/**
 * ',' or ';' from the header line. Dutch Excel saves "CSV" with ';' (the comma is the decimal
 * separator), other systems use ','; the header has no quoted commas, so counting is safe.
 */
export async function detectDelimiter(path: string): Promise<',' | ';'> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const head = buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '');
    const firstLine = head.split(/\r?\n/, 1)[0] ?? '';
    const count = (c: string) => firstLine.split(c).length - 1;
    return count(';') > count(',') ? ';' : ',';
  } finally {
    await handle.close();
  }
}

async function* csvRows(stream: ReadStream, delimiter: string): AsyncGenerator<SourceRow> {
  const parser = stream.pipe(
    parse({
      bom: true,
      delimiter,
      // Column counts are checked per row by the caller, so one bad row does not stop the file.
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      info: true,
    }),
  );
  // A read error (file gone) would otherwise leave the parser waiting for data forever.
  stream.on('error', (error) => parser.destroy(error));
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      // info.lines is the line the record ends on; a quoted field may span lines, and people
      // look for the line where the record starts.
      let newlines = 0;
      for (const cell of record) for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) newlines++;
      yield { line: info.lines - newlines, cells: record };
    }
  } catch (error) {
    if (error instanceof CsvError) {
      const line = Number((error as CsvError & { lines?: number }).lines ?? 0);
      throw new FileSyntaxError(line, `geen geldige CSV meer vanaf hier (${error.message})`);
    }
    throw error;
  }
}

/**
 * The first worksheet, row by row, through ExcelJS's streaming reader (the workbook is never
 * held in memory). Rows are padded to the header's width: a spreadsheet leaves out trailing
 * empty cells, which in CSV would be a broken line.
 */
async function* xlsxRows(stream: ReadStream): AsyncGenerator<SourceRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    sharedStrings: 'cache',
    // Styles tell a date cell from a number; without them a birth date would arrive as 29000-something.
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  let width = 0;
  let bsnColumn = -1;
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = (row.values as unknown[]).slice(1);
        const cells = Array.from({ length: Math.max(values.length, width) }, (_, i) => cellText(values[i], i === bsnColumn));
        if (cells.every((c) => c.trim() === '')) continue;
        if (width === 0) {
          while (cells.length > 0 && cells[cells.length - 1]!.trim() === '') cells.pop();
          width = cells.length;
          bsnColumn = cells.findIndex((c) => c.trim().toLowerCase() === 'bsn');
        }
        yield { line: row.number, cells };
      }
      break; // Only the first worksheet holds clients; the others may be notes or lookups.
    }
  } catch (error) {
    if (error instanceof FileSyntaxError) throw error;
    throw unsupportedFile(`Het bestand is geen leesbaar XLSX-bestand (${(error as Error).message})`);
  }
}

/** A cell as the text a CSV export would have had. */
function cellText(value: unknown, isBsn: boolean): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    // A BSN typed into a number cell loses its leading zero (012345672 → 12345672).
    return isBsn && Number.isInteger(value) && value >= 0 && value < 1e9 ? String(value).padStart(9, '0') : String(value);
  }
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  // Dates in a spreadsheet have no time zone; ExcelJS hands them over as midnight UTC.
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result, isBsn);
    if (typeof v.text === 'string') return v.text;
    if (v.error) return v.error;
  }
  return String(value);
}
