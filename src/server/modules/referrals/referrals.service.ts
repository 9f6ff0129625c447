import type { Kysely } from 'kysely';
import { todayIso } from '../../../shared/dates.ts';
import { inActorTransaction, isExternalActor } from '../../authz/boundary.ts';
import type { Executor } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import type { ClientRecord } from '../clients/clients.repository.ts';
import { loadClientForAction } from '../clients/clients.service.ts';
import { findContract } from '../contracts/contracts.repository.ts';
import { recordProcessing } from '../processing-log/processing-log.service.ts';
import { findPartner } from '../signals/signals.repository.ts';
import { trajectoryEndTaskKey } from '../tasks/tasks.service.ts';
import {
  addReferralEvent,
  changeReferral,
  loadReferralForAction,
  moveReferral,
  readReferralDetail,
  referralName,
  requireState,
  shorten,
} from './referral-actions.ts';
import { completeCoachTasks, findReferralBlocker, type ReferralBlocker } from './referral-backstop.repository.ts';
import {
  countReferrals,
  countReferralsOfOrganisation,
  findOpenReferralTo,
  insertReferral,
  insertTransition,
  listReferrals as listReferralRows,
  type NewReferral,
} from './referrals.repository.ts';
import type { ReferInput, ReferralListQuery } from './referrals.schema.ts';

/** The API error for each reason the contract check gives. */
export function blockerError(blocker: ReferralBlocker): AppError {
  switch (blocker) {
    case 'unknown_contract':
      return new AppError('unknown_reference', 'Not a contract of this organisation', { field: 'contractId' });
    case 'provider_inactive':
    case 'period':
    case 'municipality':
      return new AppError('contract_not_applicable', `The contract does not apply (${blocker})`, { field: 'contractId', reason: blocker });
    case 'already_referred':
      return new AppError('already_referred', 'The client already has an open referral to this provider', { field: 'contractId' });
    case 'full':
      return new AppError('contract_full', 'The contract has no places left', { field: 'contractId' });
  }
}

/**
 * Creates a referral with its first transition, in the caller's transaction. Refers the client
 * (referClient) and, from a signal escalation to a partner, the partner referral (escalateSignal).
 */
export async function insertReferralWithHistory(trx: Executor, ctx: RequestContext, client: ClientRecord, row: Omit<NewReferral, 'organisation_id' | 'client_id' | 'requested_by'>) {
  const { id } = await insertReferral(trx, { ...row, organisation_id: ctx.actor.organisationId, client_id: client.id, requested_by: ctx.actor.userId });
  await insertTransition(trx, { organisation_id: ctx.actor.organisationId, referral_id: id, from_status: null, to_status: 'requested', reason: null, actor_id: ctx.actor.userId });
  // A new referral answers the coach's open "assess the refused referral" task.
  await completeCoachTasks(trx, { clientId: client.id, kind: 'verwijzing_beoordelen', ruleKeyPrefix: null, userId: ctx.actor.userId });
  return id;
}

/**
 * The coach refers a client to a provider's product (a trajectory under a contract) or to a
 * network partner, with a question and only the data the receiver needs. Consent is recorded or
 * the legal ground named. The contract must apply to the client (period, municipality) and have
 * a place left; a second open referral to the same organisation is refused.
 */
export async function referClient(db: Kysely<DB>, ctx: RequestContext, clientId: string, input: ReferInput) {
  const legalGround = input.legalGround?.trim() || null;
  if (!input.consentGiven && !legalGround) {
    throw new AppError('validation_failed', 'Record the client’s consent or name the legal ground for sharing', { field: 'legalGround' });
  }
  return inActorTransaction(db, ctx, async (trx) => {
    const client = await loadClientForAction(trx, ctx, clientId, 'refer');
    let organisationId: string;
    let name: string;
    if (input.kind === 'trajectory') {
      const contract = await findContract(trx, ctx.actor.organisationId, input.contractId);
      if (!contract) throw blockerError('unknown_contract');
      const blocker = await findReferralBlocker(trx, contract.id, client.id, todayIso());
      if (blocker) throw blockerError(blocker);
      organisationId = contract.provider_id;
      name = `${contract.provider_name} (${contract.product})`;
    } else {
      const partner = await findPartner(trx, ctx.actor.organisationId, input.partnerId);
      if (!partner) throw new AppError('unknown_reference', 'Not a network partner of this organisation', { field: 'partnerId' });
      if (await findOpenReferralTo(trx, client.id, partner.id)) throw new AppError('already_referred', 'The client already has an open referral to this partner', { field: 'partnerId' });
      organisationId = partner.id;
      name = `netwerkpartner ${partner.name}`;
    }
    const id = await insertReferralWithHistory(trx, ctx, client, {
      kind: input.kind,
      external_organisation_id: organisationId,
      contract_id: input.kind === 'trajectory' ? input.contractId : null,
      question: input.question,
      shared_fields: input.sharedFields,
      consent_given: input.consentGiven,
      legal_ground: legalGround,
    });
    await addReferralEvent(trx, ctx, { id, client_id: client.id }, 'requested', `Verwezen naar ${name}`);
    await recordProcessing(trx, ctx, { operation: 'referrals.refer', activity: 'referral', dataSubjectIds: [client.bsn_pseudonym] });
    return readReferralDetail(trx, ctx, await loadReferralForAction(trx, ctx, id, 'read'));
  });
}

/** The coach withdraws an open referral; the provider's or partner's access ends at once. */
export async function withdrawReferral(db: Kysely<DB>, ctx: RequestContext, referralId: string, expectedVersion: number, input: { reason: string }) {
  return inActorTransaction(db, ctx, async (trx) => {
    const loaded = await loadReferralForAction(trx, ctx, referralId, 'withdraw');
    await moveReferral(trx, ctx, loaded, expectedVersion, 'withdraw', { withdrawal_reason: input.reason }, input.reason);
    await completeCoachTasks(trx, { clientId: loaded.client.id, kind: 'verlenging_beoordelen', ruleKeyPrefix: `referral:${referralId}:`, userId: ctx.actor.userId });
    await addReferralEvent(trx, ctx, loaded.referral, 'withdrawn', `Verwijzing naar ${referralName(loaded.referral)} ingetrokken: ${shorten(input.reason)}`);
    return readReferralDetail(trx, ctx, loaded);
  });
}

/** The coach approves (the planned end moves to the proposed date) or refuses a proposed extension. */
export async function decideExtension(db: Kysely<DB>, ctx: RequestContext, referralId: string, expectedVersion: number, input: { approve: boolean; note?: string | null }) {
  return inActorTransaction(db, ctx, async (trx) => {
    const loaded = await loadReferralForAction(trx, ctx, referralId, 'decideExtension');
    requireState(loaded, 'decideExtension');
    const { referral } = loaded;
    await changeReferral(
      trx,
      ctx,
      loaded,
      expectedVersion,
      {
        extension_status: input.approve ? 'approved' : 'refused',
        planned_end_on: input.approve ? referral.extension_until : referral.planned_end_on,
        extension_decided_by: ctx.actor.userId,
        extension_decided_at: new Date(),
      },
      'decide-extension',
    );
    await completeCoachTasks(trx, { clientId: loaded.client.id, kind: 'verlenging_beoordelen', ruleKeyPrefix: `referral:${referralId}:extension:`, userId: ctx.actor.userId });
    // The planned end moved: the task about the old end goes; the rules make one for the new end when it nears.
    if (input.approve) await completeCoachTasks(trx, { clientId: loaded.client.id, kind: 'traject_eindigt', ruleKeyPrefix: trajectoryEndTaskKey(referralId), userId: ctx.actor.userId });
    const summary = input.approve
      ? `Verlenging van het traject bij ${referralName(referral)} tot ${referral.extension_until} goedgekeurd`
      : `Verlenging van het traject bij ${referralName(referral)} afgewezen${input.note ? `: ${shorten(input.note)}` : ''}`;
    await addReferralEvent(trx, ctx, referral, input.approve ? 'extension_approved' : 'extension_refused', summary);
    return readReferralDetail(trx, ctx, loaded);
  });
}

/**
 * Referrals in the caller's reach: a coach's or team lead's of the clients in their scope
 * (filtered by state, kind, what needs a decision, a name or client number); a provider's or
 * partner's only their own organisation's open ones.
 */
export async function listReferrals(db: Kysely<DB>, ctx: RequestContext, query: ReferralListQuery) {
  return inActorTransaction(db, ctx, async (trx) => {
    const filter = { ...query, today: todayIso() };
    const [rows, total] = await Promise.all([listReferralRows(trx, ctx.actor, filter), countReferrals(trx, ctx.actor, filter)]);
    await recordProcessing(trx, ctx, { operation: 'referrals.list', activity: 'referral', dataSubjectIds: rows.map((r) => r.bsn_pseudonym) });
    return { rows, total };
  });
}

/** One referral in full, with the client data it shares. */
export async function getReferral(db: Kysely<DB>, ctx: RequestContext, referralId: string) {
  return inActorTransaction(db, ctx, async (trx) => {
    const loaded = await loadReferralForAction(trx, ctx, referralId, 'read');
    await recordProcessing(trx, ctx, { operation: 'referrals.read', activity: 'referral', dataSubjectIds: [loaded.client.bsn_pseudonym] });
    return readReferralDetail(trx, ctx, loaded);
  });
}

/** A client's referrals: all of them for the coach, the own organisation's open ones for an external user. */
export async function referralsOfClient(db: Kysely<DB>, ctx: RequestContext, clientId: string) {
  return inActorTransaction(db, ctx, async (trx) => {
    const client = await loadClientForAction(trx, ctx, clientId, 'read');
    const rows = await listReferralRows(trx, ctx.actor, { clientId, status: 'all', today: todayIso(), limit: 500, offset: 0 });
    await recordProcessing(trx, ctx, { operation: 'referrals.of-client', activity: 'referral', dataSubjectIds: [client.bsn_pseudonym] });
    return rows;
  });
}

/** A provider's or partner's start page: referrals waiting for them, in progress, and open in all. */
export async function referralCountsFor(db: Kysely<DB>, ctx: RequestContext) {
  const { actor } = ctx;
  if (!isExternalActor(actor) || !actor.externalOrganisationId) return { requested: 0, active: 0, open_referrals: 0 };
  const organisationId = actor.externalOrganisationId;
  const rows = await inActorTransaction(db, ctx, (trx) => countReferralsOfOrganisation(trx, organisationId));
  const n = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
  return { requested: n('requested'), active: n('accepted') + n('active'), open_referrals: n('requested') + n('accepted') + n('active') };
}
