import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { updateIfVersion } from '../../db/versioned-rows.ts';
import type { PerformanceAgreementsTable, ReturnAssumptionsTable } from '../../db/schema.ts';

/** Agreements of the organisation with their municipality's name, optionally of one municipality and year. */
export async function listAgreements(db: Executor, organisationId: string, filter: { municipalityId?: string; year?: number }) {
  let query = db
    .selectFrom('performance_agreements as a')
    .innerJoin('municipalities as m', 'm.id', 'a.municipality_id')
    .selectAll('a')
    .select('m.name as municipality_name')
    .where('a.organisation_id', '=', organisationId);
  if (filter.municipalityId) query = query.where('a.municipality_id', '=', filter.municipalityId);
  if (filter.year) query = query.where('a.year', '=', filter.year);
  return query.orderBy('m.name').orderBy('a.year').orderBy('a.kpi_key').orderBy('a.measure_key').execute();
}

export type AgreementRow = Awaited<ReturnType<typeof listAgreements>>[number];

export async function findAgreement(db: Executor, organisationId: string, id: string): Promise<AgreementRow | undefined> {
  return db
    .selectFrom('performance_agreements as a')
    .innerJoin('municipalities as m', 'm.id', 'a.municipality_id')
    .selectAll('a')
    .select('m.name as municipality_name')
    .where('a.organisation_id', '=', organisationId)
    .where('a.id', '=', id)
    .executeTakeFirst();
}

/** Whether another agreement already targets this measure for the municipality and year. */
export async function findAgreementFor(db: Executor, key: { organisationId: string; municipalityId: string; year: number; kpiKey: string; measureKey: string }) {
  return db
    .selectFrom('performance_agreements')
    .select('id')
    .where('organisation_id', '=', key.organisationId)
    .where('municipality_id', '=', key.municipalityId)
    .where('year', '=', key.year)
    .where('kpi_key', '=', key.kpiKey)
    .where('measure_key', '=', key.measureKey)
    .executeTakeFirst();
}

export async function insertAgreement(db: Executor, row: Insertable<PerformanceAgreementsTable>) {
  return db.insertInto('performance_agreements').values(row).returning('id').executeTakeFirstOrThrow();
}

/** Inserts many agreements at once (demo data). */
export async function insertAgreements(db: Executor, rows: Insertable<PerformanceAgreementsTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('performance_agreements').values(rows).execute();
}

/** Changes an agreement only if it still has the version the caller read; returns whether it did. */
export const updateAgreementIfVersion = (db: Executor, id: string, expectedVersion: number, changes: Updateable<PerformanceAgreementsTable>) =>
  updateIfVersion(db, 'performance_agreements', id, expectedVersion, changes);

export async function deleteAgreement(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('performance_agreements').where('id', '=', id).execute();
}

/** The return assumptions of an organisation for a year, if set. */
export async function findReturnAssumptions(db: Executor, organisationId: string, year: number) {
  return db.selectFrom('return_assumptions').selectAll().where('organisation_id', '=', organisationId).where('year', '=', year).executeTakeFirst();
}

export type ReturnAssumptionsRow = NonNullable<Awaited<ReturnType<typeof findReturnAssumptions>>>;
type AssumptionValues = Omit<Insertable<ReturnAssumptionsTable>, 'organisation_id' | 'year' | 'version' | 'updated_at'>;

/**
 * Writes the assumptions of a year if they still have the version the caller read; version 0
 * means none yet, and a concurrent first write loses on the key and counts as stale.
 */
export async function saveReturnAssumptionsIfVersion(db: Executor, key: { organisationId: string; year: number }, values: AssumptionValues, expectedVersion: number): Promise<boolean> {
  if (expectedVersion === 0) {
    const inserted = await db
      .insertInto('return_assumptions')
      .values({ organisation_id: key.organisationId, year: key.year, ...values })
      .onConflict((oc) => oc.columns(['organisation_id', 'year']).doNothing())
      .returning('year')
      .execute();
    return inserted.length === 1;
  }
  const updated = await db
    .updateTable('return_assumptions')
    .set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('organisation_id', '=', key.organisationId)
    .where('year', '=', key.year)
    .where('version', '=', expectedVersion)
    .returning('year')
    .execute();
  return updated.length === 1;
}

/** Inserts the assumptions of several years at once (demo data). */
export async function insertReturnAssumptions(db: Executor, rows: Insertable<ReturnAssumptionsTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('return_assumptions').values(rows).execute();
}
