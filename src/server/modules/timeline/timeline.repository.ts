import type { Executor } from '../../db/database.ts';

export type NewTimelineEvent = {
  organisation_id: string;
  client_id: string;
  occurred_at: Date;
  kind: string;
  summary: string;
  confidential?: boolean;
  actor_id: string | null;
  subject_type?: string | null;
  subject_id?: string | null;
};

export async function insertTimelineEvents(db: Executor, rows: NewTimelineEvent[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('timeline_events').values(rows).execute();
}

/** A page of a client's timeline, newest first; `before` is the id of the last event already shown. */
export async function listTimeline(db: Executor, clientId: string, options: { limit: number; before?: number; includeConfidential: boolean }) {
  let query = db
    .selectFrom('timeline_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select(['e.id', 'e.occurred_at', 'e.kind', 'e.summary', 'e.confidential', 'e.subject_type', 'e.subject_id', 'u.id as actor_id', 'u.display_name as actor_name'])
    .where('e.client_id', '=', clientId);
  if (!options.includeConfidential) query = query.where('e.confidential', '=', false);
  if (options.before !== undefined) query = query.where('e.id', '<', options.before);
  return query.orderBy('e.id', 'desc').limit(options.limit).execute();
}

export type TimelineRow = Awaited<ReturnType<typeof listTimeline>>[number];
