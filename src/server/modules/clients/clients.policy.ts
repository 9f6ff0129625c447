import type { Actor } from '../../authz/actor.ts';
import { definePolicy } from '../../authz/policy.ts';

/** The fields of a client that the object rules look at. */
type ClientRef = { id: string; organisation_id: string; coach_id: string | null; team_id: string | null };

/** The coach who holds the dossier, a coach of the same team (unless the organisation limits coaches to their own caseload), or the team's lead. */
function worksOnDossier(actor: Actor, client: ClientRef): boolean {
  if (actor.organisationId !== client.organisation_id) return false;
  if (actor.role === 'coach') {
    return client.coach_id === actor.userId || (actor.coachClientScope !== 'own' && !!actor.teamId && client.team_id === actor.teamId);
  }
  return actor.role === 'team_lead' && !!actor.teamId && client.team_id === actor.teamId;
}

/** Only the client's own coach and the team lead: confidential notes and the processing log. */
function holdsDossier(actor: Actor, client: ClientRef): boolean {
  if (actor.organisationId !== client.organisation_id) return false;
  return (actor.role === 'coach' && client.coach_id === actor.userId) || (actor.role === 'team_lead' && !!actor.teamId && client.team_id === actor.teamId);
}

/**
 * Object rules for a client already loaded through the actor's scope (so `read` holds for
 * anything the scope returned).
 */
export const clientPolicy = definePolicy<
  ClientRef,
  'read' | 'readPersonalDetails' | 'readLadder' | 'update' | 'changeRoute' | 'measureLadder' | 'addContact' | 'readContacts' | 'readConfidential' | 'raiseSignal' | 'readSignals' | 'readTimeline' | 'readProcessingLog' | 'refer' | 'readPlan' | 'registerOutflow'
>({
  read: (actor, client) => actor.organisationId === client.organisation_id,
  // BSN, contact details, address and benefit: the service's own staff and the client. A provider
  // or partner gets what its referral shares (the trajectories issue decides per referral).
  readPersonalDetails: (actor, client) => worksOnDossier(actor, client) || (actor.role === 'client' && client.id === actor.clientId),
  // The ladder: the service, the client, and a provider that measures at start and end of a trajectory.
  readLadder: (actor, client) =>
    worksOnDossier(actor, client) || (actor.role === 'client' && client.id === actor.clientId) || (actor.role === 'provider_coach' && actor.organisationId === client.organisation_id),
  update: worksOnDossier,
  changeRoute: worksOnDossier,
  measureLadder: worksOnDossier,
  addContact: worksOnDossier,
  readContacts: worksOnDossier,
  readConfidential: holdsDossier,
  raiseSignal: worksOnDossier,
  readSignals: worksOnDossier,
  readTimeline: worksOnDossier,
  readProcessingLog: (actor, client) => holdsDossier(actor, client) || (actor.role === 'client' && client.id === actor.clientId),
  // Referring to a provider's trajectory or a network partner is the dossier's own work.
  refer: worksOnDossier,
  // The personal plan section: the service, the client, and an external organisation, for which
  // the referral decides (plans.policy.ts answers 403 when no open referral shares 'plan').
  readPlan: (actor, client) =>
    worksOnDossier(actor, client) || (actor.role === 'client' && client.id === actor.clientId) || ((actor.role === 'provider_coach' || actor.role === 'partner') && actor.organisationId === client.organisation_id),
  // Uitstroom (the end of the benefit) is recorded by whoever works on the dossier.
  registerOutflow: worksOnDossier,
});
