import type { LogEntryRow } from './processing-log.repository.ts';

/** A processing-log record as the API shows it; the data-subject pseudonym itself is not repeated. */
export function presentLogEntry(row: LogEntryRow) {
  return {
    id: String(row.id),
    traceId: row.trace_id,
    spanId: row.span_id,
    parentSpanId: row.parent_span_id,
    operation: row.operation,
    startedAt: row.started_at.toISOString(),
    endedAt: row.ended_at.toISOString(),
    status: row.status,
    activity: { code: row.activity_code, name: row.activity_name },
    user: row.user_id && row.user_display_name ? { id: row.user_id, displayName: row.user_display_name } : null,
  };
}
