import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';

/** The demo's contracts with their provider, period and the municipalities they cover. */
export async function demoContracts(db: Executor, organisationId: string) {
  const [contracts, covered] = await Promise.all([
    db.selectFrom('contracts').select(['id', 'provider_id', 'starts_on', 'ends_on', 'ladder_from', 'ladder_to']).where('organisation_id', '=', organisationId).orderBy('starts_on').orderBy('product').orderBy('ends_on').orderBy('id').execute(),
    db.selectFrom('contract_municipalities').select(['contract_id', 'municipality_id']).where('organisation_id', '=', organisationId).execute(),
  ]);
  return contracts.map((c) => ({ ...c, municipalityIds: covered.filter((m) => m.contract_id === c.id).map((m) => m.municipality_id) }));
}

/** The service's own group modules (no provider), by name. */
export async function demoOwnModules(db: Executor, organisationId: string) {
  return db.selectFrom('modules').select(['id', 'name']).where('organisation_id', '=', organisationId).where('provider_id', 'is', null).orderBy('name').execute();
}

/**
 * Moves a young person's RMC report into an earlier year: back in education within the year
 * when `backSince` is given, otherwise out of school since.
 */
export async function rewriteSchoolHistory(db: Executor, clientId: string, reportedOn: string, backSince: string | null): Promise<void> {
  await sql`
    update school_records set
      early_school_leaver_reported_on = ${reportedOn}::date,
      early_school_leaver_source = 'RMC-regio Rivierenland',
      current_education = case when ${backSince}::date is null then 'geen' else 'mbo_1' end,
      school_name = case when ${backSince}::date is null then null else 'ROC Rivierenland' end,
      enrolled_since = ${backSince}::date,
      back_in_education_since = ${backSince}::date,
      highest_diploma = 'vmbo'
    where client_id = ${clientId}::uuid`.execute(db);
}

/** Young clients with a school record but without an RMC report (the demo's "never out of school" ones). */
export async function youngWithoutReport(db: Executor, organisationId: string) {
  // In client number order: the ids are random, and the demo must be the same on every run.
  const rows = await db
    .selectFrom('school_records')
    .innerJoin('clients', 'clients.id', 'school_records.client_id')
    .select('school_records.client_id')
    .where('school_records.organisation_id', '=', organisationId)
    .where('school_records.early_school_leaver_reported_on', 'is', null)
    .where('school_records.highest_diploma', 'not in', ['mbo_2', 'mbo_3', 'mbo_4', 'havo', 'vwo', 'hbo', 'wo'])
    .orderBy('clients.client_number')
    .execute();
  return rows.map((r) => r.client_id);
}
