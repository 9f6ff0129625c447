import type { Kysely } from 'kysely';
import { todayIso } from '../../../shared/dates.ts';
import { dimensionMeans, flaggedAspects, HEALTH_DIMENSION_CODES, type HealthAnswers, type HealthFilledBy } from '../../../shared/positive-health.ts';
import { inActorTransaction } from '../../authz/boundary.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { recordProcessing } from '../processing-log/processing-log.service.ts';
import { addTimelineEvent } from '../timeline/timeline.service.ts';
import {
  findHealthMeasurement,
  findLatestAndBaselineHealth,
  insertHealthMeasurement,
  listHealthMeasurements,
  meansOf,
} from './measurements.repository.ts';
import { loadPlanForAction } from './plan-access.ts';
import { planPolicy } from './plans.policy.ts';
import type { HealthMeasureInput } from './plans.schema.ts';

/**
 * Records a Positive Health measurement. The dimension scores are the means of the aspects,
 * computed here and kept as columns. The client who fills it in themselves is always "alone";
 * the coach says whether it was filled in together or by the client alone.
 */
export async function recordHealthMeasurement(db: Kysely<DB>, ctx: RequestContext, clientId: string, input: HealthMeasureInput) {
  const measuredOn = input.measuredOn ?? todayIso();
  if (measuredOn > todayIso()) throw new AppError('validation_failed', 'A measurement cannot lie in the future', { field: 'measuredOn' });
  const answers = input.answers as HealthAnswers;
  return inActorTransaction(db, ctx, async (trx) => {
    const { client, subject } = await loadPlanForAction(trx, ctx, clientId, 'measure');
    let filledBy: HealthFilledBy = input.filledBy ?? 'client_with_coach';
    if (!planPolicy.chooseFilledBy(ctx.actor, subject)) {
      if (input.filledBy && input.filledBy !== 'client_alone') throw new AppError('field_not_allowed', 'A measurement you fill in yourself is filled in alone', { field: 'filledBy' });
      filledBy = 'client_alone';
    }
    const talk = flaggedAspects(answers);
    const { id } = await insertHealthMeasurement(trx, {
      organisation_id: ctx.actor.organisationId,
      client_id: clientId,
      measured_on: measuredOn,
      filled_by: filledBy,
      answers,
      means: dimensionMeans(answers),
      talk_count: talk.length,
      note: input.note ?? null,
      recorded_by: ctx.actor.userId,
    });
    await addTimelineEvent(trx, ctx, {
      clientId,
      kind: 'plan.health_measured',
      summary: `Positieve Gezondheid ingevuld ${filledBy === 'client_alone' ? 'door de cliënt zelf' : 'samen met de coach'}${talk.length ? ` (${talk.length} ${talk.length === 1 ? 'onderwerp' : 'onderwerpen'} om over te praten)` : ''}`,
      subjectType: 'health_measurement',
      subjectId: id,
    });
    await recordProcessing(trx, ctx, { operation: 'plans.health-measure', activity: 'personal-plan', dataSubjectIds: [client.bsn_pseudonym] });
    return (await findHealthMeasurement(trx, clientId, id))!;
  });
}

/** A client's Positive Health measurements (without the answers), newest first, and what the caller may do. */
export async function healthHistory(db: Kysely<DB>, ctx: RequestContext, clientId: string) {
  return inActorTransaction(db, ctx, async (trx) => {
    const { client, subject } = await loadPlanForAction(trx, ctx, clientId, 'read');
    const rows = await listHealthMeasurements(trx, clientId);
    await recordProcessing(trx, ctx, { operation: 'plans.health-history', activity: 'personal-plan', dataSubjectIds: [client.bsn_pseudonym] });
    return { rows, policies: { measure: planPolicy.measure(ctx.actor, subject), chooseFilledBy: planPolicy.chooseFilledBy(ctx.actor, subject) } };
  });
}

/**
 * The latest web against an earlier one: the first measurement unless the caller chooses
 * another. With a single measurement there is nothing to compare against.
 */
export async function compareHealth(db: Kysely<DB>, ctx: RequestContext, clientId: string, baselineId?: string) {
  return inActorTransaction(db, ctx, async (trx) => {
    const { client } = await loadPlanForAction(trx, ctx, clientId, 'read');
    const found = await findLatestAndBaselineHealth(trx, clientId, baselineId);
    if (baselineId && !found.baseline) throw notFound('Measurement');
    const { latest } = found;
    const baseline = latest && found.baseline?.id !== latest.id ? found.baseline : undefined;
    await recordProcessing(trx, ctx, { operation: 'plans.health-compare', activity: 'personal-plan', dataSubjectIds: [client.bsn_pseudonym] });
    return { latest, baseline };
  });
}

/** Latest minus baseline per dimension, rounded to two decimals. */
export function dimensionChanges(latest: Parameters<typeof meansOf>[0], baseline: Parameters<typeof meansOf>[0]) {
  const a = meansOf(latest);
  const b = meansOf(baseline);
  return Object.fromEntries(HEALTH_DIMENSION_CODES.map((d) => [d, Math.round((a[d] - b[d]) * 100) / 100])) as Record<(typeof HEALTH_DIMENSION_CODES)[number], number>;
}
