import { sql, type Kysely } from 'kysely';
import { todayIso } from '../../shared/dates.ts';
import { parsePeriod } from '../../shared/kpi.ts';
import type { DB } from '../db/schema.ts';
import { DEMO_ACCOUNTS } from '../modules/demo/demo-accounts.ts';
import type { KpiQuery } from '../modules/kpi/kpi-definition.ts';
import { KPI_DEFINITIONS } from '../modules/kpi/kpi-registry.ts';
import { timeConcurrent, timeSequential, type Figures } from './measure.ts';
import type { BenchContext, Scenario } from './scenarios.ts';

/** The year the KPI scenarios ask for: a whole, finished year with history before and after it. */
export const KPI_BENCH_PERIOD = '2025';
/**
 * A council report or a dashboard is asked for by a few people at a time, not fifty: the KPI
 * scenarios run at these connection counts, whatever --connections says.
 */
export const KPI_CONNECTIONS = [1, 4] as const;
/** Runs of each figure on its own (server-side, no HTTP) in the per-figure table. */
const PER_FIGURE_RUNS = 5;

const SEQ_SCAN_LABEL = 'seq-scan-measurements: select count(*) from ladder_measurements, same connections, same run';

/**
 * The floor of the KPI scenarios (issue 6: within 3× of it): a bare sequential scan of the ladder
 * measurements on the same database, timed with the same loop at the same concurrency.
 */
export function seqScanMeasurements(ctx: BenchContext, connections: number): Promise<Figures> {
  return timeConcurrent(connections, ctx.durationSeconds, () => sql`select count(*) from ladder_measurements`.execute(ctx.db));
}

/** The municipality with the most clients: the heaviest municipality-year. */
async function largestMunicipality(db: Kysely<DB>): Promise<{ id: string; organisationId: string }> {
  return db
    .selectFrom('clients')
    .select(['municipality_id as id', 'organisation_id as organisationId'])
    .groupBy(['municipality_id', 'organisation_id'])
    .orderBy((eb) => eb.fn.countAll(), 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
}

/** The figures' queries the scenarios measure: the largest municipality's year and the whole organisation's. */
export async function kpiBenchQueries(db: Kysely<DB>): Promise<{ scope: 'municipality' | 'organisation'; query: KpiQuery }[]> {
  const municipality = await largestMunicipality(db);
  return [
    { scope: 'municipality', query: kpiQuery(municipality.organisationId, municipality.id) },
    { scope: 'organisation', query: kpiQuery(municipality.organisationId) },
  ];
}

/** GETs `path` with the session; a failed response fails the run (a fast error is no figure). */
async function getOk(ctx: BenchContext, cookie: string, path: string): Promise<void> {
  const res = await fetch(`${ctx.appUrl}${path}`, { headers: { cookie } });
  const body = await res.text();
  if (!res.ok) throw new Error(`bench: GET ${path} answered ${res.status}: ${body.slice(0, 300)}`);
}

function kpiQuery(organisationId: string, municipalityId?: string): KpiQuery {
  return {
    scope: { kind: 'organisation', organisationId },
    period: parsePeriod(KPI_BENCH_PERIOD),
    filter: municipalityId ? { municipalityId } : {},
    today: todayIso(),
  };
}

const SCOPES = [
  { name: 'kpi-municipality-year', municipality: true, what: `the largest municipality, ${KPI_BENCH_PERIOD}` },
  { name: 'kpi-organisation-year', municipality: false, what: `all municipalities, ${KPI_BENCH_PERIOD}` },
] as const;

/**
 * The KPI set over HTTP as a policy officer, per scope and connection count, against the seq-scan
 * floor. The first GET computes the figures and stores them (kpi_snapshots); nothing is written
 * during the run, so every timed GET is served from them, as a dashboard is while the data has not
 * changed. The live computation, what a GET costs after a write, is kpi-live-*.
 */
const httpScenarios: Scenario[] = SCOPES.flatMap((scope) =>
  KPI_CONNECTIONS.map((connections) => ({
    name: connections === 1 ? scope.name : `${scope.name}-c${connections}`,
    description: `GET /api/kpi (every figure, precomputed, suppressed for a policy officer) for ${scope.what}, ${connections} connection(s)`,
    async run(ctx: BenchContext) {
      const municipality = await largestMunicipality(ctx.db);
      const { cookie } = await ctx.login(DEMO_ACCOUNTS.policy_officer.email);
      const path = `/api/kpi?period=${KPI_BENCH_PERIOD}${scope.municipality ? `&municipalityId=${municipality.id}` : ''}`;
      await getOk(ctx, cookie, path);
      const figures = await timeConcurrent(connections, ctx.durationSeconds, () => getOk(ctx, cookie, path));
      return { figures, floor: await seqScanMeasurements(ctx, connections), floorLabel: SEQ_SCAN_LABEL };
    },
  })),
);

/**
 * The whole set computed live (no HTTP, no suppression, no stored figures), concurrently as the
 * engine runs it when the stored figures are not current: what the first dashboard after a write
 * waits for (or, within the staleness window, what the background refresh costs).
 */
const liveScenarios: Scenario[] = SCOPES.map((scope) => ({
  name: scope.name.replace('kpi-', 'kpi-live-'),
  description: `every figure's compute() server-side, concurrently, for ${scope.what}: the computation behind a stored figure`,
  async run(ctx: BenchContext) {
    const { query } = (await kpiBenchQueries(ctx.db)).find((q) => q.scope === (scope.municipality ? 'municipality' : 'organisation'))!;
    const figures = await timeConcurrent(1, ctx.durationSeconds, () => Promise.all(KPI_DEFINITIONS.map((d) => d.compute(ctx.db, query))));
    return { figures, floor: await seqScanMeasurements(ctx, 1), floorLabel: SEQ_SCAN_LABEL };
  },
}));

/** Each figure computed on its own for the largest municipality and for the whole organisation, so the slowest one is visible. */
const perFigureScenario: Scenario = {
  name: 'kpi-figures',
  description: `every figure's compute() server-side, each alone (${KPI_BENCH_PERIOD})`,
  async run(ctx) {
    const queries = await kpiBenchQueries(ctx.db);
    const details: Record<string, unknown>[] = [];
    for (const definition of KPI_DEFINITIONS) {
      const row: Record<string, unknown> = { figure: definition.key };
      for (const { scope, query } of queries) {
        await definition.compute(ctx.db, query);
        const f = await timeSequential(PER_FIGURE_RUNS, () => definition.compute(ctx.db, query));
        row[`${scope} median ms`] = f.median;
        row[`${scope} max ms`] = f.p99;
      }
      details.push(row);
    }
    // The summary line: the figures' medians for the municipality added up (one after another, no overlap).
    const sum = (column: string) => details.reduce((total, row) => total + Number(row[column] ?? 0), 0);
    const figures: Figures = { requests: PER_FIGURE_RUNS, median: sum('municipality median ms'), p99: sum('municipality max ms'), errors: 0, non2xx: 0 };
    return { figures, floor: await seqScanMeasurements(ctx, 1), floorLabel: SEQ_SCAN_LABEL, details };
  },
};

/** Downloads of the statistical export; a yearly file, so a few runs, one at a time. */
const EXPORT_RUNS = 3;

/**
 * The statistical export to CBS (SRG) for the year, as the administrator: every trajectory and
 * placement overlapping it with the client's BSN and municipality, each client written to the
 * processing log, as one CSV. Against a bare count of the referrals it reads from.
 */
const cbsExportScenario: Scenario = {
  name: 'export-cbs-year',
  description: `GET /api/exports/cbs?period=${KPI_BENCH_PERIOD} as the administrator (every provision of the year, logged per client), one at a time`,
  async run(ctx) {
    const { cookie } = await ctx.login(DEMO_ACCOUNTS.administrator.email);
    const path = `/api/exports/cbs?period=${KPI_BENCH_PERIOD}`;
    const figures = await timeSequential(EXPORT_RUNS, () => getOk(ctx, cookie, path));
    const floor = await timeSequential(EXPORT_RUNS, () => sql`select count(*) from referrals`.execute(ctx.db));
    return { figures, floor, floorLabel: 'select count(*) from referrals, same runs' };
  },
};

/** The KPI scenarios (issue 6), in the order they run. */
export const KPI_SCENARIOS: Scenario[] = [...httpScenarios, ...liveScenarios, perFigureScenario, cbsExportScenario];
