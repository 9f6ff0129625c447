import type { Kysely } from 'kysely';
import { inActorTransaction } from '../../authz/boundary.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { recordProcessing } from '../processing-log/processing-log.service.ts';
import { addTimelineEvent } from '../timeline/timeline.service.ts';
import { findWorkProfile, saveWorkProfileIfVersion } from './placements.repository.ts';
import type { WorkProfileInput } from './placements.schema.ts';
import { loadWorkDossier, readWorkRecord } from './placements.service.ts';

/** The client's doelgroepregister registration and former Wsw employment. */
export async function workProfileOf(db: Kysely<DB>, ctx: RequestContext, clientId: string) {
  const { client, rows } = await readWorkRecord(db, ctx, clientId, { operation: 'work-profile.read', activity: 'placement' }, (trx) => findWorkProfile(trx, clientId));
  return { client, row: rows };
}

/** Records the doelgroepregister (with its date) and a former Wsw employment, under optimistic concurrency (version 0: first time). */
export async function saveWorkProfile(db: Kysely<DB>, ctx: RequestContext, clientId: string, expectedVersion: number, input: WorkProfileInput) {
  if (input.doelgroepregister !== !!input.doelgroepregisterOn) {
    throw new AppError('validation_failed', 'A registration in the doelgroepregister has a date, and only then', { field: 'doelgroepregisterOn' });
  }
  if (!input.wswHistory && input.wswEndedOn) throw new AppError('validation_failed', 'An end date belongs to a former Wsw employment', { field: 'wswEndedOn' });
  return inActorTransaction(db, ctx, async (trx) => {
    const client = await loadWorkDossier(trx, ctx, clientId, 'write');
    const current = await findWorkProfile(trx, clientId);
    if ((current?.version ?? 0) !== expectedVersion) throw new AppError('precondition_failed', 'Someone else changed this since you read it', { currentVersion: current?.version ?? 0 });
    const saved = await saveWorkProfileIfVersion(
      trx,
      {
        client_id: clientId,
        organisation_id: ctx.actor.organisationId,
        updated_by: ctx.actor.userId,
        doelgroepregister: input.doelgroepregister,
        doelgroepregister_on: input.doelgroepregisterOn ?? null,
        wsw_history: input.wswHistory,
        wsw_ended_on: input.wswEndedOn ?? null,
      },
      expectedVersion,
    );
    if (!saved) throw new AppError('precondition_failed', 'Someone else changed this since you read it');
    const parts = [
      input.doelgroepregister ? `doelgroepregister sinds ${input.doelgroepregisterOn}` : 'niet in het doelgroepregister',
      ...(input.wswHistory ? [`eerder in de SW${input.wswEndedOn ? ` (tot ${input.wswEndedOn})` : ''}`] : []),
    ];
    await addTimelineEvent(trx, ctx, { clientId, kind: 'placement.work_profile', summary: `Werkgegevens: ${parts.join(', ')}`, subjectType: 'client', subjectId: clientId });
    await recordProcessing(trx, ctx, { operation: 'work-profile.update', activity: 'placement', dataSubjectIds: [client.bsn_pseudonym] });
    return { client, row: await findWorkProfile(trx, clientId) };
  });
}
