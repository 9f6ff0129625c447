import type { Executor } from '../../db/database.ts';

export async function listMunicipalities(db: Executor, organisationId: string) {
  return db.selectFrom('municipalities').selectAll().where('organisation_id', '=', organisationId).orderBy('name').execute();
}

export async function findMunicipality(db: Executor, organisationId: string, id: string) {
  return db.selectFrom('municipalities').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
}

/** Another municipality of the organisation with this name or CBS code, if any. */
export async function findConflictingMunicipality(db: Executor, organisationId: string, name: string, cbsCode: string, exceptId?: string) {
  let query = db
    .selectFrom('municipalities')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where((eb) => eb.or([eb('name', '=', name), eb('cbs_code', '=', cbsCode)]));
  if (exceptId) query = query.where('id', '!=', exceptId);
  return query.executeTakeFirst();
}

export async function insertMunicipality(db: Executor, row: { organisation_id: string; name: string; cbs_code: string; inhabitants: number | null }) {
  return db.insertInto('municipalities').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function updateMunicipalityRow(
  db: Executor,
  organisationId: string,
  id: string,
  changes: { name: string; cbs_code: string; inhabitants: number | null },
) {
  await db.updateTable('municipalities').set({ ...changes, updated_at: new Date() }).where('organisation_id', '=', organisationId).where('id', '=', id).execute();
}
