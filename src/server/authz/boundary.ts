import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { RequestContext } from '../http/request-context.ts';
import type { Actor } from './actor.ts';

/** Roles that work from outside the service and reach clients only through their own referrals. */
export function isExternalActor(actor: Actor): boolean {
  return actor.role === 'provider_coach' || actor.role === 'partner';
}

/**
 * Puts a transaction of a provider coach or partner under the row-level-security backstop
 * (migration 0003): the database role meedoen_external, bound to their own organisation. A
 * query that strays past the SQL scopes then finds no rows, or fails, instead of leaking.
 * Staff transactions are left as they are.
 */
export async function enterActorBoundary(trx: Transaction<DB>, actor: Actor): Promise<void> {
  if (!isExternalActor(actor)) return;
  if (!actor.externalOrganisationId) throw new Error('An external user without an organisation cannot open a transaction');
  // One round trip: set_config('role', …, true) is SET LOCAL ROLE (same privilege check), so the
  // organisation binding and the role switch travel as one statement instead of two.
  await sql`select set_config('meedoen.external_organisation_id', ${actor.externalOrganisationId}, true), set_config('meedoen.organisation_id', ${actor.organisationId}, true), set_config('role', 'meedoen_external', true)`.execute(trx);
}

/**
 * The transaction every service opens for a request: the actor's boundary first, then the work.
 * Use it instead of db.transaction() wherever an external user can be the caller.
 */
export function inActorTransaction<T>(db: Kysely<DB>, ctx: RequestContext, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await enterActorBoundary(trx, ctx.actor);
    return work(trx);
  });
}
