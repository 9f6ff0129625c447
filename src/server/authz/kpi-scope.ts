import type { KpiScope } from '../modules/kpi/kpi-definition.ts';
import type { Actor } from './actor.ts';

/**
 * Whose work an actor's KPI figures cover. Decided here, never by the caller: policy officers and
 * administrators the whole organisation, a team lead their own team's clients, a provider coach
 * their own provider's trajectories. Null: no figures at all (a team lead without a team, a
 * provider coach without a provider, and every other role).
 */
export function kpiScopeOf(actor: Actor): KpiScope | null {
  switch (actor.role) {
    case 'policy_officer':
    case 'administrator':
      return { kind: 'organisation', organisationId: actor.organisationId };
    case 'team_lead':
      return actor.teamId ? { kind: 'team', organisationId: actor.organisationId, teamId: actor.teamId } : null;
    case 'provider_coach':
      return actor.externalOrganisationId ? { kind: 'provider', organisationId: actor.organisationId, providerId: actor.externalOrganisationId } : null;
    case 'coach':
    case 'partner':
    case 'client':
      return null;
  }
}

/**
 * The provider a figure must be filtered to whatever the caller asks: a provider coach sees only
 * their own provider's trajectories, so the provider filter is fixed to it.
 */
export function forcedKpiProvider(scope: KpiScope): string | undefined {
  return scope.kind === 'provider' ? scope.providerId : undefined;
}

/**
 * Who may open the list of clients behind a figure: those who work with the clients anyway (team
 * lead, coach). The list is still cut to their own client scope and logged per client.
 */
export function mayDrillDownKpi(actor: Actor): boolean {
  return actor.role === 'team_lead' || actor.role === 'coach';
}

/**
 * Who sees aggregates only, with counts of 1–4 suppressed so no person can be singled out:
 * policy officers, administrators and provider coaches (whose figures reach past their open
 * referrals into completed trajectories).
 */
export function kpiSuppressionApplies(actor: Actor): boolean {
  return actor.role === 'policy_officer' || actor.role === 'administrator' || actor.role === 'provider_coach';
}
