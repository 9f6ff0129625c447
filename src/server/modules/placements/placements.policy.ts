import type { Actor } from '../../authz/actor.ts';
import { definePolicy } from '../../authz/policy.ts';
import { clientPolicy } from '../clients/clients.policy.ts';

/** The fields of a client that the rules look at. */
type ClientRef = { id: string; organisation_id: string; coach_id: string | null; team_id: string | null };

/**
 * Who reaches a client's work and school record (placements, work profile, beschut werk, school,
 * tegenprestatie): whoever works on the dossier reads and writes; the client reads their own.
 * Providers and partners have no door to it (permissions), and no grant (database).
 */
export const workDossierPolicy = definePolicy<ClientRef, 'read' | 'write'>({
  read: (actor, client) => clientPolicy.update(actor, client) || (actor.role === 'client' && actor.clientId === client.id),
  write: (actor, client) => clientPolicy.update(actor, client),
});

/** A placement together with its client, as the placement rules see it. */
export type PlacementRef = { client: ClientRef; placement: { kind: string; phase: string | null; ended_on: string | null } };

const canChange = (actor: Actor, ref: PlacementRef) => workDossierPolicy.write(actor, ref.client) && ref.placement.ended_on === null;

/** A placement changes while it runs; once ended it is history. Only an afspraakbaan in its trial period moves to a contract. */
export const placementPolicy = definePolicy<PlacementRef, 'update' | 'end' | 'startContract'>({
  update: canChange,
  end: canChange,
  startContract: (actor, ref) => canChange(actor, ref) && ref.placement.kind === 'afspraakbaan' && ref.placement.phase === 'proefplaatsing',
});
