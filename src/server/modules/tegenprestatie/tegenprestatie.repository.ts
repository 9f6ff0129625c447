import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { TegenprestatieDecisionsTable } from '../../db/schema.ts';

export async function insertDecision(db: Executor, row: Insertable<TegenprestatieDecisionsTable>) {
  return db.insertInto('tegenprestatie_decisions').values(row).returning('id').executeTakeFirstOrThrow();
}

/** A client's decisions, newest first, with who recorded them. */
export async function listDecisions(db: Executor, clientId: string) {
  return db
    .selectFrom('tegenprestatie_decisions as d')
    .leftJoin('users as u', 'u.id', 'd.decided_by')
    .selectAll('d')
    .select(['u.display_name as decided_by_name'])
    .where('d.client_id', '=', clientId)
    .orderBy('d.decided_on', 'desc')
    .orderBy('d.created_at', 'desc')
    .execute();
}

export type DecisionRow = Awaited<ReturnType<typeof listDecisions>>[number];
