import { definePolicy } from '../../authz/policy.ts';

/** The fields of a client that the object rules look at. */
type ClientRef = { id: string; organisation_id: string; coach_id: string | null; team_id: string | null };

/**
 * Object rules for a client already loaded through the actor's scope (so `read` holds for
 * anything the scope returned). Writing is for the coach who holds the dossier or the team lead.
 */
export const clientPolicy = definePolicy<ClientRef, 'read' | 'update' | 'readProcessingLog'>({
  read: (actor, client) => actor.organisationId === client.organisation_id,
  update: (actor, client) =>
    actor.organisationId === client.organisation_id &&
    ((actor.role === 'coach' && (client.coach_id === actor.userId || (actor.coachClientScope !== 'own' && client.team_id === actor.teamId))) ||
      (actor.role === 'team_lead' && client.team_id === actor.teamId)),
  readProcessingLog: (actor, client) =>
    actor.organisationId === client.organisation_id &&
    ((actor.role === 'coach' && client.coach_id === actor.userId) ||
      (actor.role === 'team_lead' && client.team_id === actor.teamId) ||
      (actor.role === 'client' && client.id === actor.clientId)),
});
