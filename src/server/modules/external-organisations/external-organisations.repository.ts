import type { Executor } from '../../db/database.ts';

export async function listExternalOrganisations(db: Executor, organisationId: string) {
  return db
    .selectFrom('external_organisations')
    .select(['id', 'name', 'kind'])
    .where('organisation_id', '=', organisationId)
    .orderBy('kind')
    .orderBy('name')
    .execute();
}

export async function insertExternalOrganisation(db: Executor, row: { organisation_id: string; kind: 'provider' | 'partner'; name: string }) {
  return db.insertInto('external_organisations').values(row).returning('id').executeTakeFirstOrThrow();
}
