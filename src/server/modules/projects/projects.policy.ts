import { hasPermission } from '../../authz/permissions.ts';
import { definePolicy } from '../../authz/policy.ts';
import { clientPolicy } from '../clients/clients.policy.ts';

type ProjectRef = { organisation_id: string };
type ClientRef = { id: string; organisation_id: string; coach_id: string | null; team_id: string | null };

/**
 * Rules on a project. Who may see who takes part (staff who add participants or run projects)
 * also sees exact counts; the rest (policy officers) get counts with small numbers suppressed.
 */
export const projectPolicy = definePolicy<ProjectRef, 'update' | 'addParticipant' | 'readParticipants'>({
  update: (actor, project) => actor.organisationId === project.organisation_id && hasPermission(actor.role, 'projects:manage'),
  addParticipant: (actor, project) => actor.organisationId === project.organisation_id && hasPermission(actor.role, 'projects:participate'),
  readParticipants: (actor, project) =>
    actor.organisationId === project.organisation_id && (hasPermission(actor.role, 'projects:participate') || hasPermission(actor.role, 'projects:manage')),
});

/** Rules on a client already loaded through the actor's scope, as far as projects are concerned. */
export const projectClientPolicy = definePolicy<ClientRef, 'join' | 'readProjects'>({
  // The coach or team lead of the dossier signs a client up or off.
  join: (actor, client) => clientPolicy.update(actor, client),
  readProjects: (actor, client) => clientPolicy.update(actor, client) || (actor.role === 'client' && actor.clientId === client.id),
});
