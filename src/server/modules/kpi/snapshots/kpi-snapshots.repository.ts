/**
 * SQL of the precomputed KPI figures (migration 0023): the snapshots and the source version that
 * tells whether one is still current.
 */
import { sql, type Kysely } from 'kysely';
import type { Executor } from '../../../db/database.ts';
import { KPI_SOURCE_LOCK } from '../../../db/migrations/20261126_0025_kpi_source_writers.ts';
import type { DB } from '../../../db/schema.ts';
import type { RawKpiFigure } from '../kpi-definition.ts';

export type SnapshotRow = {
  figure_key: string;
  computed_for: string;
  source_version: string;
  computed_at: Date;
  last_read_at: Date;
  figure: RawKpiFigure;
};

/**
 * Where kpi_source_version stands: 0 before its first nextval (last_value is then already 1,
 * with is_called false, and would equal the value after the first write).
 */
export async function currentSourceVersion(db: Executor): Promise<string> {
  const { rows } = await sql<{ v: string }>`select (case when is_called then last_value else 0 end)::text as v from kpi_source_version`.execute(db);
  return rows[0]!.v;
}

/**
 * The version, and whether it is settled: no transaction that wrote a table the figures read is
 * still open (migration 0025: each holds a shared advisory lock until it ends, and an exclusive
 * try of it fails while one does). Read in this order, so a writer counted in the version is
 * either committed (its rows visible to what is computed next) or seen as open.
 */
export async function sourceState(db: Kysely<DB>): Promise<{ version: string; settled: boolean }> {
  return db.transaction().execute(async (trx) => {
    const version = await currentSourceVersion(trx);
    const { rows } = await sql<{ free: boolean }>`select pg_try_advisory_xact_lock(${KPI_SOURCE_LOCK}::bigint) as free`.execute(trx);
    return { version, settled: rows[0]!.free };
  });
}

/** Every stored figure: dropped at start-up, since the code that computed them may have changed. */
export async function deleteAllSnapshots(db: Executor): Promise<void> {
  await sql`delete from kpi_snapshots`.execute(db);
}

/** The stored figures of one query. */
export async function findSnapshots(db: Executor, organisationId: string, queryKey: string, figureKeys: readonly string[]): Promise<SnapshotRow[]> {
  if (figureKeys.length === 0) return [];
  const { rows } = await sql<Omit<SnapshotRow, 'figure'> & { figure: RawKpiFigure | string }>`
    select figure_key, computed_for::text as computed_for, source_version::text as source_version, computed_at, last_read_at, figure
    from kpi_snapshots
    where organisation_id = ${organisationId}::uuid and query_key = ${queryKey} and figure_key in (${sql.join(figureKeys)})`.execute(db);
  // node-postgres and PGlite both parse jsonb; a driver that does not hands over the text.
  return rows.map((r) => ({ ...r, computed_at: new Date(r.computed_at), last_read_at: new Date(r.last_read_at), figure: typeof r.figure === 'string' ? (JSON.parse(r.figure) as RawKpiFigure) : r.figure }));
}

/**
 * Stores figures computed for `computedFor` from the data at `sourceVersion` (read before the
 * computation began; -1 when writers were still open, so never current). A snapshot from a later
 * day or computation is never overwritten by an older one that finished after it.
 */
export async function saveSnapshots(
  db: Executor,
  input: {
    organisationId: string;
    queryKey: string;
    computedFor: string;
    sourceVersion: string;
    /** When the computation began (its data is of that moment or later). */
    computedAt: Date;
    /** Computed for someone who asked (a read), not by the scheduled job. */
    read: boolean;
    figures: ReadonlyArray<{ key: string; figure: RawKpiFigure }>;
  },
): Promise<void> {
  if (input.figures.length === 0) return;
  const values = input.figures.map(
    (f) => sql`(${input.organisationId}::uuid, ${input.queryKey}, ${f.key}, ${input.computedFor}::date, ${input.sourceVersion}::bigint, ${input.computedAt}::timestamptz, now(), ${JSON.stringify(f.figure)}::jsonb)`,
  );
  await sql`
    insert into kpi_snapshots (organisation_id, query_key, figure_key, computed_for, source_version, computed_at, last_read_at, figure)
    values ${sql.join(values)}
    on conflict (organisation_id, query_key, figure_key) do update
      set computed_for = excluded.computed_for, source_version = excluded.source_version, computed_at = excluded.computed_at, figure = excluded.figure
        ${input.read ? sql`, last_read_at = excluded.last_read_at` : sql``}
      where (kpi_snapshots.computed_for, kpi_snapshots.computed_at) <= (excluded.computed_for, excluded.computed_at)`.execute(db);
}

/** Marks a query's figures as read now, at most once per interval (a read should not write every time). */
export async function touchSnapshots(db: Executor, organisationId: string, queryKey: string, intervalSeconds: number): Promise<void> {
  await sql`
    update kpi_snapshots set last_read_at = now()
    where organisation_id = ${organisationId}::uuid and query_key = ${queryKey}
      and last_read_at < now() - make_interval(secs => ${intervalSeconds})`.execute(db);
}

/**
 * The queries read since `readSince` whose figures are no longer current: the data changed since,
 * they were computed for another day, or they are older than `maxAgeSeconds` (a write whose
 * transaction was still open while the figures were computed moved the version before the
 * computation read it; this bounds how long such a snapshot can stay).
 */
export async function listQueriesToRefresh(
  db: Executor,
  input: { sourceVersion: string; today: string; readSince: Date; maxAgeSeconds: number },
): Promise<{ organisation_id: string; query_key: string }[]> {
  const { rows } = await sql<{ organisation_id: string; query_key: string }>`
    select distinct organisation_id, query_key from kpi_snapshots
    where last_read_at >= ${input.readSince}
      and (source_version <> ${input.sourceVersion}::bigint or computed_for <> ${input.today}::date
        or computed_at < now() - make_interval(secs => ${input.maxAgeSeconds}))
    order by organisation_id, query_key`.execute(db);
  return rows;
}

/** Drops the figures of queries nobody read since `before`. */
export async function deleteUnreadSnapshots(db: Executor, before: Date): Promise<number> {
  // Counted from RETURNING: PGlite's driver reports no affected rows for a raw statement.
  const { rows } = await sql`delete from kpi_snapshots where last_read_at < ${before} returning 1`.execute(db);
  return rows.length;
}
