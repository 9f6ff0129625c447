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
import { insertMunicipalityHistory } from '../clients/clients.repository.ts';
import { refreshClientYears } from '../kpi/facts/kpi-facts.service.ts';
import { todayIso } from '../../../shared/dates.ts';
import { readHeader, recordFromCells, type ImportHeader } from './import.columns.ts';
import { clientAddedMeanwhile, fileChanged, importerNotAllowed, importerNotFound } from './import.errors.ts';
import { FileSyntaxError, openImportFile, type ImportFormat } from './import.parser.ts';
import { importPolicy } from './import.policy.ts';
import {
  findExistingBsns,
  findImporter,
  insertImportedClients,
  insertImportedLadderMeasurements,
  insertImportedRouteChanges,
  insertImportedTimelineEvents,
  listActiveCoaches,
  listMunicipalities,
  listTeams,
} from './import.repository.ts';
import { municipalityKey, validateRow, type ImportReferences, type ValidatedRow } from './import.validation.ts';

/** Rows per INSERT (and per BSN look-up): large enough to amortise round trips, small enough to stream. */
export const IMPORT_BATCH_SIZE = 2000;

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
  return checkFile(db, ctx.actor.organisationId, refs, input.path, options.onProgress);
}

/**
 * The import: a full check of the file first; a file with any bad row is rejected whole. A clean
 * file is then read a second time and written in batches inside one transaction, so either every
 * client lands (with ladder step, route, timeline event and processing-log record) or none does.
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
  const report = await checkFile(db, ctx.actor.organisationId, refs, input.path, options.onProgress);
  if (report.badRows > 0 || report.problems.length > 0) return { status: 'rejected', report };
  try {
    const counts = await db.transaction().execute(async (trx) => {
      const written = await writeFile(trx, ctx, config.pseudonymKey, refs, input.path, report.validRows, options.onProgress);
      await recordAuditEvent(trx, ctx, {
        action: 'clients.imported',
        subjectType: 'client_import',
        // The trace id ties this event to the import's processing-log records.
        subjectId: ctx.trace.traceId,
        details: { file: basename(input.path), format: report.format, ...written },
      });
      if (options.rollback) throw new RolledBack(written);
      return written;
    });
    return { status: 'imported', report, counts };
  } catch (error) {
    if (error instanceof RolledBack) return { status: 'rolled_back', report, counts: error.counts };
    // 23505 on (organisation_id, bsn): the first pass found no such client, so one came in since.
    const { code, constraint } = error as { code?: string; constraint?: string };
    if (code === '23505' && (constraint === undefined || constraint.includes('bsn'))) throw clientAddedMeanwhile();
    throw error;
  }
}

class RolledBack extends Error {
  constructor(readonly counts: ImportCounts) {
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

/** The first pass: reads the whole file and collects every problem, row by row. */
async function checkFile(db: Executor, organisationId: string, refs: ImportReferences, path: string, onProgress?: ImportProgress): Promise<ImportReport> {
  const source = await openImportFile(path);
  const problems = new Map<number | null, string[]>();
  const badRows = new Set<number>();
  const problem = (line: number | null, message: string, isRow = line !== null) => {
    problems.set(line, [...(problems.get(line) ?? []), message]);
    if (isRow) badRows.add(line!);
  };
  const firstLineOf = new Map<string, number>();
  let pending: { bsn: string; line: number }[] = [];
  const lookups = oneBatchInFlight();
  const checkExisting = () => {
    const batch = pending;
    pending = [];
    return lookups.push(async () => {
      const existing = new Set(await findExistingBsns(db, organisationId, batch.map((p) => p.bsn)));
      for (const p of batch) if (existing.has(p.bsn)) problem(p.line, `bsn ${p.bsn} staat al in het cliëntenbestand van deze organisatie`);
    });
  };

  let header: ImportHeader | undefined;
  let rows = 0;
  const progress = () => onProgress?.({ pass: 'controle', bytesRead: source.bytesRead(), totalBytes: source.totalBytes, rows });
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
          pending.push({ bsn, line });
          if (pending.length >= IMPORT_BATCH_SIZE) await checkExisting();
        }
      }
      if (rows % 1000 === 0) progress();
    }
  } catch (error) {
    if (!(error instanceof FileSyntaxError)) throw error;
    // The broken line is not a row that was read, but the file is bad from there on.
    problem(error.line, error.message, false);
  }
  await checkExisting();
  await lookups.drain();
  if (!header && problems.size === 0) problem(null, 'het bestand is leeg');
  else if (header && rows === 0) problem(null, 'het bestand bevat geen cliënten (alleen een kopregel)');
  progress();

  const sorted = [...problems.entries()]
    .map(([line, messages]) => ({ line, messages }))
    .sort((a, b) => (a.line ?? -1) - (b.line ?? -1));
  return { file: path, format: source.format, rows, validRows: rows - badRows.size, badRows: badRows.size, problems: sorted };
}

/** The second pass: the same rows, now written; anything the first pass did not see aborts it. */
async function writeFile(
  trx: Executor,
  ctx: RequestContext,
  pseudonymKey: string,
  refs: ImportReferences,
  path: string,
  expectedRows: number,
  onProgress?: ImportProgress,
): Promise<ImportCounts> {
  const source = await openImportFile(path);
  const firstNumber = await reserveClientNumbers(trx, ctx.actor.organisationId, expectedRows);
  const importedAt = new Date();
  const counts: ImportCounts = { clients: 0, ladderMeasurements: 0, routeChanges: 0 };
  let header: ImportHeader | undefined;
  let batch: ValidatedRow[] = [];
  let queued = 0;
  const writes = oneBatchInFlight();
  const flush = () => {
    const rows = batch;
    const first = firstNumber + queued;
    batch = [];
    queued += rows.length;
    return writes.push(async () => {
      const written = await writeBatch(trx, ctx, pseudonymKey, rows, first, importedAt);
      counts.clients += rows.length;
      counts.ladderMeasurements += written.ladderMeasurements;
      counts.routeChanges += written.routeChanges;
      onProgress?.({ pass: 'import', bytesRead: source.bytesRead(), totalBytes: source.totalBytes, rows: counts.clients });
    });
  };
  try {
    for await (const { line, cells } of source.rows()) {
      if (!header) {
        const read = readHeader(cells);
        if ('errors' in read) throw fileChanged(line);
        header = read.header;
        continue;
      }
      const paired = recordFromCells(header, cells);
      const result = 'errors' in paired ? undefined : validateRow(paired.record, line, refs);
      if (!result?.ok || queued + batch.length >= expectedRows) throw fileChanged(line);
      batch.push(result.row);
      if (batch.length === IMPORT_BATCH_SIZE) await flush();
    }
    if (batch.length > 0) await flush();
    await writes.drain();
  } catch (error) {
    // Let the batch in the database finish before the transaction is rolled back.
    await writes.drain().catch(() => undefined);
    throw error instanceof FileSyntaxError ? fileChanged(error.line) : error;
  }
  if (counts.clients !== expectedRows) throw fileChanged(0);
  return counts;
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

/** Writes one batch: the clients, then what hangs off them, then one processing-log record each. */
async function writeBatch(
  trx: Executor,
  ctx: RequestContext,
  pseudonymKey: string,
  rows: readonly ValidatedRow[],
  firstNumber: number,
  importedAt: Date,
): Promise<{ ladderMeasurements: number; routeChanges: number }> {
  const { organisationId, userId } = ctx.actor;
  const clients = rows.map((r, i) => ({
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
  }));
  const ids = await insertImportedClients(trx, organisationId, userId, clients);
  const idOf = (bsn: string) => {
    const id = ids.get(bsn);
    if (!id) throw new Error('an imported client did not come back from the insert');
    return id;
  };
  // The old client number is kept where people will look for it: the timeline and the first measurement.
  const withOldNumber = (text: string, r: ValidatedRow) => (r.previousClientNumber ? `${text} (vorig cliëntnummer ${r.previousClientNumber})` : text);

  const ladder = rows.flatMap((r) =>
    r.ladder
      ? [{ client_id: idOf(r.bsn), measured_on: r.ladder.measuredOn, step: r.ladder.step, growth_potential: r.ladder.growthPotential, note: withOldNumber(IMPORT_NOTE, r) }]
      : [],
  );
  await insertImportedLadderMeasurements(trx, organisationId, userId, ladder);
  const routes = rows.flatMap((r) => (r.route ? [{ client_id: idOf(r.bsn), route: r.route }] : []));
  await insertImportedRouteChanges(trx, organisationId, userId, 'Import', routes);
  const today = todayIso(importedAt);
  await insertMunicipalityHistory(
    trx,
    rows.map((r) => ({ organisation_id: organisationId, client_id: idOf(r.bsn), municipality_id: r.municipalityId, from_on: r.benefitStartDate ?? today, recorded_by: userId })),
  );
  // The batch's KPI facts in one statement, in the import's transaction.
  await refreshClientYears(trx, organisationId, rows.map((r) => idOf(r.bsn)), today);
  await insertImportedTimelineEvents(
    trx,
    { organisationId, actorId: userId, occurredAt: importedAt, kind: 'client.imported', subjectType: 'client_import', subjectId: ctx.trace.traceId },
    rows.map((r) => ({ client_id: idOf(r.bsn), summary: withOldNumber('Cliënt geïmporteerd', r) })),
  );
  await recordProcessing(trx, ctx, { operation: 'clients.import', activity: 'client-dossier', dataSubjectIds: clients.map((c) => c.bsn_pseudonym) });
  return { ladderMeasurements: ladder.length, routeChanges: routes.length };
}
