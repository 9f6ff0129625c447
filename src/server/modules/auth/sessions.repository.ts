import { compiledLookup, type Executor } from '../../db/database.ts';

export async function insertSession(
  db: Executor,
  row: { id: string; organisation_id: string; user_id: string; csrf_token: string; expires_at: Date },
): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

const sessionWithUser = compiledLookup((db, sessionId) =>
  db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select([
      's.id as session_id', 's.csrf_token', 's.last_seen_at', 's.expires_at',
      'u.id as user_id', 'u.organisation_id', 'u.role', 'u.display_name', 'u.email', 'u.team_id',
      'u.external_organisation_id', 'u.client_id', 'u.disabled_at', 'o.coach_client_scope',
    ])
    .where('s.id', '=', sessionId),
);

/** A session with everything needed to build the Actor, in one query (this runs on every request, hence compiled once). */
export async function findSessionWithUser(db: Executor, sessionId: string) {
  return (await sessionWithUser(db, sessionId))[0];
}

export async function touchSession(db: Executor, sessionId: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', sessionId).execute();
}

export async function deleteSession(db: Executor, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteSessionsOfUser(db: Executor, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
