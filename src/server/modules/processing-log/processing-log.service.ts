import { createHmac } from 'node:crypto';
import type { Executor } from '../../db/database.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { findActivityId, insertLogRecords } from './processing-log.repository.ts';
import type { ProcessingActivityCode } from './processing-activities.ts';

/** The pseudonym under which a BSN appears in the processing log: HMAC-SHA256 with the configured key. */
export function pseudonymiseBsn(key: string, bsn: string): string {
  return createHmac('sha256', key).update(bsn).digest('hex');
}

const activityIdCache = new Map<string, string>();

/**
 * Writes one processing-log record per data subject, inside the caller's transaction so the
 * log and the processing stand or fall together. Refuses to run outside a transaction.
 */
export async function recordProcessing(
  trx: Executor,
  ctx: RequestContext,
  entry: { operation: string; activity: ProcessingActivityCode; dataSubjectIds: readonly string[]; status?: 'ok' | 'error' },
): Promise<void> {
  if (!trx.isTransaction) throw new Error('recordProcessing must run inside a transaction');
  if (entry.dataSubjectIds.length === 0) return;
  const cacheKey = `${ctx.actor.organisationId}:${entry.activity}`;
  let activityId = activityIdCache.get(cacheKey);
  if (!activityId) {
    activityId = await findActivityId(trx, ctx.actor.organisationId, entry.activity);
    if (!activityId) throw new Error(`Processing activity ${entry.activity} is not registered`);
    activityIdCache.set(cacheKey, activityId);
  }
  await insertLogRecords(
    trx,
    {
      organisation_id: ctx.actor.organisationId,
      trace_id: ctx.trace.traceId,
      span_id: ctx.trace.spanId,
      parent_span_id: ctx.trace.parentSpanId,
      operation: entry.operation,
      started_at: ctx.trace.startedAt,
      ended_at: new Date(),
      status: entry.status ?? 'ok',
      processing_activity_id: activityId,
      user_id: ctx.actor.userId,
    },
    [...new Set(entry.dataSubjectIds)],
  );
}

/**
 * The same record for processing that Meedoen does by itself (scheduled rules), with no acting
 * user: the log still names the operation, the activity and every data subject.
 */
export async function recordSystemProcessing(
  trx: Executor,
  organisationId: string,
  trace: RequestContext['trace'],
  entry: { operation: string; activity: ProcessingActivityCode; dataSubjectIds: readonly string[] },
): Promise<void> {
  if (!trx.isTransaction) throw new Error('recordSystemProcessing must run inside a transaction');
  if (entry.dataSubjectIds.length === 0) return;
  const activityId = await findActivityId(trx, organisationId, entry.activity);
  if (!activityId) throw new Error(`Processing activity ${entry.activity} is not registered`);
  await insertLogRecords(
    trx,
    {
      organisation_id: organisationId,
      trace_id: trace.traceId,
      span_id: trace.spanId,
      parent_span_id: trace.parentSpanId,
      operation: entry.operation,
      started_at: trace.startedAt,
      ended_at: new Date(),
      status: 'ok',
      processing_activity_id: activityId,
      user_id: null,
    },
    [...new Set(entry.dataSubjectIds)],
  );
}

/** Forgets cached activity ids (tests that recreate a database reuse organisation ids never, but be safe). */
export function clearActivityCache(): void {
  activityIdCache.clear();
}
