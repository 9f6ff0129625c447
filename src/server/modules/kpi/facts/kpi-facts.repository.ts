/**
 * The precomputed ladder facts (kpi_client_years, migration 0013). Every row is written by the
 * database function meedoen_refresh_kpi_client_years(), so a refresh of one client after a write
 * and the rebuild of a whole organisation compute exactly the same thing.
 */
import { sql } from 'kysely';
import type { Executor } from '../../../db/database.ts';

/** Recomputes all years of these clients (or of the whole organisation when clientIds is null); returns the rows written. */
export async function refreshFacts(db: Executor, organisationId: string, clientIds: readonly string[] | null, today: string): Promise<number> {
  const clients = clientIds === null ? null : sql`${[...clientIds]}::uuid[]`;
  const { rows } = await sql<{ n: number }>`select meedoen_refresh_kpi_client_years(${organisationId}::uuid, ${clients}, ${today}::date) as n`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/**
 * Clients on a benefit today without a row for this year (the year turned, or a benefit started
 * today): their facts are computed. Cheap when nothing is missing: one anti-join on the key.
 */
export async function refreshMissingYear(db: Executor, organisationId: string, today: string): Promise<number> {
  const year = Number(today.slice(0, 4));
  const missing = await sql<{ id: string }>`
    select c.id from clients c
    where c.organisation_id = ${organisationId}
      and coalesce(c.benefit_start_date, (c.created_at at time zone 'Europe/Amsterdam')::date) <= ${today}::date
      and (c.benefit_ended_on is null or c.benefit_ended_on >= make_date(${year}, 1, 1))
      and not exists (select 1 from kpi_client_years k where k.organisation_id = c.organisation_id and k.year = ${year} and k.client_id = c.id)`.execute(db);
  // Nothing missing, nothing written: the refresh's statements would move the KPI source version
  // (migration 0023) for no change and make every stored figure look out of date each hour.
  if (missing.rows.length === 0) return 0;
  return refreshFacts(db, organisationId, missing.rows.map((r) => r.id), today);
}

/**
 * More sort memory for the rest of a rebuild's transaction: the rebuild groups and sorts every
 * measurement of the organisation once, and spilling that to disk doubles its time.
 */
export async function allowLargeSorts(trx: Executor): Promise<void> {
  await sql`set local work_mem = '256MB'`.execute(trx);
}

/** Whether an organisation has any facts yet (start-up rebuilds only an empty table). */
export async function hasFacts(db: Executor, organisationId: string): Promise<boolean> {
  const row = await db.selectFrom('kpi_client_years').select('client_id').where('organisation_id', '=', organisationId).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** One client's facts per year, with the municipality names (the copy of all data). */
export async function listClientFacts(db: Executor, clientId: string) {
  return db
    .selectFrom('kpi_client_years as f')
    .innerJoin('municipalities as m', 'm.id', 'f.municipality_end')
    .select(['f.year', 'm.name as municipality_name', 'f.route_end', 'f.step_start', 'f.step_end', 'f.last_annual_conversation_end', 'f.benefit_until'])
    .where('f.client_id', '=', clientId)
    .orderBy('f.year')
    .execute();
}

/** The facts as stored, in key order (tests compare a refresh with a rebuild). */
export async function listFacts(db: Executor, organisationId: string) {
  return db.selectFrom('kpi_client_years').selectAll().where('organisation_id', '=', organisationId).orderBy('year').orderBy('client_id').execute();
}
