import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Executor } from './database.ts';
import type { DB } from './schema.ts';

/** Tables whose rows carry an id, a version and updated_at (issue 5; performance agreements of issue 6). */
type VersionedTable = 'employers' | 'placements' | 'beschut_werk_applications' | 'performance_agreements';
/** Tables of issue 5 with one versioned row per client, keyed by client_id. */
type PerClientTable = 'client_work_profiles' | 'school_records';

// Kysely cannot resolve columns over a union of table names, so the query is typed against one
// member of the union; the caller's `changes` are still checked against its own table.
type One<T extends keyof DB> = Kysely<Pick<DB, T>>;

/**
 * Optimistic concurrency for a versioned row: changes it only if it still has the version the
 * caller read, and bumps the version. Returns whether it did.
 */
export async function updateIfVersion<T extends VersionedTable>(db: Executor, table: T, id: string, expectedVersion: number, changes: Updateable<DB[T]>): Promise<boolean> {
  const result = await (db as unknown as One<'placements'>)
    .updateTable(table as 'placements')
    .set((eb) => ({ ...(changes as Updateable<DB['placements']>), version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returning('id')
    .execute();
  return result.length === 1;
}

/**
 * Writes a client's one row (work profile, school record) if it still has the version the caller
 * read; version 0 means none yet, and a concurrent first write loses on the key and counts as stale.
 */
export async function saveClientRowIfVersion<T extends PerClientTable>(db: Executor, table: T, row: Insertable<DB[T]> & { client_id: string }, expectedVersion: number): Promise<boolean> {
  const typed = db as unknown as One<'school_records'>;
  const values = row as unknown as Insertable<DB['school_records']>;
  if (expectedVersion === 0) {
    const inserted = await typed.insertInto(table as 'school_records').values(values).onConflict((oc) => oc.column('client_id').doNothing()).returning('client_id').execute();
    return inserted.length === 1;
  }
  const { client_id, organisation_id: _organisation, ...changes } = values;
  const result = await typed
    .updateTable(table as 'school_records')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('client_id', '=', client_id)
    .where('version', '=', expectedVersion)
    .returning('client_id')
    .execute();
  return result.length === 1;
}
