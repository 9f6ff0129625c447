import type { Executor } from '../../db/database.ts';
import type { RequestContext } from '../../http/request-context.ts';

/**
 * Records an administrative change (who changed which user, team, municipality) in the same
 * transaction as the change. Refuses to run outside a transaction.
 */
export async function recordAuditEvent(
  trx: Executor,
  ctx: RequestContext,
  event: { action: string; subjectType: string; subjectId: string; details?: Record<string, unknown> },
): Promise<void> {
  if (!trx.isTransaction) throw new Error('recordAuditEvent must run inside a transaction');
  await trx
    .insertInto('audit_events')
    .values({
      organisation_id: ctx.actor.organisationId,
      actor_user_id: ctx.actor.userId,
      action: event.action,
      subject_type: event.subjectType,
      subject_id: event.subjectId,
      details: JSON.stringify(event.details ?? {}),
    })
    .execute();
}
