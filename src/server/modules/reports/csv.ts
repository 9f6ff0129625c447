/**
 * CSV as Dutch Excel opens it with a double click: UTF-8 with a byte-order mark (else Excel reads
 * ë as two characters), ';' between fields (Dutch Excel's list separator, because ',' is its
 * decimal separator), decimal comma, CRLF line ends, RFC 4180 quoting. See docs/exports.md.
 *
 * Formula injection (OWASP "CSV injection"): a text cell that begins with = + - @, a tab or a
 * carriage return would be run as a formula by a spreadsheet, so it gets a leading apostrophe.
 * Numbers are written as numbers and never neutralised: -3 stays the number -3, which a
 * spreadsheet cannot execute; only text cells (names, labels, "<5") can carry a formula.
 */

/** A cell: text, a number (written with a decimal comma), or null (empty). */
export type CsvCell = string | number | null;

const BOM = '\uFEFF';
const SEPARATOR = ';';
const LINE_END = '\r\n';
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell made harmless for a spreadsheet: a leading ' when it could start a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A number as Dutch Excel reads it: decimal comma, no thousands separator, no exponent. */
function dutchNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  const fixed = Number.isInteger(value) ? String(value) : String(Number(value.toFixed(6)));
  return fixed.replace('.', ',');
}

function quote(field: string): string {
  return /[";\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

function field(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return dutchNumber(cell);
  return quote(neutraliseFormula(cell));
}

/** A whole CSV file: header row and data rows, with BOM and CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(field).join(SEPARATOR));
  return BOM + lines.join(LINE_END) + LINE_END;
}
