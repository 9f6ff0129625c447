import type { Executor } from '../../db/database.ts';
import type { Insertable } from 'kysely';
import type { ProcessingLogTable } from '../../db/schema.ts';

/** Looks up the id of a processing activity by its code within an organisation. */
export async function findActivityId(db: Executor, organisationId: string, code: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('processing_activities')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('code', '=', code)
    .executeTakeFirst();
  return row?.id;
}

/** Rows per INSERT: 13 parameters each stays well under PostgreSQL's 65,535-parameter limit. */
const LOG_BATCH = 4000;

export async function insertLogRecords(db: Executor, rows: Insertable<ProcessingLogTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += LOG_BATCH) {
    await db.insertInto('processing_log').values(rows.slice(i, i + LOG_BATCH)).execute();
  }
}

/** The log of one data subject, newest first, with activity and acting user resolved. */
export async function listLogForSubject(db: Executor, organisationId: string, dataSubjectId: string, limit: number) {
  return db
    .selectFrom('processing_log as l')
    .innerJoin('processing_activities as a', 'a.id', 'l.processing_activity_id')
    .leftJoin('users as u', 'u.id', 'l.user_id')
    .select([
      'l.id', 'l.trace_id', 'l.span_id', 'l.parent_span_id', 'l.operation', 'l.started_at', 'l.ended_at', 'l.status',
      'a.code as activity_code', 'a.name as activity_name', 'u.id as user_id', 'u.display_name as user_display_name',
    ])
    .where('l.organisation_id', '=', organisationId)
    .where('l.data_subject_id', '=', dataSubjectId)
    .orderBy('l.started_at', 'desc')
    .orderBy('l.id', 'desc')
    .limit(limit)
    .execute();
}

export type LogEntryRow = Awaited<ReturnType<typeof listLogForSubject>>[number];

export async function listActivities(db: Executor, organisationId: string) {
  return db.selectFrom('processing_activities').selectAll().where('organisation_id', '=', organisationId).orderBy('code').execute();
}
