import type { Updateable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { ExternalOrganisationsTable, PartnerKind } from '../../db/schema.ts';

const COLUMNS = ['id', 'organisation_id', 'name', 'kind', 'partner_kind', 'active', 'contact_name', 'contact_email', 'contact_phone'] as const;

export async function listExternalOrganisations(db: Executor, organisationId: string) {
  return db.selectFrom('external_organisations').select(COLUMNS).where('organisation_id', '=', organisationId).orderBy('kind').orderBy('name').execute();
}

export type ExternalOrganisationRow = Awaited<ReturnType<typeof listExternalOrganisations>>[number];

export async function findExternalOrganisation(db: Executor, organisationId: string, id: string, kind?: 'provider' | 'partner') {
  let query = db.selectFrom('external_organisations').select(COLUMNS).where('organisation_id', '=', organisationId).where('id', '=', id);
  if (kind) query = query.where('kind', '=', kind);
  return query.executeTakeFirst();
}

/** Another organisation of the same kind with this name (names are unique per kind). */
export async function findExternalOrganisationByName(db: Executor, organisationId: string, kind: 'provider' | 'partner', name: string, exceptId?: string) {
  let query = db.selectFrom('external_organisations').select('id').where('organisation_id', '=', organisationId).where('kind', '=', kind).where('name', '=', name);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return query.executeTakeFirst();
}

export async function insertExternalOrganisation(
  db: Executor,
  row: {
    organisation_id: string;
    kind: 'provider' | 'partner';
    name: string;
    partner_kind?: PartnerKind | null;
    contact_name?: string | null;
    contact_email?: string | null;
    contact_phone?: string | null;
  },
) {
  return db.insertInto('external_organisations').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function updateExternalOrganisation(
  db: Executor,
  organisationId: string,
  id: string,
  changes: Pick<Updateable<ExternalOrganisationsTable>, 'name' | 'active' | 'partner_kind' | 'contact_name' | 'contact_email' | 'contact_phone'>,
): Promise<void> {
  await db
    .updateTable('external_organisations')
    .set({ ...changes, updated_at: new Date() })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute();
}
