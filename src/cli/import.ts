import { parseArgs } from 'node:util';
import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import { loadConfig } from '../server/config.ts';
import { openMigratedDatabase } from '../server/main.ts';
import { ImportError } from '../server/modules/import/import.errors.ts';
import { formatImportOutcome, formatImportReport } from '../server/modules/import/import.presenter.ts';
import { importClientsFile, validateImportFile, type ImportPass, type ImportProgress } from '../server/modules/import/import.service.ts';

/**
 * `npm run import -- <bestand.csv|bestand.xlsx> --as <e-mail> [--dry-run]`
 * Imports clients from the old system (docs/import.md). Exit code 0: imported (or, with
 * --dry-run, no bad rows); 1: bad rows, nothing imported; 2: the import could not start.
 */
const USAGE = 'Gebruik: npm run import -- <bestand.csv|bestand.xlsx> --as <e-mailadres beheerder of teamleider> [--dry-run]';

let args;
try {
  args = parseArgs({ allowPositionals: true, options: { as: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } } });
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
const [path, ...extra] = args.positionals;
if (!path || extra.length > 0 || !args.values.as) {
  console.error(USAGE);
  process.exit(2);
}

const config = loadConfig();
const database = await openMigratedDatabase(config);
const bars = new MultiBar(
  { format: '{pass} {bar} {percentage}% | {rows} rijen | nog {eta_formatted}', hideCursor: true, clearOnComplete: false },
  Presets.shades_classic,
);
const started = new Map<ImportPass, SingleBar>();
const stopBars = () => started.size > 0 && bars.stop();
// One bar per pass, both on bytes of the file read so far: the row count is unknown until the end.
const onProgress: ImportProgress = ({ pass, bytesRead, totalBytes, rows }) => {
  let bar = started.get(pass);
  if (!bar) started.set(pass, (bar = bars.create(totalBytes, 0, { pass: pass.padEnd(9), rows: 0 })));
  bar.update(bytesRead, { pass: pass.padEnd(9), rows: rows.toLocaleString('nl-NL') });
};

let exitCode = 0;
try {
  const input = { path, importerEmail: args.values.as };
  if (args.values['dry-run']) {
    const report = await validateImportFile(database.db, input, { onProgress });
    stopBars();
    console.log(formatImportReport(report).join('\n'));
    console.log(report.problems.length > 0 ? 'Proefrun: het bestand zou worden afgewezen.' : 'Proefrun: het bestand kan worden geïmporteerd. Er is niets geschreven.');
    exitCode = report.problems.length > 0 ? 1 : 0;
  } else {
    const outcome = await importClientsFile(database.db, config, input, { onProgress });
    stopBars();
    console.log(formatImportReport(outcome.report).join('\n'));
    console.log(formatImportOutcome(outcome));
    exitCode = outcome.status === 'rejected' ? 1 : 0;
  }
} catch (error) {
  stopBars();
  if (!(error instanceof ImportError)) throw error;
  console.error(error.message);
  exitCode = 2;
} finally {
  await database.close();
}
process.exit(exitCode);
