import type { Kysely } from 'kysely';
import { todayIso } from '../../../shared/dates.ts';
import type { ZrmScores } from '../../../shared/zrm.ts';
import { inActorTransaction } from '../../authz/boundary.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { recordProcessing } from '../processing-log/processing-log.service.ts';
import { addTimelineEvent } from '../timeline/timeline.service.ts';
import { insertZrmMeasurement, listZrmMeasurements } from './measurements.repository.ts';
import { loadPlanForAction } from './plan-access.ts';
import { planPolicy } from './plans.policy.ts';
import type { ZrmInput } from './plans.schema.ts';

/** Records a Zelfredzaamheid-Matrix measurement: all thirteen domains, 1 to 5. */
export async function recordZrm(db: Kysely<DB>, ctx: RequestContext, clientId: string, input: ZrmInput) {
  if (input.measuredOn > todayIso()) throw new AppError('validation_failed', 'A measurement cannot lie in the future', { field: 'measuredOn' });
  return inActorTransaction(db, ctx, async (trx) => {
    const { client } = await loadPlanForAction(trx, ctx, clientId, 'manage');
    const scores = input.scores as ZrmScores;
    const { id } = await insertZrmMeasurement(trx, {
      organisation_id: ctx.actor.organisationId,
      client_id: clientId,
      measured_on: input.measuredOn,
      scores,
      note: input.note ?? null,
      recorded_by: ctx.actor.userId,
    });
    const acute = Object.values(scores).filter((s) => s === 1).length;
    await addTimelineEvent(trx, ctx, {
      clientId,
      kind: 'plan.zrm_measured',
      summary: `Zelfredzaamheid-Matrix ingevuld${acute ? ` (${acute} ${acute === 1 ? 'domein' : 'domeinen'} met acute problematiek)` : ''}`,
      subjectType: 'zrm_measurement',
      subjectId: id,
    });
    await recordProcessing(trx, ctx, { operation: 'plans.zrm-measure', activity: 'personal-plan', dataSubjectIds: [client.bsn_pseudonym] });
    return (await listZrmMeasurements(trx, clientId)).find((r) => r.id === id)!;
  });
}

/** A client's ZRM history, newest first, and whether the caller may add to it. */
export async function zrmHistory(db: Kysely<DB>, ctx: RequestContext, clientId: string) {
  return inActorTransaction(db, ctx, async (trx) => {
    const { client, subject } = await loadPlanForAction(trx, ctx, clientId, 'read');
    const rows = await listZrmMeasurements(trx, clientId);
    await recordProcessing(trx, ctx, { operation: 'plans.zrm-history', activity: 'personal-plan', dataSubjectIds: [client.bsn_pseudonym] });
    return { rows, policies: { record: planPolicy.manage(ctx.actor, subject) } };
  });
}
