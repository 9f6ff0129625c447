import { SingleBar, Presets } from 'cli-progress';
import { sql, type Kysely } from 'kysely';
import { todayIso } from '../../shared/dates.ts';
import type { DB } from '../db/schema.ts';
import { rebuildAllFacts } from '../modules/kpi/facts/kpi-facts.service.ts';
import { numberSyntheticClients, prepareBulkLoad, restoreIndexes } from './synthetic-trajectories.repository.ts';
import {
  hasSyntheticKpiData,
  hasSyntheticMovesAndOutflows,
  insertMunicipalityHistory,
  insertOutflows,
  insertBeschutWerk,
  insertLadderWalks,
  insertPlacements,
  insertSchoolRecords,
  insertYearlyConversations,
  ladderHistorySpan,
} from './synthetic-kpi.repository.ts';

/** Ladder measurements per synthetic client, counting the newest: 1,000,000 clients give 10,000,000. */
export const MEASUREMENTS_PER_CLIENT = 10;
const SLICE = 50_000;

/**
 * The history the KPI figures read, for the synthetic clients, built in the database in slices
 * (INSERT … SELECT over generate_series, no rows through Node): ladder measurements back to 2023
 * as a random walk ending in each client's current step (MEASUREMENTS_PER_CLIENT per client in
 * all), yearly conversations, placements of every kind, beschut werk applications and quotas, and
 * school records of young people. Skipped when the database has it already.
 */
export async function generateSyntheticKpiData(db: Kysely<DB>, options: { organisationId: string; quiet?: boolean }): Promise<void> {
  const today = todayIso();
  const log = (line: string) => (options.quiet ? undefined : console.log(line));
  const changed = await db.connection().execute(async (conn) => {
    const clients = await numberSyntheticClients(conn, options.organisationId);
    if (clients === 0) return false;
    const history = await generateHistories(conn, clients, today, options.quiet);
    const moves = await generateMovesAndOutflows(conn, today, log);
    if (history || moves) await sql`analyze ladder_measurements, contact_moments, placements, beschut_werk_applications, school_records, clients, client_municipality_history`.execute(conn);
    return history || moves;
  });
  if (!changed) return;
  log('Rebuilding the KPI facts (kpi_client_years)…');
  const started = Date.now();
  const [result] = await rebuildAllFacts(db, options.organisationId, today);
  log(`KPI facts: ${result!.rows.toLocaleString('nl-NL')} client-years in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  // VACUUM sets the visibility map, so the figures read the facts with index-only scans at once
  // (autovacuum would do it later on a live system).
  await sql`vacuum analyze kpi_client_years`.execute(db);
}

/** The measurements, conversations, placements, beschut werk and school records; false when there already. */
async function generateHistories(conn: Kysely<DB>, clients: number, today: string, quiet: boolean | undefined): Promise<boolean> {
  if (await hasSyntheticKpiData(conn)) return false;
  const log = (line: string) => (quiet ? undefined : console.log(line));

  const span = await ladderHistorySpan(conn);
  const wanted = Math.max(0, MEASUREMENTS_PER_CLIENT * (clients + Math.min(300, clients)) - span.existing);
  const spacingDays = wanted > 0 ? span.days / wanted : Number.POSITIVE_INFINITY;
  log(`Ladder histories: ${wanted.toLocaleString('nl-NL')} measurements, about one per ${Math.round(spacingDays)} days per client…`);
  // One transaction: a failed run leaves nothing half-made (and the dropped indexes come back).
  await conn.transaction().execute(async (trx) => {
    const measurementIndexes = await prepareBulkLoad(trx, 'ladder_measurements');
    await inSlices(clients, 'ladder histories', quiet, (from, to) => insertLadderWalks(trx, spacingDays, from, to));
    log(`Rebuilding ${measurementIndexes.length} indexes of ladder_measurements…`);
    await restoreIndexes(trx, measurementIndexes);

    const contactIndexes = await prepareBulkLoad(trx, 'contact_moments');
    await inSlices(clients, 'yearly conversations', quiet, (from, to) => insertYearlyConversations(trx, from, to));
    await restoreIndexes(trx, contactIndexes);

    log('Placements, beschut werk and school records…');
    await insertPlacements(trx, today);
    await insertBeschutWerk(trx, today);
    await insertSchoolRecords(trx, today);
  });
  return true;
}

/** Municipality histories with some moves, and outflows; false when there already. */
async function generateMovesAndOutflows(conn: Kysely<DB>, today: string, log: (line: string) => void): Promise<boolean> {
  if (await hasSyntheticMovesAndOutflows(conn)) return false;
  log('Municipality histories (3% moved since 2023) and outflows…');
  await conn.transaction().execute(async (trx) => {
    await insertMunicipalityHistory(trx, today);
    await insertOutflows(trx, today);
  });
  return true;
}

/** Runs `step` over the numbered clients in slices, with a progress bar. */
async function inSlices(clients: number, label: string, quiet: boolean | undefined, step: (from: number, to: number) => Promise<void>) {
  const bar = quiet ? undefined : new SingleBar({ format: `${label} {bar} {value}/{total} clients ({eta}s left)` }, Presets.shades_classic);
  bar?.start(clients, 0);
  for (let from = 0; from < clients; from += SLICE) {
    await step(from, Math.min(clients, from + SLICE));
    bar?.update(Math.min(clients, from + SLICE));
  }
  bar?.stop();
}
