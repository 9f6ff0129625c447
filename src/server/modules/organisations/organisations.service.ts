import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { PROCESSING_ACTIVITIES } from '../processing-log/processing-activities.ts';
import { insertMissingProcessingActivities, insertOrganisation, insertProcessingActivities, listOrganisationIds } from './organisations.repository.ts';

/**
 * Creates a tenant: the organisation and its register of processing activities, without which
 * no client data may be processed.
 */
export async function provisionOrganisation(
  db: Kysely<DB>,
  input: { name: string; slug: string; coachClientScope?: 'own' | 'team' | 'organisation' },
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const { id } = await insertOrganisation(trx, { name: input.name, slug: input.slug, coach_client_scope: input.coachClientScope ?? 'team' });
    await insertProcessingActivities(trx, registerRows(id));
    return id;
  });
}

/** The register of processing activities as rows of one organisation. */
function registerRows(organisationId: string) {
  return PROCESSING_ACTIVITIES.map((a) => ({
    organisation_id: organisationId,
    code: a.code,
    name: a.name,
    purpose: a.purpose,
    legal_ground: a.legalGround,
    retention: a.retention,
  }));
}

/**
 * Gives every existing organisation the activities added to the register since it was provisioned
 * (run at start-up after the migrations), so a new kind of processing can be logged at once
 * without a migration per activity. Activities an organisation has are left as they are.
 */
export async function ensureProcessingActivities(db: Kysely<DB>): Promise<void> {
  for (const organisationId of await listOrganisationIds(db)) await insertMissingProcessingActivities(db, registerRows(organisationId));
}
