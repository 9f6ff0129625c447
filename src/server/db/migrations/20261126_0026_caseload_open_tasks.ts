import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/**
 * The caseload counts each client's open tasks and, of those, the overdue ones (one lateral read
 * per client). On tasks_client_idx (client_id) the overdue count had to visit the heap for due_on;
 * with due_on in the key both counts are one index-only read, and a client's open tasks in due
 * order (the dossier's task list) come straight from the index. It replaces tasks_client_idx:
 * every query that used it has client_id and status 'open', so one index is kept up, not two.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, /* sql */ `
    create index tasks_open_client_due_idx on tasks (client_id, due_on) where status = 'open';
    drop index tasks_client_idx;
  `);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
