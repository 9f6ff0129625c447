import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import { OPEN_REFERRAL_STATUSES } from '../../shared/referrals.ts';
import type { DB } from '../db/schema.ts';
import type { Actor } from './actor.ts';

/**
 * The same states as SQL literals, for queries that run as prepared statements. As parameters,
 * the generic plan neither knows the states are the few open ones nor can use a partial index on
 * them (referrals_open_list_idx): a provider's client count then hashed all 100,000 clients
 * (17 ms instead of 0.2 ms). Literals only because these are constants of the code.
 */
export const OPEN_REFERRAL_STATUS_LITERALS = OPEN_REFERRAL_STATUSES.map((status) => sql.lit(status));

/**
 * The clients an actor may see, as a SQL condition on `clients`. Used by every query that lists,
 * searches, counts or loads clients, so no door reaches past it.
 */
export function clientScope(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'clients'>): Expression<SqlBool> => {
    const inOrganisation = eb('clients.organisation_id', '=', actor.organisationId);
    switch (actor.role) {
      case 'coach':
        if (actor.coachClientScope === 'organisation') return inOrganisation;
        if (actor.coachClientScope === 'team' && actor.teamId) {
          return eb.and([inOrganisation, eb.or([eb('clients.team_id', '=', actor.teamId), eb('clients.coach_id', '=', actor.userId)])]);
        }
        return eb.and([inOrganisation, eb('clients.coach_id', '=', actor.userId)]);
      case 'team_lead':
        return actor.teamId ? eb.and([inOrganisation, eb('clients.team_id', '=', actor.teamId)]) : eb.val(false);
      case 'provider_coach':
      case 'partner':
        if (!actor.externalOrganisationId) return eb.val(false);
        return eb.and([
          inOrganisation,
          eb.exists(
            eb
              .selectFrom('referrals')
              .select(sql`1`.as('one'))
              .whereRef('referrals.client_id', '=', 'clients.id')
              .where('referrals.external_organisation_id', '=', actor.externalOrganisationId)
              .where('referrals.status', 'in', OPEN_REFERRAL_STATUS_LITERALS),
          ),
        ]);
      case 'client':
        return actor.clientId ? eb.and([inOrganisation, eb('clients.id', '=', actor.clientId)]) : eb.val(false);
      case 'policy_officer':
      case 'administrator':
        // Aggregates and configuration only: no client records through any list.
        return eb.val(false);
    }
  };
}
