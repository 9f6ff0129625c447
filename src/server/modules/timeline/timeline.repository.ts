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

/**
 * A page of a client's timeline, newest first by when it happened (a contact or measurement
 * recorded later for an earlier date takes its place in time), ties in the order written.
 * `before` is the id of the last event already shown: the page continues below that event's
 * (occurred_at, id). Both are read through timeline_events_client_idx (client_id, occurred_at
 * desc, id desc, migration 0002), the cursor as an index condition: an index read at any depth.
 */
export async function listTimeline(db: Executor, clientId: string, options: { limit: number; before?: number; includeConfidential: boolean }) {
  let query = db
    .selectFrom('timeline_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    // What the page shows and nothing more: whether an event is confidential is decided above,
    // and its subject is not shown (fewer columns to send and parse on every dossier visit).
    .select(['e.id', 'e.occurred_at', 'e.kind', 'e.summary', 'u.id as actor_id', 'u.display_name as actor_name'])
    .where('e.client_id', '=', clientId);
  if (!options.includeConfidential) query = query.where('e.confidential', '=', false);
  if (options.before !== undefined) {
    // The cursor event's own time, looked up once (an init plan), so the row comparison stays
    // an index condition; it must be this client's event, or the page is empty.
    const cursorTime = db
      .selectFrom('timeline_events as c')
      .select('c.occurred_at')
      .where('c.id', '=', options.before)
      .where('c.client_id', '=', clientId);
    query = query.where((eb) => eb(eb.refTuple('e.occurred_at', 'e.id'), '<', eb.tuple(cursorTime, options.before!)));
  }
  return query.orderBy('e.occurred_at', 'desc').orderBy('e.id', 'desc').limit(options.limit).execute();
}

export type TimelineRow = Awaited<ReturnType<typeof listTimeline>>[number];
