/**
 * What can stop an import as a whole (as opposed to a bad row, which is reported, not thrown).
 * The import runs from the command line, not over HTTP, so these codes are not part of the API's
 * ErrorCode map; the CLI prints the message and exits non-zero.
 */
export type ImportErrorCode =
  /** `--as` names no user. */
  | 'importer_not_found'
  /** The importing user is disabled, or lacks the role to import clients. */
  | 'importer_not_allowed'
  /** The file named on the command line does not exist or cannot be read. */
  | 'file_not_found'
  /** Neither .csv nor .xlsx, or not readable as such. */
  | 'unsupported_file'
  /** Someone registered one of the file's clients between the look-up of its BSN and the write. */
  | 'client_added_meanwhile';

export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}

export const importerNotFound = (email: string) => new ImportError('importer_not_found', `Geen gebruiker met e-mailadres ${email}`);
export const importerNotAllowed = (email: string) =>
  new ImportError('importer_not_allowed', `${email} mag geen cliënten importeren (alleen een actieve beheerder of teamleider)`);
export const fileNotFound = (path: string) => new ImportError('file_not_found', `Bestand ${path} bestaat niet of is niet leesbaar`);
export const unsupportedFile = (detail: string) => new ImportError('unsupported_file', detail);
export const clientAddedMeanwhile = () =>
  new ImportError('client_added_meanwhile', 'Een van de cliënten is tijdens het importeren al op een andere manier geregistreerd; er is niets geïmporteerd. Probeer het opnieuw.');
