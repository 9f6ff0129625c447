/**
 * Precomputed KPI figures (docs/kpi.md, "Vooraf berekende cijfers"). The organisation-wide
 * figures of a period and set of filters (a policy officer's dashboard, an agreement evaluation,
 * a council report) are computed once and kept with the source version they saw; as long as no
 * table a figure reads has been written since, the stored figure is the figure, and reading it
 * costs milliseconds instead of seconds.
 *
 * - Exact figures are stored; suppression stays per caller, after this.
 * - The organisation's scope and a provider's are stored (both are shown with suppression, and
 *   protected together with their municipality breakdown). A team's is computed live: smaller,
 *   shown exactly, and a team lead drills into it.
 * - The dashboard may accept a figure that is at most `maxStalenessSeconds` old while a newer one
 *   is computed in the background (stale-while-revalidate), and then says so; with 0 only current
 *   figures are served, and what is not current is computed before answering.
 * - The scheduled job (with the hourly task rules) recomputes what was read in the last week and
 *   is no longer current, and this year's figures for the organisation and each municipality, so
 *   the first dashboard of the day finds its figures ready.
 */
import type { Kysely } from 'kysely';
import { todayIso } from '../../../../shared/dates.ts';
import { parsePeriod } from '../../../../shared/kpi.ts';
import type { Executor } from '../../../db/database.ts';
import type { DB } from '../../../db/schema.ts';
import { listMunicipalities } from '../../municipalities/municipalities.repository.ts';
import { listOrganisationIds } from '../../organisations/organisations.repository.ts';
import type { KpiDefinition, KpiFilter, KpiQuery, RawKpiFigure } from '../kpi-definition.ts';
import { KPI_DEFINITIONS } from '../kpi-registry.ts';
import { currentSourceVersion, deleteAllSnapshots, deleteUnreadSnapshots, findSnapshots, listQueriesToRefresh, saveSnapshots, sourceState, touchSnapshots, type SnapshotRow } from './kpi-snapshots.repository.ts';

/** How old a figure the caller accepts when it is no longer current (0: current figures only). */
export type SnapshotPolicy = { maxStalenessSeconds: number };
export const CURRENT_FIGURES_ONLY: SnapshotPolicy = { maxStalenessSeconds: 0 };

/** When the figures were computed, and whether the data has changed since. */
export type KpiFreshness = { computedAt: Date; upToDate: boolean };

/** A query's figures that nobody read for this long are dropped and no longer refreshed. */
const KEEP_UNREAD_DAYS = 7;
/** A snapshot older than this is recomputed by the job even when its version still matches. */
const MAX_AGE_SECONDS = 3600;
/** last_read_at is written at most this often per query. */
const TOUCH_INTERVAL_SECONDS = 600;

/** The scopes whose figures are stored: the organisation's, and a provider's (a provider coach's, protected like a policy officer's). */
type StoredScope = Extract<KpiQuery['scope'], { kind: 'organisation' | 'provider' }>;

/** The stored query: scope, period and filters, in a fixed order (the organisation is its own column). */
export function snapshotQueryKey(query: Pick<KpiQuery, 'period' | 'filter'> & { scope: StoredScope }): string {
  const f = query.filter;
  return JSON.stringify({
    ...(query.scope.kind === 'provider' ? { scopeProviderId: query.scope.providerId } : {}),
    period: query.period.key,
    municipalityId: f.municipalityId ?? null,
    route: f.route ?? null,
    group: f.group ?? null,
    providerId: f.providerId ?? null,
  });
}

function queryFromKey(organisationId: string, key: string, today: string): KpiQuery {
  const stored = JSON.parse(key) as { period: string; scopeProviderId?: string } & { [K in keyof KpiFilter]: KpiFilter[K] | null };
  const filter: KpiFilter = {
    ...(stored.municipalityId ? { municipalityId: stored.municipalityId } : {}),
    ...(stored.route ? { route: stored.route } : {}),
    ...(stored.group ? { group: stored.group } : {}),
    ...(stored.providerId ? { providerId: stored.providerId } : {}),
  };
  const scope: StoredScope = stored.scopeProviderId ? { kind: 'provider', organisationId, providerId: stored.scopeProviderId } : { kind: 'organisation', organisationId };
  return { scope, period: parsePeriod(stored.period), filter, today };
}

async function computeLive(db: Executor, query: KpiQuery, definitions: readonly KpiDefinition[]): Promise<RawKpiFigure[]> {
  return Promise.all(definitions.map((d) => d.compute(db, query)));
}

/**
 * Computes the figures and stores them with the version read before the computation began, or as
 * not current when a writer of the source tables was still open then (its rows may be missing).
 */
async function computeAndStore(db: Kysely<DB>, query: KpiQuery & { scope: StoredScope }, definitions: readonly KpiDefinition[], read: boolean): Promise<RawKpiFigure[]> {
  const computedAt = new Date();
  const { version, settled } = await sourceState(db);
  const figures = await computeLive(db, query, definitions);
  await saveSnapshots(db, {
    organisationId: query.scope.organisationId,
    queryKey: snapshotQueryKey(query),
    computedFor: query.today,
    sourceVersion: settled ? version : NOT_CURRENT,
    computedAt,
    read,
    figures: figures.map((figure, i) => ({ key: definitions[i]!.key, figure })),
  });
  return figures;
}

/** The version stored for figures computed while a writer was open: the sequence never stands there. */
const NOT_CURRENT = '-1';

/** One computation per query and set of figures at a time, per process: a request and the background share it. */
const computing = new Map<string, Promise<RawKpiFigure[]>>();

function computeOnce(db: Kysely<DB>, query: KpiQuery & { scope: StoredScope }, definitions: readonly KpiDefinition[], read: boolean): Promise<RawKpiFigure[]> {
  const key = `${query.scope.organisationId} ${query.today} ${snapshotQueryKey(query)} ${definitions.map((d) => d.key).join(',')}`;
  const running = computing.get(key);
  if (running) return running;
  const run = computeAndStore(db, query, definitions, read).finally(() => computing.delete(key));
  computing.set(key, run);
  return run;
}

/** Recomputes every figure of a stored query, unless that is already under way. */
function refreshInBackground(db: Kysely<DB>, query: KpiQuery & { scope: StoredScope }): Promise<void> {
  return computeOnce(db, query, KPI_DEFINITIONS, false).then(() => undefined);
}

type Usable = { row: SnapshotRow; current: boolean };

function usable(row: SnapshotRow | undefined, query: KpiQuery, sourceVersion: string, policy: SnapshotPolicy, now: number): Usable | null {
  if (!row || row.computed_for !== query.today) return null;
  if (row.source_version === sourceVersion) return { row, current: true };
  const ageSeconds = (now - row.computed_at.getTime()) / 1000;
  return ageSeconds <= policy.maxStalenessSeconds ? { row, current: false } : null;
}

/**
 * The figures of `definitions` for the query, in their order, with when they were computed. For
 * the organisation's or a provider's scope from the stored figures where the policy allows,
 * computing (and storing) the rest; for a team's always live.
 */
export async function figuresWithSnapshots(
  db: Kysely<DB>,
  query: KpiQuery,
  definitions: readonly KpiDefinition[],
  policy: SnapshotPolicy,
): Promise<{ figures: RawKpiFigure[]; freshness: KpiFreshness }> {
  const scope = query.scope;
  if (scope.kind === 'team') {
    return { figures: await computeLive(db, query, definitions), freshness: { computedAt: new Date(), upToDate: true } };
  }
  const organisationId = scope.organisationId;
  const queryKey = snapshotQueryKey({ ...query, scope });
  const [sourceVersion, rows] = await Promise.all([currentSourceVersion(db), findSnapshots(db, organisationId, queryKey, definitions.map((d) => d.key))]);
  const now = Date.now();
  const found = definitions.map((d) => usable(rows.find((r) => r.figure_key === d.key), query, sourceVersion, policy, now));
  const missing = definitions.filter((_, i) => !found[i]);
  const computed = missing.length > 0 ? await computeOnce(db, { ...query, scope }, missing, true) : [];
  const computedAt = new Date();
  let next = 0;
  const figures = definitions.map((_, i) => found[i]?.row.figure ?? computed[next++]!);
  const served = found.filter((f): f is Usable => f !== null);
  const upToDate = served.every((f) => f.current);
  if (!upToDate) {
    // Served older figures under the policy: compute newer ones now, for the next reader. A failure
    // here costs nothing but that: the next read finds the old figures past its window and computes.
    void refreshInBackground(db, { ...query, scope }).catch(() => undefined);
  }
  if (served.length > 0) await touchSnapshots(db, organisationId, queryKey, TOUCH_INTERVAL_SECONDS);
  const oldest = served.reduce((min, f) => (f.row.computed_at < min ? f.row.computed_at : min), computedAt);
  return { figures, freshness: { computedAt: oldest, upToDate } };
}

export type SnapshotRefreshResult = { refreshed: number; dropped: number; failures: Array<{ queryKey: string; error: string }> };

/**
 * The scheduled job: recomputes the queries read in the last week that are no longer current,
 * and each organisation's current year without filters (the dashboard's first view), then drops
 * what nobody read for a week. One query at a time, so it never takes more than one connection's
 * worth of the database from the people working.
 */
export async function refreshKpiSnapshots(db: Kysely<DB>, today: string = todayIso()): Promise<SnapshotRefreshResult> {
  const now = Date.now();
  const failures: SnapshotRefreshResult['failures'] = [];
  const sourceVersion = await currentSourceVersion(db);
  const stale = await listQueriesToRefresh(db, { sourceVersion, today, readSince: new Date(now - KEEP_UNREAD_DAYS * 86_400_000), maxAgeSeconds: MAX_AGE_SECONDS });
  const queries = stale.map((s) => queryFromKey(s.organisation_id, s.query_key, today) as KpiQuery & { scope: StoredScope });
  for (const organisationId of await listOrganisationIds(db)) {
    // This year for the whole organisation and for each municipality: a policy officer's first
    // dashboard needs them all, since its figures are protected together with their breakdown.
    const municipalities = await listMunicipalities(db, organisationId);
    for (const filter of [{}, ...municipalities.map((m) => ({ municipalityId: m.id }))]) {
      const standard: KpiQuery & { scope: StoredScope } = { scope: { kind: 'organisation', organisationId }, period: parsePeriod(today.slice(0, 4)), filter, today };
      const rows = await findSnapshots(db, organisationId, snapshotQueryKey(standard), KPI_DEFINITIONS.map((d) => d.key));
      const current = rows.length === KPI_DEFINITIONS.length && rows.every((r) => usable(r, standard, sourceVersion, CURRENT_FIGURES_ONLY, now));
      if (!current && !queries.some((q) => q.scope.organisationId === organisationId && snapshotQueryKey(q) === snapshotQueryKey(standard))) queries.push(standard);
    }
  }
  let refreshed = 0;
  for (const query of queries) {
    // One query failing (a statement timeout, a bug in one figure) must not stop the others.
    try {
      await refreshInBackground(db, query);
      refreshed++;
    } catch (err) {
      failures.push({ queryKey: snapshotQueryKey(query), error: err instanceof Error ? err.message : String(err) });
    }
  }
  const dropped = await deleteUnreadSnapshots(db, new Date(now - KEEP_UNREAD_DAYS * 86_400_000));
  return { refreshed, dropped, failures };
}

/**
 * At start-up: every stored figure is dropped. The code that computed them may have changed (a
 * figure, its equations); the scheduled job prepares this year's again at once.
 */
export async function resetKpiSnapshots(db: Kysely<DB>): Promise<void> {
  await deleteAllSnapshots(db);
}
