/**
 * The column format of a client import file (docs/import.md describes it for the people who
 * export from the old system). Dutch names, because those people are Dutch; one header row.
 */
export const IMPORT_COLUMNS = [
  'bsn',
  'voornaam',
  'achternaam',
  'geboortedatum',
  'gemeente',
  'coach_email',
  'team',
  'telefoon',
  'email',
  'straat',
  'huisnummer',
  'postcode',
  'woonplaats',
  'uitkering',
  'uitkering_start',
  'doelgroepen',
  'route',
  'trede',
  'groeipotentieel',
  'trede_datum',
  'clientnummer_oud',
] as const;

export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** Columns the header must have; the others may be left out of the file altogether. */
export const REQUIRED_COLUMNS: readonly ImportColumn[] = ['bsn', 'voornaam', 'achternaam', 'geboortedatum', 'gemeente'];

/** One data row keyed by column; a column absent from the file is absent here. */
export type ImportRecord = Partial<Record<ImportColumn, string>>;

/** Which column each position of the header holds. */
export type ImportHeader = readonly ImportColumn[];

const KNOWN = new Set<string>(IMPORT_COLUMNS);

/**
 * Reads the header row. Unknown columns are refused rather than ignored: a misspelt optional
 * column ("telefon") would otherwise drop a whole column of data without anyone noticing.
 */
export function readHeader(cells: readonly string[]): { header: ImportHeader } | { errors: string[] } {
  const errors: string[] = [];
  const names = cells.map((c) => c.trim().toLowerCase());
  const seen = new Set<string>();
  for (const name of names) {
    if (name === '') errors.push('de kopregel heeft een kolom zonder naam');
    else if (!KNOWN.has(name)) errors.push(`onbekende kolom '${name}'`);
    else if (seen.has(name)) errors.push(`kolom '${name}' komt twee keer voor`);
    seen.add(name);
  }
  for (const required of REQUIRED_COLUMNS) {
    if (!seen.has(required)) errors.push(`verplichte kolom '${required}' ontbreekt`);
  }
  return errors.length > 0 ? { errors } : { header: names as ImportColumn[] };
}

/** Pairs a data row's cells with the header; a row with a different number of cells is refused. */
export function recordFromCells(header: ImportHeader, cells: readonly string[]): { record: ImportRecord } | { errors: string[] } {
  // Trailing empty cells are what spreadsheets leave behind; they are not extra fields.
  let length = cells.length;
  while (length > header.length && cells[length - 1]!.trim() === '') length--;
  // A short row is almost always a broken line (a lost delimiter or quote). The XLSX reader pads
  // rows to the header's width itself, because a spreadsheet leaves trailing empty cells out.
  if (length !== header.length) return { errors: [`de regel heeft ${length} velden, de kopregel ${header.length}`] };
  // csv-parse decodes UTF-8 and puts U+FFFD where a byte is not UTF-8: a Windows-1252 export
  // would otherwise turn "Zoë" into "Zo�" in the dossier without anyone noticing.
  if (cells.some((c) => c.includes('\uFFFD'))) return { errors: ['de regel bevat tekens die geen UTF-8 zijn (sla het bestand op als "CSV UTF-8")'] };
  const record: ImportRecord = {};
  header.forEach((column, i) => (record[column] = cells[i] ?? ''));
  return { record };
}
