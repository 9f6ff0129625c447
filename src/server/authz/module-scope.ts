import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Actor } from './actor.ts';
import { isExternalActor } from './boundary.ts';

/**
 * The group modules an actor may see, as a SQL condition on `modules`: the whole organisation's
 * for its own staff, only its own organisation's for a provider coach (a partner has none). Every
 * query that reaches modules, cohorts, sessions or enrolments goes through it, so a cohort of
 * another provider is a 404 before the row-level-security backstop is even needed.
 */
export function moduleScope(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'modules'>): Expression<SqlBool> => {
    const inOrganisation = eb('modules.organisation_id', '=', actor.organisationId);
    if (!isExternalActor(actor)) return inOrganisation;
    if (actor.role !== 'provider_coach' || !actor.externalOrganisationId) return eb.val(false);
    return eb.and([inOrganisation, eb('modules.provider_id', '=', actor.externalOrganisationId)]);
  };
}
