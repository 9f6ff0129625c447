import { inActorTransaction } from '../../authz/boundary.ts';
import type { Kysely } from 'kysely';
import { deriveLadderStep, normaliseLadderAnswers, type LadderAnswers, type LadderOccasion } from '../../../shared/ladder.ts';
import { todayIso } from '../../../shared/dates.ts';
import type { Executor } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { updateClientSummary } from '../clients/clients.repository.ts';
import { loadClientForAction, loadClientRefForAction } from '../clients/clients.service.ts';
import { recordProcessing } from '../processing-log/processing-log.service.ts';
import { addTimelineEvent } from '../timeline/timeline.service.ts';
import { completeRuleTasks } from '../tasks/tasks.service.ts';
import { refreshClientYears } from '../kpi/facts/kpi-facts.service.ts';
import { findLatestMeasurement, findMeasurement, insertMeasurement, listMeasurements } from './ladder.repository.ts';

export type MeasureInput = { measuredOn: string; occasion: LadderOccasion; answers: LadderAnswers; growthPotential: number; note?: string | null };

/**
 * Records a participatieladder measurement in the caller's transaction and keeps the client's
 * summary and timeline in step. The step is derived from the answers, never typed in; the growth
 * potential (reachable within a year) cannot lie below it. Used for the coach's own measurements
 * and for those at the start and end of a trajectory (with its referral).
 */
export async function recordMeasurement(
  trx: Executor,
  ctx: RequestContext,
  client: { id: string; ladder_step: number | null },
  input: MeasureInput,
  referralId: string | null = null,
) {
  const answers = normaliseLadderAnswers(input.answers);
  const step = deriveLadderStep(answers);
  if (input.growthPotential < step) {
    throw new AppError('growth_below_step', `Growth potential ${input.growthPotential} lies below the current step ${step}`, { step, field: 'growthPotential' });
  }
  if (input.measuredOn > todayIso()) throw new AppError('validation_failed', 'A measurement cannot lie in the future', { field: 'measuredOn' });
  const { id } = await insertMeasurement(trx, {
    organisation_id: ctx.actor.organisationId,
    client_id: client.id,
    measured_on: input.measuredOn,
    step,
    growth_potential: input.growthPotential,
    answers,
    occasion: input.occasion,
    note: input.note ?? null,
    measured_by: ctx.actor.userId,
    referral_id: referralId,
  });
  // The summary follows the newest measurement by date (a late-entered older one changes nothing).
  const latest = (await findLatestMeasurement(trx, client.id))!;
  await updateClientSummary(trx, client.id, { ladder_step: latest.step, ladder_growth_potential: latest.growth_potential, ladder_measured_on: latest.measured_on });
  // A measurement, also a late-entered older one, changes the KPI facts of its year and after.
  await refreshClientYears(trx, ctx.actor.organisationId, [client.id]);
  const previous = client.ladder_step;
  await addTimelineEvent(trx, ctx, {
    clientId: client.id,
    kind: 'ladder.measured',
    summary: previous && previous !== step ? `Participatieladder: trede ${previous} → ${step} (groeipotentieel ${input.growthPotential})` : `Participatieladder: trede ${step} (groeipotentieel ${input.growthPotential})`,
    subjectType: 'ladder_measurement',
    subjectId: id,
  });
  return findMeasurement(trx, id);
}

/** The coach records a measurement in the client's dossier; it completes the open ladder task. */
export async function measureLadder(db: Kysely<DB>, ctx: RequestContext, clientId: string, input: MeasureInput) {
  return inActorTransaction(db, ctx, async (trx) => {
    const client = await loadClientForAction(trx, ctx, clientId, 'measureLadder');
    const measurement = await recordMeasurement(trx, ctx, client, input);
    await completeRuleTasks(trx, ctx, clientId, 'ladder_meting');
    await recordProcessing(trx, ctx, { operation: 'ladder.measure', activity: 'client-dossier', dataSubjectIds: [client.bsn_pseudonym] });
    return measurement;
  });
}

export async function ladderHistory(db: Kysely<DB>, ctx: RequestContext, clientId: string) {
  return inActorTransaction(db, ctx, async (trx) => {
    const client = await loadClientRefForAction(trx, ctx, clientId, 'readLadder');
    const rows = await listMeasurements(trx, clientId);
    await recordProcessing(trx, ctx, { operation: 'ladder.history', activity: 'client-dossier', dataSubjectIds: [client.bsn_pseudonym] });
    return rows;
  });
}
