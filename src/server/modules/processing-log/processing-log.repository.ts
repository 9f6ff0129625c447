import type { Executor } from '../../db/database.ts';
import { sql, type Insertable } from 'kysely';
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

/** The fields one operation shares across all the data subjects it touched. */
export type LogRecordCommon = Omit<Insertable<ProcessingLogTable>, 'data_subject_id' | 'data_subject_id_type'>;

/**
 * One record per data subject for one operation. Every request that shows clients writes these,
 * so the subjects travel as one array parameter and unnest() makes the rows: one parse and plan
 * instead of a VALUES list of thirteen parameters per row (half the time at 50 subjects). In
 * subject order, so a large batch (a statistical export logs every client in it) fills the subject
 * index leaf by leaf instead of at random: 357,000 rows took 6.2 s instead of 9.6 s.
 */
export async function insertLogRecords(db: Executor, common: LogRecordCommon, dataSubjectIds: readonly string[]): Promise<void> {
  if (dataSubjectIds.length === 0) return;
  await sql`
    insert into processing_log (organisation_id, trace_id, span_id, parent_span_id, operation, started_at, ended_at, status,
      processing_activity_id, data_subject_id, user_id)
    select ${common.organisation_id}::uuid, ${common.trace_id}, ${common.span_id}, ${common.parent_span_id ?? null}, ${common.operation},
      ${common.started_at}::timestamptz, ${common.ended_at}::timestamptz, ${common.status}, ${common.processing_activity_id}::uuid,
      subject, ${common.user_id ?? null}::uuid
    from unnest(${[...dataSubjectIds]}::text[]) as subject
    order by subject`.execute(db);
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
