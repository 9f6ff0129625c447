import type { Updateable } from 'kysely';
import type { TimelineKindOf } from '../../../shared/timeline.ts';
import { isOpenReferralStatus, nextReferralStatus, type ReferralAction, type ReferralStatus } from '../../../shared/referrals.ts';
import { isExternalActor } from '../../authz/boundary.ts';
import { authorize } from '../../authz/policy.ts';
import type { Executor } from '../../db/database.ts';
import type { ReferralsTable } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { findClient, type ClientRecord } from '../clients/clients.repository.ts';
import { recordProcessing } from '../processing-log/processing-log.service.ts';
import { trajectoryEndTaskKey } from '../tasks/tasks.service.ts';
import { addTimelineEvent } from '../timeline/timeline.service.ts';
import { completeCoachTasks } from './referral-backstop.repository.ts';
import { REFERRAL_STATE_RULES, referralActorPolicy, type ReferralPolicyAction } from './referrals.policy.ts';
import {
  findReferral,
  insertTransition,
  listProgress,
  listReferralMeasurements,
  listTransitions,
  updateReferralIfVersion,
  type ReferralMeasurementRow,
  type ReferralRow,
} from './referrals.repository.ts';

/*
 * The steps every referral use case shares: load through the scopes and authorize, move along
 * the transitions table under optimistic concurrency, note it on the client's timeline and in the
 * processing log, and read back the referral in full.
 */

export type LoadedReferral = { referral: ReferralRow; client: ClientRecord; measurements: ReferralMeasurementRow[] };

/**
 * Loads a referral for an action. Outside the caller's reach it is a 404: a client outside the
 * client scope, and for a provider or partner any referral not their own organisation's or no
 * longer open. In reach but not theirs to do: 403. Measurements are read now, because a provider
 * no longer reaches the client's measurements once the referral has closed.
 */
export async function loadReferralForAction(trx: Executor, ctx: RequestContext, referralId: string, action: ReferralPolicyAction | 'read'): Promise<LoadedReferral> {
  const { actor } = ctx;
  const referral = await findReferral(trx, actor.organisationId, referralId);
  if (!referral) throw notFound('Referral');
  if (isExternalActor(actor) && (referral.external_organisation_id !== actor.externalOrganisationId || !isOpenReferralStatus(referral.status))) {
    throw notFound('Referral');
  }
  const client = await findClient(trx, actor, referral.client_id);
  if (!client) throw notFound('Referral');
  if (action !== 'read') authorize(actor, referralActorPolicy, action, { referral, client });
  return { referral, client, measurements: await listReferralMeasurements(trx, referralId) };
}

/** 409 unless the referral's state allows the action (the transitions table and the rules beside it). */
export function requireState(loaded: LoadedReferral, action: ReferralPolicyAction): void {
  if (!REFERRAL_STATE_RULES[action](loaded.referral)) {
    throw new AppError('invalid_transition', `A ${loaded.referral.kind} referral that is ${loaded.referral.status} does not allow ${action}`, {
      referralStatus: loaded.referral.status,
      action,
    });
  }
}

/** The 412 for a caller whose copy of the referral is stale. */
export function staleReferral(loaded: LoadedReferral): AppError {
  return new AppError('precondition_failed', 'Someone else changed this referral since you read it', { currentVersion: loaded.referral.version });
}

/** Changes a referral's fields under optimistic concurrency (412 when the caller's copy is stale). */
export async function changeReferral(trx: Executor, ctx: RequestContext, loaded: LoadedReferral, expectedVersion: number, changes: Updateable<ReferralsTable>, operation: string) {
  if (loaded.referral.version !== expectedVersion) throw staleReferral(loaded);
  if (!(await updateReferralIfVersion(trx, loaded.referral.id, expectedVersion, changes))) throw staleReferral(loaded);
  await recordProcessing(trx, ctx, { operation: `referrals.${operation}`, activity: 'referral', dataSubjectIds: [loaded.client.bsn_pseudonym] });
}

/**
 * Moves a referral along the transitions table: 409 when the table does not allow the action
 * from its state, 412 when stale; keeps who moved it, when and why. A trajectory that stops
 * running closes the coach's "trajectory ends soon" task with it.
 */
export async function moveReferral(
  trx: Executor,
  ctx: RequestContext,
  loaded: LoadedReferral,
  expectedVersion: number,
  action: ReferralAction,
  changes: Updateable<ReferralsTable>,
  reason: string | null,
): Promise<ReferralStatus> {
  const to = nextReferralStatus(loaded.referral.kind, loaded.referral.status, action);
  if (!to) requireState(loaded, action);
  await changeReferral(trx, ctx, loaded, expectedVersion, { ...changes, status: to! }, action);
  await insertTransition(trx, {
    organisation_id: loaded.referral.organisation_id,
    referral_id: loaded.referral.id,
    from_status: loaded.referral.status,
    to_status: to!,
    reason,
    actor_id: ctx.actor.userId,
  });
  if (loaded.referral.status === 'active') {
    await completeCoachTasks(trx, { clientId: loaded.client.id, kind: 'traject_eindigt', ruleKeyPrefix: trajectoryEndTaskKey(loaded.referral.id), userId: ctx.actor.userId });
  }
  return to!;
}

/** "De Brug (sociale activering trede 1–2)": how the timeline names a referral. */
export function referralName(referral: Pick<ReferralRow, 'organisation_name' | 'contract_product'>): string {
  return referral.contract_product ? `${referral.organisation_name} (${referral.contract_product})` : referral.organisation_name;
}

/** Shortens free text for a one-line timeline summary. */
export function shorten(text: string, max = 140): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Notes a referral event on the client's timeline. */
export async function addReferralEvent(trx: Executor, ctx: RequestContext, referral: { id: string; client_id: string }, kind: TimelineKindOf<'referral'>, summary: string): Promise<void> {
  await addTimelineEvent(trx, ctx, { clientId: referral.client_id, kind: `referral.${kind}`, summary, subjectType: 'referral', subjectId: referral.id });
}

export type ReferralDetailData = LoadedReferral & {
  transitions: Awaited<ReturnType<typeof listTransitions>>;
  progress: Awaited<ReturnType<typeof listProgress>>;
};

/**
 * Reads a referral in full after a change. The client and measurements come from when it was
 * loaded: a provider that has just ended the referral no longer reaches them.
 */
export async function readReferralDetail(trx: Executor, ctx: RequestContext, loaded: LoadedReferral): Promise<ReferralDetailData> {
  const [referral, transitions, progress] = await Promise.all([
    findReferral(trx, ctx.actor.organisationId, loaded.referral.id),
    listTransitions(trx, loaded.referral.id),
    listProgress(trx, loaded.referral.id),
  ]);
  return { referral: referral!, client: loaded.client, measurements: loaded.measurements, transitions, progress };
}
