import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import { isValidBsn } from '../../../shared/bsn.ts';
import type { Actor } from '../../authz/actor.ts';
import type { Config } from '../../config.ts';
import type { Executor } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { traceContextFrom } from '../../http/trace-context.ts';
import { recordAuditEvent } from '../audit/audit.ts';
import { formatClientNumber, reserveClientNumbers } from '../organisations/organisations.repository.ts';
import { pseudonymiseBsn, recordProcessing } from '../processing-log/processing-log.service.ts';
import { refreshClientYears } from '../kpi/facts/kpi-facts.service.ts';
import { todayIso } from '../../../shared/dates.ts';
import { readHeader, recordFromCells, type ImportHeader } from './import.columns.ts';
import { clientAddedMeanwhile, importerNotAllowed, importerNotFound } from './import.errors.ts';
import { importIds } from './import.ids.ts';
import { FileSyntaxError, openImportFile, type ImportFormat } from './import.parser.ts';
import { importPolicy } from './import.policy.ts';
import {
  findExistingBsns,
  findImporter,
  insertImportedBatch,
  listActiveCoaches,
  listMunicipalities,
  listTeams,
} from './import.repository.ts';
import { municipalityKey, validateRow, type ImportReferences, type ValidatedRow } from './import.validation.ts';

/** Rows per INSERT (and per BSN look-up): large enough to amortise round trips, small enough to stream. */
export const IMPORT_BATCH_SIZE = 2000;

/** Rows read between turns of the event loop (see checkFile). */
const YIELD_EVERY_ROWS = 100;

export type ImportInput = { path: string; importerEmail: string };
export type ImportPass = 'controle' | 'import';
export type ImportProgress = (progress: { pass: ImportPass; bytesRead: number; totalBytes: number; rows: number }) => void;

/** Everything wrong with one line of the file; `line` is null for the file as a whole. */
export type RowProblem = { line: number | null; messages: string[] };

export type ImportReport = {
  file: string;
  format: ImportFormat;
  /** Data rows read (the header not counted). */
  rows: number;
  validRows: number;
  badRows: number;
  /** Sorted: the file's own problems first, then by line. */
  problems: RowProblem[];
};

export type ImportCounts = { clients: number; ladderMeasurements: number; routeChanges: number };

export type ImportOutcome =
  | { status: 'rejected'; report: ImportReport }
  | { status: 'imported' | 'rolled_back'; report: ImportReport; counts: ImportCounts };

/**
 * The dry run: checks every row of the file (format, reference data, duplicates within the file
 * and against the organisation) and reports every bad one. Writes nothing.
 */
export async function validateImportFile(db: Kysely<DB>, input: ImportInput, options: { onProgress?: ImportProgress } = {}): Promise<ImportReport> {
  const { ctx, refs } = await prepareImport(db, input);
  return checkFile(db, ctx.actor.organisationId, refs, input.path, { pass: 'controle', onProgress: options.onProgress });
}

/**
 * The import: one pass over the file inside one transaction. Every row is checked as in the dry
 * run; while the file is clean so far, each batch is written as soon as it is checked (with ladder
 * step, route, municipality, timeline event and processing-log record). A file with any bad row
 * is rejected whole: the transaction is rolled back and the report lists every bad row, so either
 * every client lands or none does. Reading the file once, and writing while the next rows are
 * read, is what keeps the import near the speed of COPY.
 *
 * `rollback` does all the work and then rolls it back: the benchmark measures the real import
 * without leaving 100,000 clients and their append-only processing-log records behind.
 */
export async function importClientsFile(
  db: Kysely<DB>,
  config: Pick<Config, 'pseudonymKey'>,
  input: ImportInput,
  options: { onProgress?: ImportProgress; rollback?: boolean } = {},
): Promise<ImportOutcome> {
  const { ctx, refs } = await prepareImport(db, input);
  try {
    return await db.transaction().execute(async (trx) => {
      const writer = importWriter(trx, ctx, config.pseudonymKey);
      const report = await checkFile(trx, ctx.actor.organisationId, refs, input.path, { pass: 'import', onProgress: options.onProgress, write: writer.write });
      if (report.badRows > 0 || report.problems.length > 0) throw new Rejected(report);
      const counts = await writer.finish();
      await recordAuditEvent(trx, ctx, {
        action: 'clients.imported',
        subjectType: 'client_import',
        // The trace id ties this event to the import's processing-log records.
        subjectId: ctx.trace.traceId,
        details: { file: basename(input.path), format: report.format, ...counts },
      });
      if (options.rollback) throw new RolledBack(report, counts);
      return { status: 'imported', report, counts };
    });
  } catch (error) {
    if (error instanceof Rejected) return { status: 'rejected', report: error.report };
    if (error instanceof RolledBack) return { status: 'rolled_back', report: error.report, counts: error.counts };
    // 23505 on (organisation_id, bsn): the batch's look-up found no such client, so one came in since.
    const { code, constraint } = error as { code?: string; constraint?: string };
    if (code === '23505' && (constraint === undefined || constraint.includes('bsn'))) throw clientAddedMeanwhile();
    throw error;
  }
}

/** Ends the import's transaction with a rollback: the file had bad rows. */
class Rejected extends Error {
  constructor(readonly report: ImportReport) {
    super('rejected');
  }
}

class RolledBack extends Error {
  constructor(
    readonly report: ImportReport,
    readonly counts: ImportCounts,
  ) {
    super('rolled back on request');
  }
}

/** The importing user as an Actor (as a session would make it), allowed to import, and the organisation's reference data. */
async function prepareImport(db: Kysely<DB>, input: ImportInput): Promise<{ ctx: RequestContext; refs: ImportReferences }> {
  const user = await findImporter(db, input.importerEmail);
  if (!user) throw importerNotFound(input.importerEmail);
  const actor: Actor = {
    userId: user.id,
    organisationId: user.organisation_id,
    role: user.role,
    displayName: user.display_name,
    email: user.email,
    teamId: user.team_id,
    externalOrganisationId: user.external_organisation_id,
    clientId: user.client_id,
    coachClientScope: user.coach_client_scope,
  };
  if (user.disabled_at || !importPolicy.importClients(actor, { organisationId: user.organisation_id })) throw importerNotAllowed(input.importerEmail);

  const [municipalities, coaches, teams] = await Promise.all([
    listMunicipalities(db, actor.organisationId),
    listActiveCoaches(db, actor.organisationId),
    listTeams(db, actor.organisationId),
  ]);
  const refs: ImportReferences = {
    municipalities: new Map(municipalities.flatMap((m) => [[municipalityKey(m.name), m.id] as const, [municipalityKey(m.cbs_code), m.id] as const])),
    coaches: new Map(coaches.map((c) => [c.email.toLowerCase(), { id: c.id, teamId: c.team_id }])),
    teams: new Map(teams.map((t) => [t.name.trim().toLowerCase(), t.id])),
    today: new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date()),
  };
  return { ctx: { actor, trace: traceContextFrom(undefined) }, refs };
}

/** Writes a batch of checked rows; the import passes one, the dry run none. */
type BatchWriter = (rows: ValidatedRow[]) => Promise<void>;

/**
 * Reads the whole file and collects every problem, row by row. With `write`, each batch of rows
 * is handed over once its BSNs are checked against the organisation, as long as no row of the
 * file so far had a problem (after the first one, writing would only be undone).
 */
async function checkFile(
  db: Executor,
  organisationId: string,
  refs: ImportReferences,
  path: string,
  options: { pass: ImportPass; onProgress?: ImportProgress; write?: BatchWriter },
): Promise<ImportReport> {
  const source = await openImportFile(path);
  const problems = new Map<number | null, string[]>();
  const badRows = new Set<number>();
  const problem = (line: number | null, message: string, isRow = line !== null) => {
    problems.set(line, [...(problems.get(line) ?? []), message]);
    if (isRow) badRows.add(line!);
  };
  const firstLineOf = new Map<string, number>();
  // Rows whose BSN is sound and new in the file; `row` when the row passed every other check.
  let pending: { bsn: string; line: number; row: ValidatedRow | undefined }[] = [];
  const batches = oneBatchInFlight();
  const flush = () => {
    const batch = pending;
    pending = [];
    return batches.push(async () => {
      const existing = new Set(await findExistingBsns(db, organisationId, batch.map((p) => p.bsn)));
      for (const p of batch) if (existing.has(p.bsn)) problem(p.line, `bsn ${p.bsn} staat al in het cliëntenbestand van deze organisatie`);
      if (options.write && problems.size === 0) await options.write(batch.map((p) => p.row!));
    });
  };

  let header: ImportHeader | undefined;
  let rows = 0;
  const progress = () => options.onProgress?.({ pass: options.pass, bytesRead: source.bytesRead(), totalBytes: source.totalBytes, rows });
  try {
    for await (const { line, cells } of source.rows()) {
      if (!header) {
        const read = readHeader(cells);
        if ('errors' in read) {
          // Without a header no row can be read; the rows' problems would only be noise.
          for (const message of read.errors) problem(null, `kopregel (regel ${line}): ${message}`);
          break;
        }
        header = read.header;
        continue;
      }
      rows++;
      const paired = recordFromCells(header, cells);
      if ('errors' in paired) {
        for (const message of paired.errors) problem(line, message);
        continue;
      }
      const result = validateRow(paired.record, line, refs);
      if (!result.ok) for (const message of result.errors) problem(line, message);
      // Duplicates are checked whenever the BSN itself is sound, so a row shows all its problems at once.
      const bsn = (paired.record.bsn ?? '').trim();
      if (isValidBsn(bsn)) {
        const first = firstLineOf.get(bsn);
        if (first !== undefined) problem(line, `bsn ${bsn} komt ook voor op regel ${first}`);
        else {
          firstLineOf.set(bsn, line);
          pending.push({ bsn, line, row: result.ok ? result.row : undefined });
          if (pending.length >= IMPORT_BATCH_SIZE) await flush();
        }
      }
      if (rows % 1000 === 0) progress();
      // The parser hands over a whole read of the file (some 1,500 rows) without giving the event
      // loop a turn, so the answer to the batch in the database would wait for all of them before
      // its next statement could go out. A turn every few rows keeps the database busy.
      if (rows % YIELD_EVERY_ROWS === 0) await new Promise(setImmediate);
    }
  } catch (error) {
    if (!(error instanceof FileSyntaxError)) {
      // Let the batch in the database finish before the caller rolls the transaction back.
      await batches.drain().catch(() => undefined);
      throw error;
    }
    // The broken line is not a row that was read, but the file is bad from there on.
    problem(error.line, error.message, false);
  }
  await flush();
  await batches.drain();
  if (!header && problems.size === 0) problem(null, 'het bestand is leeg');
  else if (header && rows === 0) problem(null, 'het bestand bevat geen cliënten (alleen een kopregel)');
  progress();

  const sorted = [...problems.entries()]
    .map(([line, messages]) => ({ line, messages }))
    .sort((a, b) => (a.line ?? -1) - (b.line ?? -1));
  return { file: path, format: source.format, rows, validRows: rows - badRows.size, badRows: badRows.size, problems: sorted };
}

/**
 * Writes an import's batches in its transaction: client numbers follow on from the organisation's
 * counter, ids come from one ascending series, and at the end the counter moves on past the
 * numbers used and the KPI facts of every imported client are computed.
 */
function importWriter(trx: Executor, ctx: RequestContext, pseudonymKey: string) {
  const { organisationId } = ctx.actor;
  const importedAt = new Date();
  const ids: ImportIdSeries = { client: importIds(), measurement: importIds() };
  const clientIds: string[] = [];
  const counts: ImportCounts = { clients: 0, ladderMeasurements: 0, routeChanges: 0 };
  let firstNumber: number | undefined;
  return {
    write: async (rows: ValidatedRow[]) => {
      if (rows.length === 0) return;
      // Reserving nothing locks the counter until the transaction ends, so the numbers after it
      // are ours. Moving it once at the end, rather than per batch, leaves one new version of
      // the organisation's row instead of fifty, which every foreign-key check on it would walk.
      firstNumber ??= await reserveClientNumbers(trx, organisationId, 0);
      const written = await writeBatch(trx, ctx, pseudonymKey, ids, rows, firstNumber + counts.clients, importedAt);
      clientIds.push(...written.clientIds);
      counts.clients += rows.length;
      counts.ladderMeasurements += written.ladderMeasurements;
      counts.routeChanges += written.routeChanges;
    },
    finish: async (): Promise<ImportCounts> => {
      await reserveClientNumbers(trx, organisationId, counts.clients);
      // The KPI facts of every imported client in one statement at the end: per batch, each of
      // fifty statements probed every source table.
      await refreshClientYears(trx, organisationId, clientIds, todayIso(importedAt));
      return counts;
    },
  };
}

/**
 * Database work one batch at a time while the caller reads on: the next rows are parsed and
 * checked while the previous batch is in the database, instead of one waiting for the other.
 * `push` waits for the previous batch, starts this one and returns; `drain` waits for the last
 * and throws its error, if any.
 */
function oneBatchInFlight() {
  let previous: Promise<void> = Promise.resolve();
  return {
    async push(work: () => Promise<void>): Promise<void> {
      await previous;
      const next = work();
      // Observed here so a failure is not "unhandled" while the caller is still reading; the
      // next push or drain rethrows it.
      next.catch(() => undefined);
      previous = next;
    },
    drain: () => previous,
  };
}

const IMPORT_NOTE = 'Geïmporteerd uit vorig systeem';

/** The ids an import gives its rows: one ascending series for clients, one for ladder measurements. */
type ImportIdSeries = { client: () => string; measurement: () => string };

/** Writes one batch: the clients with what hangs off them, then one processing-log record each; returns the client ids. */
async function writeBatch(
  trx: Executor,
  ctx: RequestContext,
  pseudonymKey: string,
  ids: ImportIdSeries,
  rows: readonly ValidatedRow[],
  firstNumber: number,
  importedAt: Date,
): Promise<{ clientIds: string[]; ladderMeasurements: number; routeChanges: number }> {
  const today = todayIso(importedAt);
  // The old client number is kept where people will look for it: the timeline and the first measurement.
  const withOldNumber = (text: string, r: ValidatedRow) => (r.previousClientNumber ? `${text} (vorig cliëntnummer ${r.previousClientNumber})` : text);
  const clients = rows.map((r, i) => ({
    id: ids.client(),
    client_number: formatClientNumber(firstNumber + i),
    bsn: r.bsn,
    bsn_pseudonym: pseudonymiseBsn(pseudonymKey, r.bsn),
    first_name: r.firstName,
    last_name: r.lastName,
    date_of_birth: r.dateOfBirth,
    municipality_id: r.municipalityId,
    team_id: r.teamId,
    coach_id: r.coachId,
    phone: r.phone,
    email: r.email,
    street: r.street,
    house_number: r.houseNumber,
    postcode: r.postcode,
    city: r.city,
    benefit_type: r.benefitType,
    benefit_start_date: r.benefitStartDate,
    target_groups: r.targetGroups,
    route: r.route,
    ladder_step: r.ladder?.step ?? null,
    ladder_growth_potential: r.ladder?.growthPotential ?? null,
    ladder_measured_on: r.ladder?.measuredOn ?? null,
    ladder_measurement_id: r.ladder ? ids.measurement() : null,
    ladder_note: r.ladder ? withOldNumber(IMPORT_NOTE, r) : null,
    municipality_since: r.benefitStartDate ?? today,
    timeline_summary: withOldNumber('Cliënt geïmporteerd', r),
  }));
  await insertImportedBatch(
    trx,
    {
      organisationId: ctx.actor.organisationId,
      importedBy: ctx.actor.userId,
      routeReason: 'Import',
      timeline: { occurredAt: importedAt, kind: 'client.imported', subjectType: 'client_import', subjectId: ctx.trace.traceId },
    },
    clients,
  );
  await recordProcessing(trx, ctx, { operation: 'clients.import', activity: 'client-dossier', dataSubjectIds: clients.map((c) => c.bsn_pseudonym) });
  return {
    clientIds: clients.map((c) => c.id),
    ladderMeasurements: clients.filter((c) => c.ladder_step !== null).length,
    routeChanges: clients.filter((c) => c.route !== null).length,
  };
}
