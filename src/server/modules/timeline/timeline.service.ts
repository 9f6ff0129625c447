import type { TimelineKind } from '../../../shared/timeline.ts';
import { inActorTransaction } from '../../authz/boundary.ts';
import type { Kysely } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { clientPolicy } from '../clients/clients.policy.ts';
import { loadClientRefForAction } from '../clients/clients.service.ts';
import { recordProcessing } from '../processing-log/processing-log.service.ts';
import { insertTimelineEvents, listTimeline } from './timeline.repository.ts';

/**
 * Appends an event to a client's timeline, in the caller's transaction. Every module that
 * changes something about a client calls this, so the timeline is complete by construction.
 */
export async function addTimelineEvent(
  trx: Executor,
  ctx: RequestContext,
  event: { clientId: string; kind: TimelineKind; summary: string; confidential?: boolean; subjectType?: string; subjectId?: string; occurredAt?: Date },
): Promise<void> {
  if (!trx.isTransaction) throw new Error('addTimelineEvent must run inside a transaction');
  await insertTimelineEvents(trx, [
    {
      organisation_id: ctx.actor.organisationId,
      client_id: event.clientId,
      occurred_at: event.occurredAt ?? new Date(),
      kind: event.kind,
      summary: event.summary,
      confidential: event.confidential ?? false,
      actor_id: ctx.actor.userId,
      subject_type: event.subjectType ?? null,
      subject_id: event.subjectId ?? null,
    },
  ]);
}

/** A page of a client's timeline; confidential events only for those who may read confidential notes. */
export async function readTimeline(db: Kysely<DB>, ctx: RequestContext, clientId: string, page: { limit: number; before?: number }) {
  return inActorTransaction(db, ctx, async (trx) => {
    const client = await loadClientRefForAction(trx, ctx, clientId, 'readTimeline');
    const rows = await listTimeline(trx, client.id, { limit: page.limit + 1, before: page.before, includeConfidential: clientPolicy.readConfidential(ctx.actor, client) });
    await recordProcessing(trx, ctx, { operation: 'timeline.read', activity: 'client-dossier', dataSubjectIds: [client.bsn_pseudonym] });
    return { rows: rows.slice(0, page.limit), hasMore: rows.length > page.limit };
  });
}
