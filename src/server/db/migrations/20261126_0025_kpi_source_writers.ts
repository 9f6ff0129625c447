import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/** The advisory lock a transaction that writes a table the KPI figures read holds until it ends (shared). */
export const KPI_SOURCE_LOCK = 20_261_126_023;

/**
 * A stored KPI figure (0023) is current while kpi_source_version stands where it stood before the
 * figure was computed. The statement trigger moved the version when the statement ran, not when
 * its transaction committed: a figure computed in between read the new version but not the
 * uncommitted rows, and was stored as current without them (an import's batch, a write followed
 * by its processing-log and facts statements). Now the trigger also takes a shared advisory lock
 * that lasts until the writing transaction ends. Before computing, the version is read and then an
 * exclusive try of the same lock is made: it fails while any writer of a source table is still
 * open, and the figures are then stored as not current. Writers take the lock shared, so they
 * never wait for each other; the try never waits.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    /* sql */ `
    create or replace function meedoen_kpi_source_changed() returns trigger
      language plpgsql security definer set search_path = public as $$
    begin
      perform pg_advisory_xact_lock_shared(${KPI_SOURCE_LOCK});
      perform nextval('kpi_source_version');
      return null;
    end $$;
  `,
  );
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
