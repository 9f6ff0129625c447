import { definePolicy } from '../../authz/policy.ts';

/**
 * Who may bring a municipality's clients over from the old system: the administrator who runs
 * the migration, or a team lead; both within their own organisation only. A coach imports
 * nobody: bulk registration bypasses the intake a coach's own registration goes through.
 */
export const importPolicy = definePolicy<{ organisationId: string }, 'importClients'>({
  importClients: (actor, organisation) =>
    actor.organisationId === organisation.organisationId && (actor.role === 'administrator' || actor.role === 'team_lead'),
});
