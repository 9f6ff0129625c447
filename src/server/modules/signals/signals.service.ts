import { inActorTransaction } from '../../authz/boundary.ts';
import type { Kysely } from 'kysely';
import { ESCALATION_TARGET_LABELS } from '../../../shared/client-fields.ts';
import { todayIso } from '../../../shared/dates.ts';
import { authorize } from '../../authz/policy.ts';
import type { Executor } from '../../db/database.ts';
import type { DB, EscalationsTable, SignalsTable } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { updateClientSummary } from '../clients/clients.repository.ts';
import { loadClientForAction } from '../clients/clients.service.ts';
import { recordProcessing } from '../processing-log/processing-log.service.ts';
import { referToPartnerForEscalation } from '../referrals/partner-referrals.service.ts';
import { addTimelineEvent } from '../timeline/timeline.service.ts';
import { completeRuleTasks, escalationTaskKey } from '../tasks/tasks.service.ts';
import { SIGNAL_TRANSITIONS, signalPolicy, teamEscalationsPolicy } from './signals.policy.ts';
import {
  countOpenEscalations,
  countOpenSignals,
  findEscalation,
  findPartner,
  findSignal,
  insertEscalation,
  insertSignal,
  listEscalations,
  listPartners,
  listSignals,
  listTeamOpenEscalations,
  reportEscalationOutcome,
  setSignalStatus,
  updateSignalIfVersion,
  type SignalRow,
} from './signals.repository.ts';

const DOMAIN_LABELS: Record<string, string> = {
  schulden: 'schulden',
  psychische_klachten: 'psychische klachten',
  instabiele_thuissituatie: 'instabiele thuissituatie',
  verslaving_in_gezin: 'verslaving in het gezin',
  laaggeletterdheid: 'laaggeletterdheid',
  huisvesting: 'huisvesting',
  gezondheid: 'gezondheid',
  multiproblematiek: 'multiproblematiek',
};

async function refreshOpenSignalCount(trx: Executor, clientId: string) {
  await updateClientSummary(trx, clientId, { open_signal_count: await countOpenSignals(trx, clientId) });
}

/** Loads a signal and its client, checking that the actor works on the client's dossier. */
async function loadSignal(trx: Executor, ctx: RequestContext, signalId: string) {
  const signal = await findSignal(trx, ctx.actor.organisationId, signalId);
  if (!signal) throw notFound('Signal');
  const client = await loadClientForAction(trx, ctx, signal.client_id, 'raiseSignal');
  return { signal, client };
}

export async function raiseSignal(
  db: Kysely<DB>,
  ctx: RequestContext,
  clientId: string,
  input: { domain: string; severity: SignalsTable['severity']; description: string; followUpOn?: string | null },
) {
  return inActorTransaction(db, ctx, async (trx) => {
    const client = await loadClientForAction(trx, ctx, clientId, 'raiseSignal');
    const { id } = await insertSignal(trx, {
      organisation_id: ctx.actor.organisationId,
      client_id: clientId,
      domain: input.domain,
      severity: input.severity,
      description: input.description,
      follow_up_on: input.followUpOn ?? null,
      raised_by: ctx.actor.userId,
    });
    await refreshOpenSignalCount(trx, clientId);
    await addTimelineEvent(trx, ctx, { clientId, kind: 'signal.raised', summary: `Signaal ${DOMAIN_LABELS[input.domain]} (${input.severity})`, subjectType: 'signal', subjectId: id });
    await recordProcessing(trx, ctx, { operation: 'signals.raise', activity: 'client-dossier', dataSubjectIds: [client.bsn_pseudonym] });
    return (await findSignal(trx, ctx.actor.organisationId, id))!;
  });
}

/** Changes a signal's status, severity or follow-up date under optimistic concurrency. */
export async function updateSignal(
  db: Kysely<DB>,
  ctx: RequestContext,
  signalId: string,
  expectedVersion: number,
  input: { status?: SignalsTable['status']['__select__']; severity?: SignalsTable['severity']; followUpOn?: string | null },
) {
  return inActorTransaction(db, ctx, async (trx) => {
    const { signal, client } = await loadSignal(trx, ctx, signalId);
    authorize(ctx.actor, signalPolicy, 'update', signal);
    if (signal.version !== expectedVersion) {
      throw new AppError('precondition_failed', 'Someone else changed this signal since you read it', { currentVersion: signal.version });
    }
    if (input.status && input.status !== signal.status && !SIGNAL_TRANSITIONS[signal.status]!.includes(input.status)) {
      throw new AppError('invalid_transition', `A signal cannot go from ${signal.status} to ${input.status}`);
    }
    const ok = await updateSignalIfVersion(trx, signalId, expectedVersion, {
      status: input.status,
      severity: input.severity,
      follow_up_on: input.followUpOn,
      closed_at: input.status === 'afgerond' ? new Date() : undefined,
    });
    if (!ok) throw new AppError('precondition_failed', 'Someone else changed this signal since you read it');
    await refreshOpenSignalCount(trx, signal.client_id);
    if (input.status && input.status !== signal.status) {
      await addTimelineEvent(trx, ctx, {
        clientId: signal.client_id,
        kind: 'signal.status',
        summary: `Signaal ${DOMAIN_LABELS[signal.domain]}: ${input.status.replace('_', ' ')}`,
        subjectType: 'signal',
        subjectId: signalId,
      });
      if (input.status === 'afgerond') {
        await completeRuleTasks(trx, ctx, signal.client_id, 'signaal_opvolging');
        // A closed signal's escalations are no longer chased.
        for (const e of await listEscalations(trx, [signalId])) await completeRuleTasks(trx, ctx, signal.client_id, 'escalatie_verlopen', escalationTaskKey(e.id));
      }
    }
    await recordProcessing(trx, ctx, { operation: 'signals.update', activity: 'client-dossier', dataSubjectIds: [client.bsn_pseudonym] });
    return (await findSignal(trx, ctx.actor.organisationId, signalId))!;
  });
}

/** Escalates a signal to a support team or refers it to a network partner, with a due date. */
export async function escalateSignal(
  db: Kysely<DB>,
  ctx: RequestContext,
  signalId: string,
  input: { targetKind: EscalationsTable['target_kind']; externalOrganisationId?: string | null; question: string; dueOn: string },
) {
  if (input.dueOn < todayIso()) throw new AppError('validation_failed', 'The due date lies in the past', { field: 'dueOn' });
  return inActorTransaction(db, ctx, async (trx) => {
    const { signal, client } = await loadSignal(trx, ctx, signalId);
    authorize(ctx.actor, signalPolicy, 'escalate', signal);
    let partnerName: string | undefined;
    if (input.targetKind === 'partner') {
      const partner = input.externalOrganisationId ? await findPartner(trx, ctx.actor.organisationId, input.externalOrganisationId) : undefined;
      if (!partner) throw new AppError('unknown_reference', 'Choose a network partner for a partner referral', { field: 'externalOrganisationId' });
      partnerName = partner.name;
    } else if (input.externalOrganisationId) {
      throw new AppError('field_not_allowed', 'Only a partner referral names an external organisation', { field: 'externalOrganisationId' });
    }
    const { id } = await insertEscalation(trx, {
      organisation_id: ctx.actor.organisationId,
      client_id: signal.client_id,
      signal_id: signalId,
      target_kind: input.targetKind,
      external_organisation_id: input.targetKind === 'partner' ? input.externalOrganisationId! : null,
      question: input.question,
      due_on: input.dueOn,
      created_by: ctx.actor.userId,
    });
    // A partner referral too, so the partner sees the client and reports the outcome itself.
    if (input.targetKind === 'partner') await referToPartnerForEscalation(trx, ctx, { client, partnerId: input.externalOrganisationId!, escalationId: id, question: input.question });
    await setSignalStatus(trx, signalId, 'geescaleerd');
    await completeRuleTasks(trx, ctx, signal.client_id, 'signaal_opvolging');
    await addTimelineEvent(trx, ctx, {
      clientId: signal.client_id,
      kind: 'signal.escalated',
      summary: `Signaal ${DOMAIN_LABELS[signal.domain]} ${input.targetKind === 'partner' ? `verwezen naar ${partnerName}` : `geëscaleerd naar ${ESCALATION_TARGET_LABELS[input.targetKind]}`} (terugkoppeling uiterlijk ${input.dueOn})`,
      subjectType: 'escalation',
      subjectId: id,
    });
    await recordProcessing(trx, ctx, { operation: 'signals.escalate', activity: input.targetKind === 'partner' ? 'referral' : 'client-dossier', dataSubjectIds: [client.bsn_pseudonym] });
    return id;
  });
}

/** The support team's or partner's outcome comes back; it lands on the timeline. */
export async function reportOutcome(db: Kysely<DB>, ctx: RequestContext, escalationId: string, outcome: string) {
  return inActorTransaction(db, ctx, async (trx) => {
    const escalation = await findEscalation(trx, ctx.actor.organisationId, escalationId);
    if (!escalation) throw notFound('Escalation');
    const { signal, client } = await loadSignal(trx, ctx, escalation.signal_id);
    if (escalation.status !== 'open') throw new AppError('invalid_transition', 'The outcome of this escalation was already reported');
    await reportEscalationOutcome(trx, escalationId, outcome, ctx.actor.userId);
    await completeRuleTasks(trx, ctx, signal.client_id, 'escalatie_verlopen', escalationTaskKey(escalationId));
    if ((await countOpenEscalations(trx, signal.id)) === 0 && signal.status === 'geescaleerd') await setSignalStatus(trx, signal.id, 'in_behandeling');
    await addTimelineEvent(trx, ctx, {
      clientId: signal.client_id,
      kind: 'signal.outcome',
      summary: `Terugkoppeling ${ESCALATION_TARGET_LABELS[escalation.target_kind]}: ${outcome.length > 140 ? `${outcome.slice(0, 139)}…` : outcome}`,
      subjectType: 'escalation',
      subjectId: escalationId,
    });
    await recordProcessing(trx, ctx, { operation: 'signals.report-outcome', activity: 'client-dossier', dataSubjectIds: [client.bsn_pseudonym] });
  });
}

/** A client's signals with their escalations. */
export async function signalsOf(db: Kysely<DB>, ctx: RequestContext, clientId: string) {
  return inActorTransaction(db, ctx, async (trx) => {
    const client = await loadClientForAction(trx, ctx, clientId, 'readSignals');
    const signals = await listSignals(trx, clientId);
    const escalations = await listEscalations(trx, signals.map((s) => s.id));
    await recordProcessing(trx, ctx, { operation: 'signals.list', activity: 'client-dossier', dataSubjectIds: [client.bsn_pseudonym] });
    return signals.map((s: SignalRow) => ({ signal: s, escalations: escalations.filter((e) => e.signal_id === s.id) }));
  });
}

export async function partnersFor(db: Kysely<DB>, ctx: RequestContext) {
  return listPartners(db, ctx.actor.organisationId);
}

/** How many of a team's open escalations the overview lists; a team has tens open at a time. */
const TEAM_ESCALATIONS_LIMIT = 200;

/**
 * A team lead's overview of the team's open escalations (support team or partner), overdue ones
 * first, with how many are open and overdue. Every listed client is logged.
 */
export async function teamOpenEscalations(db: Kysely<DB>, ctx: RequestContext) {
  const { actor } = ctx;
  if (!actor.teamId) throw new AppError('forbidden', 'You lead no team');
  authorize(actor, teamEscalationsPolicy, 'read', { organisationId: actor.organisationId, teamId: actor.teamId });
  const today = todayIso();
  return inActorTransaction(db, ctx, async (trx) => {
    const result = await listTeamOpenEscalations(trx, actor, actor.teamId!, today, TEAM_ESCALATIONS_LIMIT);
    await recordProcessing(trx, ctx, {
      operation: 'escalations.team-overview',
      activity: 'caseload-management',
      dataSubjectIds: [...new Set(result.rows.map((r) => r.bsn_pseudonym))],
    });
    return { ...result, today };
  });
}
