import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/**
 * Modules and projects get a version, like every other record that is edited, so their PATCH
 * requires If-Match (428 without, 412 when stale) and one administrator's change is never
 * silently overwritten by another's older form.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, /* sql */ `
    alter table modules add column version integer not null default 1;
    alter table projects add column version integer not null default 1;
  `);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
