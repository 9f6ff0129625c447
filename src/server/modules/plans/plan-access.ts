import { isExternalActor } from '../../authz/boundary.ts';
import { authorize } from '../../authz/policy.ts';
import type { Executor } from '../../db/database.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { loadClientForAction } from '../clients/clients.service.ts';
import { planSharedWith } from './measurements.repository.ts';
import { planPolicy, type PlanAction, type PlanSubject } from './plans.policy.ts';

/**
 * Loads a client's plan for an action: a client outside the actor's scope is 404 (not
 * confirmed to exist), in scope but not allowed is 403 — for a provider or partner that is a
 * plan no open referral shares. Every plan use case starts here.
 */
export async function loadPlanForAction(trx: Executor, ctx: RequestContext, clientId: string, action: PlanAction) {
  const client = await loadClientForAction(trx, ctx, clientId, 'readPlan');
  const externalOrganisationId = isExternalActor(ctx.actor) ? ctx.actor.externalOrganisationId : null;
  const subject: PlanSubject = { client, sharedWithActor: externalOrganisationId ? await planSharedWith(trx, clientId, externalOrganisationId) : false };
  authorize(ctx.actor, planPolicy, action, subject);
  return { client, subject };
}
