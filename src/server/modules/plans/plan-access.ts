import { isExternalActor } from '../../authz/boundary.ts';
import { authorize } from '../../authz/policy.ts';
import type { Executor } from '../../db/database.ts';
import type { RequestContext } from '../../http/request-context.ts';
import type { ClientRef } from '../clients/clients.repository.ts';
import { loadClientForAction, loadClientRefForAction } from '../clients/clients.service.ts';
import { planSharedWith } from './measurements.repository.ts';
import { planPolicy, type PlanAction, type PlanSubject } from './plans.policy.ts';

/**
 * Loads a client's plan for an action: a client outside the actor's scope is 404 (not
 * confirmed to exist), in scope but not allowed is 403 — for a provider or partner that is a
 * plan no open referral shares. Every plan use case starts here (or with the dossier variant).
 * The client comes as the fields the rules and the processing log need, nothing else.
 */
export async function loadPlanForAction(trx: Executor, ctx: RequestContext, clientId: string, action: PlanAction) {
  return authorizePlan(trx, ctx, await loadClientRefForAction(trx, ctx, clientId, 'readPlan'), action);
}

/** The same checks, with the client's dossier fields: for the printed plan, which names the client and the coach. */
export async function loadPlanDossierForAction(trx: Executor, ctx: RequestContext, clientId: string, action: PlanAction) {
  return authorizePlan(trx, ctx, await loadClientForAction(trx, ctx, clientId, 'readPlan'), action);
}

async function authorizePlan<C extends ClientRef>(trx: Executor, ctx: RequestContext, client: C, action: PlanAction) {
  const externalOrganisationId = isExternalActor(ctx.actor) ? ctx.actor.externalOrganisationId : null;
  const subject: PlanSubject = { client, sharedWithActor: externalOrganisationId ? await planSharedWith(trx, client.id, externalOrganisationId) : false };
  authorize(ctx.actor, planPolicy, action, subject);
  return { client, subject };
}
