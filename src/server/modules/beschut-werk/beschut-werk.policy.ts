import { definePolicy } from '../../authz/policy.ts';
import { workDossierPolicy } from '../placements/placements.policy.ts';

type ClientRef = { id: string; organisation_id: string; coach_id: string | null; team_id: string | null };

/** An application with its client, as the rules see it. */
export type ApplicationRef = { client: ClientRef; application: { status: string } };

/**
 * What can happen to an application for beschut werk, and by whom: whoever works on the client's
 * dossier records UWV's advice while it is in assessment, and places a waiting client or starts
 * a fitness trajectory instead.
 */
export const applicationPolicy = definePolicy<ApplicationRef, 'assess' | 'place' | 'startWerkfit'>({
  assess: (actor, ref) => workDossierPolicy.write(actor, ref.client) && ref.application.status === 'in_beoordeling',
  place: (actor, ref) => workDossierPolicy.write(actor, ref.client) && ref.application.status === 'positief',
  startWerkfit: (actor, ref) => workDossierPolicy.write(actor, ref.client) && ref.application.status === 'positief',
});

/**
 * The overview is an aggregate. Those who work with the clients see exact counts; policy
 * officers and administrators see counts of 1–4 suppressed, like every other aggregate.
 */
export const beschutOverviewPolicy = definePolicy<{ organisation_id: string }, 'readExactCounts'>({
  readExactCounts: (actor, organisation) => actor.organisationId === organisation.organisation_id && (actor.role === 'coach' || actor.role === 'team_lead'),
});
