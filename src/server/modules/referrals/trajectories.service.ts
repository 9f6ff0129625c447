import type { Kysely } from 'kysely';
import { addMonths, todayIso } from '../../../shared/dates.ts';
import { ADVICE_NEXT_STEP_LABELS, MAX_EXTENSION_MONTHS, STOP_REASON_LABELS, type AdviceNextStep, type StopReason, type TransferTarget } from '../../../shared/referrals.ts';
import { inActorTransaction } from '../../authz/boundary.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { recordMeasurement, type MeasureInput } from '../ladder/ladder.service.ts';
import { recordProcessing } from '../processing-log/processing-log.service.ts';
import {
  addReferralEvent,
  changeReferral,
  loadReferralForAction,
  moveReferral,
  readReferralDetail,
  referralName,
  requireState,
  shorten,
  staleReferral,
  type LoadedReferral,
} from './referral-actions.ts';
import { completeCoachTasks, createCoachTask, findReferralBlocker, referOnward } from './referral-backstop.repository.ts';
import { findProviderCoach, insertProgress } from './referrals.repository.ts';
import { blockerError } from './referrals.service.ts';

/** Days the coach gets to look at a refusal or an extension proposal. */
const COACH_DUE_DAYS = 7;

function dueInDays(days: number): string {
  const date = new Date(`${todayIso()}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function requireNotBefore(date: string, earliest: string | null, field: string, what: string): void {
  if (earliest && date < earliest) throw new AppError('validation_failed', `${what} cannot lie before ${earliest}`, { field });
}

function requestedOn(loaded: LoadedReferral): string {
  return todayIso(loaded.referral.requested_at);
}

/** The provider accepts a referral, naming the provider coach who will guide the client (themselves by default). */
export async function acceptReferral(db: Kysely<DB>, ctx: RequestContext, referralId: string, expectedVersion: number, input: { providerCoachId?: string | null }) {
  return inActorTransaction(db, ctx, async (trx) => {
    const loaded = await loadReferralForAction(trx, ctx, referralId, 'accept');
    requireState(loaded, 'accept');
    const coachId = input.providerCoachId ?? ctx.actor.userId;
    if (!(await findProviderCoach(trx, ctx.actor.organisationId, loaded.referral.external_organisation_id, coachId))) {
      throw new AppError('unknown_reference', 'Not a provider coach of this organisation', { field: 'providerCoachId' });
    }
    await moveReferral(trx, ctx, loaded, expectedVersion, 'accept', { provider_coach_id: coachId, decided_at: new Date(), decided_by: ctx.actor.userId }, null);
    await addReferralEvent(trx, ctx, loaded.referral, 'accepted', `Verwijzing naar ${referralName(loaded.referral)} geaccepteerd`);
    return readReferralDetail(trx, ctx, loaded);
  });
}

/** The provider refuses a referral with a reason; the client's coach gets a task to assess it. */
export async function refuseReferral(db: Kysely<DB>, ctx: RequestContext, referralId: string, expectedVersion: number, input: { reason: string }) {
  return inActorTransaction(db, ctx, async (trx) => {
    const loaded = await loadReferralForAction(trx, ctx, referralId, 'refuse');
    const { referral } = loaded;
    await moveReferral(trx, ctx, loaded, expectedVersion, 'refuse', { refusal_reason: input.reason, decided_at: new Date(), decided_by: ctx.actor.userId }, input.reason);
    await createCoachTask(trx, {
      clientId: referral.client_id,
      kind: 'verwijzing_beoordelen',
      title: `Verwijzing geweigerd door ${referral.organisation_name}: opnieuw beoordelen`,
      dueOn: dueInDays(COACH_DUE_DAYS),
      ruleKey: `referral:${referralId}:refused`,
      userId: ctx.actor.userId,
    });
    await addReferralEvent(trx, ctx, referral, 'refused', `Verwijzing naar ${referralName(referral)} geweigerd: ${shorten(input.reason)}`);
    return readReferralDetail(trx, ctx, loaded);
  });
}

/** The trajectory starts; it is planned to end the contract's duration later. */
export async function startTrajectory(db: Kysely<DB>, ctx: RequestContext, referralId: string, expectedVersion: number, input: { startedOn: string }) {
  return inActorTransaction(db, ctx, async (trx) => {
    const loaded = await loadReferralForAction(trx, ctx, referralId, 'start');
    requireState(loaded, 'start');
    requireNotBefore(input.startedOn, requestedOn(loaded), 'startedOn', 'A trajectory start');
    const plannedEndOn = addMonths(input.startedOn, loaded.referral.contract_duration_months ?? 12);
    await moveReferral(trx, ctx, loaded, expectedVersion, 'start', { started_on: input.startedOn, planned_end_on: plannedEndOn }, null);
    await addReferralEvent(trx, ctx, loaded.referral, 'started', `Traject bij ${referralName(loaded.referral)} gestart op ${input.startedOn} (gepland tot ${plannedEndOn})`);
    return readReferralDetail(trx, ctx, loaded);
  });
}

/** The trajectory ends as planned, with the provider coach's advice for the next step. */
export async function completeTrajectory(db: Kysely<DB>, ctx: RequestContext, referralId: string, expectedVersion: number, input: { endedOn: string; adviceNextStep: AdviceNextStep; advice: string }) {
  return inActorTransaction(db, ctx, async (trx) => {
    const loaded = await loadReferralForAction(trx, ctx, referralId, 'complete');
    requireState(loaded, 'complete');
    requireNotBefore(input.endedOn, loaded.referral.started_on, 'endedOn', 'The end');
    await moveReferral(trx, ctx, loaded, expectedVersion, 'complete', { ended_on: input.endedOn, advice_next_step: input.adviceNextStep, advice: input.advice }, null);
    await addReferralEvent(trx, ctx, loaded.referral, 'completed', `Traject bij ${referralName(loaded.referral)} afgerond; advies: ${ADVICE_NEXT_STEP_LABELS[input.adviceNextStep]}`);
    return readReferralDetail(trx, ctx, loaded);
  });
}

/** The trajectory stops early, with a reason and optionally an advice. */
export async function stopTrajectory(
  db: Kysely<DB>,
  ctx: RequestContext,
  referralId: string,
  expectedVersion: number,
  input: { endedOn: string; stopReason: StopReason; note: string; adviceNextStep?: AdviceNextStep | null; advice?: string | null },
) {
  return inActorTransaction(db, ctx, async (trx) => {
    const loaded = await loadReferralForAction(trx, ctx, referralId, 'stop');
    requireState(loaded, 'stop');
    requireNotBefore(input.endedOn, loaded.referral.started_on, 'endedOn', 'The end');
    await moveReferral(
      trx,
      ctx,
      loaded,
      expectedVersion,
      'stop',
      { ended_on: input.endedOn, stop_reason: input.stopReason, end_note: input.note, advice_next_step: input.adviceNextStep ?? null, advice: input.advice || null },
      STOP_REASON_LABELS[input.stopReason],
    );
    await addReferralEvent(trx, ctx, loaded.referral, 'stopped', `Traject bij ${referralName(loaded.referral)} voortijdig gestopt: ${STOP_REASON_LABELS[input.stopReason]}`);
    return readReferralDetail(trx, ctx, loaded);
  });
}

/**
 * The trajectory is handed over: to a work-oriented trajectory, or to another provider, whose
 * new referral on the chosen contract is created at once (checked like any referral).
 */
export async function transferTrajectory(
  db: Kysely<DB>,
  ctx: RequestContext,
  referralId: string,
  expectedVersion: number,
  input: { endedOn: string; to: TransferTarget; contractId?: string | null; note: string },
) {
  if (input.to === 'provider' && !input.contractId) throw new AppError('validation_failed', 'Choose the contract of the provider that takes over', { field: 'contractId' });
  if (input.to === 'work_trajectory' && input.contractId) throw new AppError('field_not_allowed', 'A work-oriented trajectory has no contract here', { field: 'contractId' });
  return inActorTransaction(db, ctx, async (trx) => {
    const loaded = await loadReferralForAction(trx, ctx, referralId, 'transfer');
    const { referral } = loaded;
    requireState(loaded, 'transfer');
    requireNotBefore(input.endedOn, referral.started_on, 'endedOn', 'The end');
    if (input.contractId) {
      // Checked before the move: afterwards the provider no longer reaches the client.
      const blocker = await findReferralBlocker(trx, input.contractId, referral.client_id, todayIso());
      if (blocker) throw blockerError(blocker);
    }
    await moveReferral(trx, ctx, loaded, expectedVersion, 'transfer', { ended_on: input.endedOn, transferred_to: input.to, end_note: input.note }, input.note);
    if (!input.contractId) {
      await addReferralEvent(trx, ctx, referral, 'transferred', `Traject bij ${referralName(referral)} overgedragen naar een werkgericht traject`);
      return readReferralDetail(trx, ctx, loaded);
    }
    const next = await referOnward(trx, referralId, input.contractId, `Overdracht vanuit ${referral.organisation_name}: ${input.note}`, ctx.actor.userId);
    await addReferralEvent(trx, ctx, referral, 'transferred', `Traject bij ${referralName(referral)} overgedragen aan ${next.provider_name} (${next.product})`);
    await addReferralEvent(trx, ctx, { id: next.referral_id, client_id: referral.client_id }, 'requested', `Verwezen naar ${next.provider_name} (${next.product}) na overdracht`);
    return readReferralDetail(trx, ctx, loaded);
  });
}

/** The provider coach reports progress of a running trajectory (If-Match optional: nothing is versioned). */
export async function reportProgress(db: Kysely<DB>, ctx: RequestContext, referralId: string, expectedVersion: number | null, input: { reportedOn: string; summary: string }) {
  if (input.reportedOn > todayIso()) throw new AppError('validation_failed', 'A progress report cannot lie in the future', { field: 'reportedOn' });
  return inActorTransaction(db, ctx, async (trx) => {
    const loaded = await loadReferralForAction(trx, ctx, referralId, 'reportProgress');
    requireState(loaded, 'reportProgress');
    if (expectedVersion !== null && expectedVersion !== loaded.referral.version) throw staleReferral(loaded);
    const { referral } = loaded;
    await insertProgress(trx, { organisation_id: referral.organisation_id, referral_id: referralId, reported_on: input.reportedOn, summary: input.summary, author_id: ctx.actor.userId });
    await addReferralEvent(trx, ctx, referral, 'progress', `Voortgang traject bij ${referralName(referral)}: ${shorten(input.summary)}`);
    await recordProcessing(trx, ctx, { operation: 'referrals.report-progress', activity: 'referral', dataSubjectIds: [loaded.client.bsn_pseudonym] });
    return readReferralDetail(trx, ctx, loaded);
  });
}

/**
 * Near the end the provider may propose an extension of up to a year past the planned end; the
 * client's coach gets a task to decide.
 */
export async function proposeExtension(db: Kysely<DB>, ctx: RequestContext, referralId: string, expectedVersion: number, input: { until: string; motivation: string }) {
  return inActorTransaction(db, ctx, async (trx) => {
    const loaded = await loadReferralForAction(trx, ctx, referralId, 'proposeExtension');
    requireState(loaded, 'proposeExtension');
    const { referral } = loaded;
    const plannedEnd = referral.planned_end_on ?? todayIso();
    if (input.until <= plannedEnd) throw new AppError('validation_failed', `An extension ends after the planned end (${plannedEnd})`, { field: 'until' });
    const latest = addMonths(plannedEnd, MAX_EXTENSION_MONTHS);
    if (input.until > latest) throw new AppError('extension_too_long', `An extension reaches at most ${latest}`, { field: 'until', latest });
    await changeReferral(
      trx,
      ctx,
      loaded,
      expectedVersion,
      { extension_status: 'proposed', extension_until: input.until, extension_motivation: input.motivation, extension_decided_by: null, extension_decided_at: null },
      'propose-extension',
    );
    await createCoachTask(trx, {
      clientId: referral.client_id,
      kind: 'verlenging_beoordelen',
      title: `Verlenging traject bij ${referral.organisation_name} tot ${input.until}: beslissen`,
      dueOn: dueInDays(COACH_DUE_DAYS),
      ruleKey: `referral:${referralId}:extension:${expectedVersion + 1}`,
      userId: ctx.actor.userId,
    });
    await addReferralEvent(trx, ctx, referral, 'extension_proposed', `Verlenging van het traject bij ${referralName(referral)} voorgesteld tot ${input.until}`);
    return readReferralDetail(trx, ctx, loaded);
  });
}

/**
 * A participatieladder measurement at the start or end of a trajectory, by the provider coach or
 * the client's coach; derived and summarised by the ladder module, linked to the referral.
 */
export async function measureLadderForReferral(db: Kysely<DB>, ctx: RequestContext, referralId: string, input: MeasureInput & { occasion: 'trajectory_start' | 'trajectory_end' }) {
  return inActorTransaction(db, ctx, async (trx) => {
    const loaded = await loadReferralForAction(trx, ctx, referralId, 'measureLadder');
    requireState(loaded, 'measureLadder');
    const measurement = await recordMeasurement(trx, ctx, loaded.client, input, referralId);
    await completeCoachTasks(trx, { clientId: loaded.client.id, kind: 'ladder_meting', ruleKeyPrefix: null, userId: ctx.actor.userId });
    await recordProcessing(trx, ctx, { operation: 'referrals.measure-ladder', activity: 'referral', dataSubjectIds: [loaded.client.bsn_pseudonym] });
    return measurement;
  });
}
