/**
 * Keeps the ladder facts (kpi_client_years) in step with their sources. Every write that changes
 * an input of a client's facts (a ladder measurement, a jaargesprek, the client's municipality,
 * benefit dates, route, date of birth or target groups, an outflow, an import) calls
 * refreshClientYears in its own transaction, so the figures never lag behind the dossier.
 * rebuildAllFacts recomputes everything (the CLI `npm run kpi:refresh`, demo seeding, start-up on
 * an empty table).
 */
import type { Kysely } from 'kysely';
import { todayIso } from '../../../../shared/dates.ts';
import type { Executor } from '../../../db/database.ts';
import type { DB } from '../../../db/schema.ts';
import { listOrganisationIds } from '../../organisations/organisations.repository.ts';
import { allowLargeSorts, hasFacts, refreshFacts, refreshMissingYear } from './kpi-facts.repository.ts';

/** Recomputes every year of these clients' facts, in the caller's transaction. */
export async function refreshClientYears(trx: Executor, organisationId: string, clientIds: readonly string[], today: string = todayIso()): Promise<void> {
  if (clientIds.length === 0) return;
  await refreshFacts(trx, organisationId, [...new Set(clientIds)], today);
}

export type RebuildResult = { organisationId: string; rows: number; ms: number };

/** Recomputes the facts of one organisation, or of every organisation, each in its own transaction. */
export async function rebuildAllFacts(db: Kysely<DB>, organisationId?: string, today: string = todayIso()): Promise<RebuildResult[]> {
  const ids = organisationId ? [organisationId] : await listOrganisationIds(db);
  const results: RebuildResult[] = [];
  for (const id of ids) {
    const started = performance.now();
    const rows = await db.transaction().execute(async (trx) => {
      await allowLargeSorts(trx);
      return refreshFacts(trx, id, null, today);
    });
    results.push({ organisationId: id, rows, ms: Math.round(performance.now() - started) });
  }
  return results;
}

/**
 * At start-up and with the hourly task rules: an organisation without facts is rebuilt (a
 * database from before the facts, or filled by hand), and every other one gets the rows of the
 * current year that are missing (the year turned, a benefit started today).
 */
export async function ensureFacts(db: Kysely<DB>, today: string = todayIso()): Promise<void> {
  for (const id of await listOrganisationIds(db)) {
    if (await hasFacts(db, id)) await db.transaction().execute((trx) => refreshMissingYear(trx, id, today));
    else await rebuildAllFacts(db, id, today);
  }
}
