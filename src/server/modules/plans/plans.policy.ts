import type { Actor } from '../../authz/actor.ts';
import { isExternalActor } from '../../authz/boundary.ts';
import { definePolicy } from '../../authz/policy.ts';
import { clientPolicy } from '../clients/clients.policy.ts';

/**
 * The plan of one client, loaded through the actor's scope: the client, and for a provider or
 * partner whether an open referral to its organisation shares the plan.
 */
export type PlanSubject = {
  client: { id: string; organisation_id: string; coach_id: string | null; team_id: string | null };
  sharedWithActor: boolean;
};

/** The coach who works on the dossier (the same rule as editing the client) or the team lead. */
const worksOnDossier = (actor: Actor, s: PlanSubject) => clientPolicy.update(actor, s.client);
const isOwnPlan = (actor: Actor, s: PlanSubject) => actor.role === 'client' && actor.clientId === s.client.id;

/**
 * Object rules for the personal plan. The client reads their own plan and fills in a Positive
 * Health measurement themselves (always "alone"); goals, actions and the ZRM are the coach's
 * work with the client. An external organisation reads the plan only while a referral shares it.
 */
export const planPolicy = definePolicy<PlanSubject, 'read' | 'measure' | 'chooseFilledBy' | 'manage'>({
  read: (actor, s) => worksOnDossier(actor, s) || isOwnPlan(actor, s) || (isExternalActor(actor) && s.sharedWithActor),
  measure: (actor, s) => worksOnDossier(actor, s) || isOwnPlan(actor, s),
  chooseFilledBy: worksOnDossier,
  manage: worksOnDossier,
});

export type PlanAction = keyof typeof planPolicy;
