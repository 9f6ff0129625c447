import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { PROCESSING_ACTIVITIES } from '../processing-log/processing-activities.ts';
import { insertOrganisation, insertProcessingActivities } from './organisations.repository.ts';

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
    await insertProcessingActivities(
      trx,
      PROCESSING_ACTIVITIES.map((a) => ({
        organisation_id: id,
        code: a.code,
        name: a.name,
        purpose: a.purpose,
        legal_ground: a.legalGround,
        retention: a.retention,
      })),
    );
    return id;
  });
}
