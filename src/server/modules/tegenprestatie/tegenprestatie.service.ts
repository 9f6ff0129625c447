import type { Kysely } from 'kysely';
import { inActorTransaction } from '../../authz/boundary.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { loadWorkDossier, readWorkRecord } from '../placements/placements.service.ts';
import { recordProcessing } from '../processing-log/processing-log.service.ts';
import { addTimelineEvent } from '../timeline/timeline.service.ts';
import { insertDecision, listDecisions } from './tegenprestatie.repository.ts';
import type { DecisionInput } from './tegenprestatie.schema.ts';

/** A client's tegenprestatie decisions. */
export async function decisionsOf(db: Kysely<DB>, ctx: RequestContext, clientId: string) {
  return readWorkRecord(db, ctx, clientId, { operation: 'tegenprestatie.list', activity: 'client-dossier' }, (trx) => listDecisions(trx, clientId));
}

/**
 * Records a decision on a tegenprestatie: imposed (with legal ground, period and activity) or
 * explicitly not imposed. Decisions are not edited; a new decision follows an old one.
 */
export async function recordDecision(db: Kysely<DB>, ctx: RequestContext, clientId: string, input: DecisionInput) {
  if (input.decision === 'opgelegd') {
    if (!input.startsOn) throw new AppError('validation_failed', 'An imposed tegenprestatie has a period', { field: 'startsOn' });
    if (!input.endsOn) throw new AppError('validation_failed', 'An imposed tegenprestatie has a period', { field: 'endsOn' });
    if (!input.activity) throw new AppError('validation_failed', 'Say what the activity is', { field: 'activity' });
  }
  if (input.startsOn && input.endsOn && input.endsOn < input.startsOn) throw new AppError('validation_failed', 'The period ends before it starts', { field: 'endsOn' });
  return inActorTransaction(db, ctx, async (trx) => {
    const client = await loadWorkDossier(trx, ctx, clientId, 'write');
    const { id } = await insertDecision(trx, {
      organisation_id: ctx.actor.organisationId,
      client_id: clientId,
      decision: input.decision,
      legal_ground: input.legalGround,
      starts_on: input.startsOn ?? null,
      ends_on: input.endsOn ?? null,
      activity: input.activity ?? null,
      hours_per_week: input.hoursPerWeek ?? null,
      decided_on: input.decidedOn,
      decided_by: ctx.actor.userId,
      note: input.note || null,
    });
    const summary =
      input.decision === 'opgelegd'
        ? `Tegenprestatie opgelegd van ${input.startsOn} tot ${input.endsOn}: ${input.activity} (${input.legalGround})`
        : `Besloten geen tegenprestatie op te leggen (${input.legalGround})`;
    await addTimelineEvent(trx, ctx, { clientId, kind: 'tegenprestatie.decided', summary, subjectType: 'tegenprestatie', subjectId: id });
    await recordProcessing(trx, ctx, { operation: 'tegenprestatie.decide', activity: 'client-dossier', dataSubjectIds: [client.bsn_pseudonym] });
    return { client, row: (await listDecisions(trx, clientId)).find((d) => d.id === id)! };
  });
}
