import type { Kysely } from 'kysely';
import { todayIso } from '../../../shared/dates.ts';
import { PARTNER_ESCALATION_LEGAL_GROUND } from '../../../shared/referrals.ts';
import { inActorTransaction } from '../../authz/boundary.ts';
import type { Executor } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import type { ClientRecord } from '../clients/clients.repository.ts';
import { addReferralEvent, loadReferralForAction, moveReferral, readReferralDetail, shorten } from './referral-actions.ts';
import { escalationTaskKey } from '../tasks/tasks.service.ts';
import { completeCoachTasks, reportEscalationOutcome } from './referral-backstop.repository.ts';
import { findOpenReferralTo } from './referrals.repository.ts';
import { insertReferralWithHistory } from './referrals.service.ts';

/**
 * A coach's signal escalation to a network partner is also a partner referral, so the partner
 * actually sees the client (name and number only) and can report the outcome back. Runs in the
 * escalation's transaction; its timeline event says it already, so no second one is added.
 */
export async function referToPartnerForEscalation(
  trx: Executor,
  ctx: RequestContext,
  input: { client: ClientRecord; partnerId: string; escalationId: string; question: string },
): Promise<string> {
  if (await findOpenReferralTo(trx, input.client.id, input.partnerId)) {
    throw new AppError('already_referred', 'The client already has an open referral to this partner', { field: 'externalOrganisationId' });
  }
  return insertReferralWithHistory(trx, ctx, input.client, {
    kind: 'partner',
    external_organisation_id: input.partnerId,
    contract_id: null,
    question: input.question,
    shared_fields: [],
    consent_given: false,
    legal_ground: PARTNER_ESCALATION_LEGAL_GROUND,
    escalation_id: input.escalationId,
  });
}

/** The partner confirms it received the referral. */
export async function receivePartnerReferral(db: Kysely<DB>, ctx: RequestContext, referralId: string, expectedVersion: number) {
  return inActorTransaction(db, ctx, async (trx) => {
    const loaded = await loadReferralForAction(trx, ctx, referralId, 'receive');
    await moveReferral(trx, ctx, loaded, expectedVersion, 'receive', { decided_at: new Date(), decided_by: ctx.actor.userId }, null);
    await addReferralEvent(trx, ctx, loaded.referral, 'received', `Verwijzing naar ${loaded.referral.organisation_name} ontvangen`);
    return readReferralDetail(trx, ctx, loaded);
  });
}

/**
 * The partner reports the outcome; the referral is done, the partner's access ends, and the
 * signal escalation it came from (if any) is answered with the same outcome.
 */
export async function reportPartnerOutcome(db: Kysely<DB>, ctx: RequestContext, referralId: string, expectedVersion: number, input: { outcome: string }) {
  return inActorTransaction(db, ctx, async (trx) => {
    const loaded = await loadReferralForAction(trx, ctx, referralId, 'reportOutcome');
    const { referral } = loaded;
    await moveReferral(trx, ctx, loaded, expectedVersion, 'reportOutcome', { outcome: input.outcome, ended_on: todayIso() }, null);
    if (referral.escalation_id) {
      await reportEscalationOutcome(trx, referral.escalation_id, input.outcome, ctx.actor.userId);
      await completeCoachTasks(trx, { clientId: referral.client_id, kind: 'escalatie_verlopen', ruleKeyPrefix: escalationTaskKey(referral.escalation_id), userId: ctx.actor.userId });
    }
    await addReferralEvent(trx, ctx, referral, 'outcome', `Terugkoppeling ${referral.organisation_name}: ${shorten(input.outcome)}`);
    return readReferralDetail(trx, ctx, loaded);
  });
}
