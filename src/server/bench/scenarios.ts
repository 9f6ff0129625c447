import type { Kysely } from 'kysely';
import type { Actor } from '../authz/actor.ts';
import type { DB } from '../db/schema.ts';
import { countClients, searchClients } from '../modules/clients/clients.repository.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../modules/demo/demo-accounts.ts';
import { sql } from 'kysely';
import { HEALTH_ASPECT_CODES } from '../../shared/positive-health.ts';
import { loadTest, timeSequential, type Figures } from './measure.ts';
import { BENCH_PROVIDER_COACH } from './synthetic-trajectories.ts';
import { KPI_SCENARIOS } from './kpi-scenarios.ts';
import { READ_SCENARIOS } from './read-scenarios.ts';

/** What a scenario gets: the running app, the floor server, the database, the load settings. */
export type BenchContext = {
  appUrl: string;
  floorUrl: string;
  db: Kysely<DB>;
  connections: number;
  durationSeconds: number;
  /** Logs in through the API and returns the cookie and CSRF token of a fresh session. */
  login(email: string): Promise<{ cookie: string; csrfToken: string }>;
};

export type Scenario = {
  name: string;
  description: string;
  /** Measures the scenario and its floor in the same run; `details` is a table printed below the summary. */
  run(ctx: BenchContext): Promise<{ figures: Figures; floor: Figures; floorLabel: string; details?: Record<string, unknown>[] }>;
};

/** The endpoint floor: a bare Fastify route doing one trivial query under the same load. */
export async function endpointFloor(ctx: BenchContext): Promise<Figures> {
  return loadTest({ url: ctx.floorUrl, connections: ctx.connections, durationSeconds: ctx.durationSeconds, requests: [{ path: '/floor' }] });
}

/** The query floor: a bare sequential scan of the table a query reads, timed the same way. */
export async function scanFloor(ctx: BenchContext, table: 'clients', iterations = 20): Promise<Figures> {
  return timeSequential(iterations, () => sql`select count(*) from ${sql.table(table)}`.execute(ctx.db));
}

/** A synthetic coach with a full caseload (60 clients), and a client of theirs to search for. */
export async function benchCoach(ctx: BenchContext) {
  const coach = await ctx.db.selectFrom('users').select(['id', 'email', 'team_id']).where('email', '=', 'bench.coach1@meedoen.bench').executeTakeFirstOrThrow();
  const client = await ctx.db.selectFrom('clients').select(['bsn', 'last_name']).where('coach_id', '=', coach.id).orderBy('client_number').executeTakeFirstOrThrow();
  return { coach, client };
}

/**
 * The demo coach's client with the longest ladder history, given two Positive Health webs through
 * the API when it has none (a bench database made before the plans existed), so the dossier page
 * is measured with everything it shows.
 */
async function richDemoClient(ctx: BenchContext, session: { cookie: string; csrfToken: string }) {
  const coach = await ctx.db.selectFrom('users').select('id').where('email', '=', DEMO_ACCOUNTS.coach.email).executeTakeFirstOrThrow();
  const client = await ctx.db
    .selectFrom('clients as c')
    .innerJoin('ladder_measurements as l', 'l.client_id', 'c.id')
    .select(['c.id'])
    .where('c.coach_id', '=', coach.id)
    .groupBy('c.id')
    .orderBy((eb) => eb.fn.countAll(), 'desc')
    .orderBy('c.id')
    .executeTakeFirstOrThrow();
  const webs = await ctx.db.selectFrom('health_measurements').select((eb) => eb.fn.countAll<number>().as('n')).where('client_id', '=', client.id).executeTakeFirstOrThrow();
  for (let i = Number(webs.n); i < 2; i++) {
    const answers = Object.fromEntries(HEALTH_ASPECT_CODES.map((code, n) => [code, { score: (n + i * 3) % 11, talk: n % 9 === 0 }]));
    const res = await fetch(`${ctx.appUrl}/api/clients/${client.id}/health-measurements`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrfToken },
      body: JSON.stringify({ filledBy: 'client_with_coach', answers }),
    });
    if (!res.ok) throw new Error(`bench: recording a web failed: ${res.status} ${await res.text()}`);
  }
  return client;
}

/** Scenarios in the order they run; later issues add theirs here. */
export const SCENARIOS: Scenario[] = [
  {
    name: 'client-page',
    description: 'the dossier page as a coach: GET client (header), ladder history, latest and first web, first timeline page (each a processing-log write)',
    async run(ctx) {
      const session = await ctx.login(DEMO_ACCOUNTS.coach.email);
      const client = await richDemoClient(ctx, session);
      const base = `/api/clients/${client.id}`;
      const figures = await loadTest({
        url: ctx.appUrl,
        connections: ctx.connections,
        durationSeconds: ctx.durationSeconds,
        headers: { cookie: session.cookie },
        requests: [{ path: base }, { path: `${base}/ladder` }, { path: `${base}/health-measurements/comparison` }, { path: `${base}/timeline?limit=20` }],
      });
      return { figures, floor: await endpointFloor(ctx), floorLabel: 'bare route, select 1' };
    },
  },
  {
    name: 'login',
    description: 'POST /api/auth/login (argon2id verify + session insert)',
    async run(ctx) {
      const figures = await loadTest({
        url: ctx.appUrl,
        connections: ctx.connections,
        durationSeconds: ctx.durationSeconds,
        requests: [
          {
            method: 'POST',
            path: '/api/auth/login',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ email: DEMO_ACCOUNTS.coach.email, password: DEMO_PASSWORD }),
          },
        ],
      });
      return { figures, floor: await endpointFloor(ctx), floorLabel: 'bare route, select 1' };
    },
  },
  {
    name: 'me+start',
    description: 'GET /api/auth/me then GET /api/start as a coach (session check, caseload page, processing-log writes)',
    async run(ctx) {
      const session = await ctx.login(DEMO_ACCOUNTS.coach.email);
      const figures = await loadTest({
        url: ctx.appUrl,
        connections: ctx.connections,
        durationSeconds: ctx.durationSeconds,
        headers: { cookie: session.cookie },
        requests: [{ path: '/api/auth/me' }, { path: '/api/start' }],
      });
      return { figures, floor: await endpointFloor(ctx), floorLabel: 'bare route, select 1' };
    },
  },
  {
    name: 'caseload',
    description: 'GET /api/caseload as a coach with 60 clients (attention order, counts, 50 processing-log rows per request)',
    async run(ctx) {
      const { coach } = await benchCoach(ctx);
      const session = await ctx.login(coach.email);
      const figures = await loadTest({ url: ctx.appUrl, connections: ctx.connections, durationSeconds: ctx.durationSeconds, headers: { cookie: session.cookie }, requests: [{ path: '/api/caseload?limit=50' }] });
      return { figures, floor: await endpointFloor(ctx), floorLabel: 'bare route, select 1' };
    },
  },
  {
    name: 'search-name',
    description: 'GET /api/clients?q=<3-letter name prefix> as a coach (team scope)',
    async run(ctx) {
      const { coach, client } = await benchCoach(ctx);
      const session = await ctx.login(coach.email);
      const prefix = encodeURIComponent(client.last_name.slice(0, 3).toLowerCase());
      const figures = await loadTest({ url: ctx.appUrl, connections: ctx.connections, durationSeconds: ctx.durationSeconds, headers: { cookie: session.cookie }, requests: [{ path: `/api/clients?q=${prefix}&limit=20` }] });
      return { figures, floor: await endpointFloor(ctx), floorLabel: 'bare route, select 1' };
    },
  },
  {
    name: 'search-bsn',
    description: 'GET /api/clients?q=<BSN> as a coach (team scope)',
    async run(ctx) {
      const { coach, client } = await benchCoach(ctx);
      const session = await ctx.login(coach.email);
      const figures = await loadTest({ url: ctx.appUrl, connections: ctx.connections, durationSeconds: ctx.durationSeconds, headers: { cookie: session.cookie }, requests: [{ path: `/api/clients?q=${client.bsn}` }] });
      return { figures, floor: await endpointFloor(ctx), floorLabel: 'bare route, select 1' };
    },
  },
  {
    name: 'provider-referrals',
    description: 'GET /api/referrals?limit=50 as a provider coach (own open referrals under the RLS backstop, newest first, with the total)',
    async run(ctx) {
      const session = await ctx.login(BENCH_PROVIDER_COACH);
      const figures = await loadTest({ url: ctx.appUrl, connections: ctx.connections, durationSeconds: ctx.durationSeconds, headers: { cookie: session.cookie }, requests: [{ path: '/api/referrals?limit=50' }] });
      return { figures, floor: await endpointFloor(ctx), floorLabel: 'bare route, select 1' };
    },
  },
  {
    name: 'cohort-overview',
    description: 'GET /api/cohorts/:id as a provider coach (a running cohort: 12 placed, 5 waiting, 10 sessions with attendance)',
    async run(ctx) {
      const cohortId = await benchProviderCohort(ctx);
      const session = await ctx.login(BENCH_PROVIDER_COACH);
      const figures = await loadTest({ url: ctx.appUrl, connections: ctx.connections, durationSeconds: ctx.durationSeconds, headers: { cookie: session.cookie }, requests: [{ path: `/api/cohorts/${cohortId}` }] });
      return { figures, floor: await endpointFloor(ctx), floorLabel: 'bare route, select 1' };
    },
  },
  ...(['organisation', 'team'] as const).map((scope) => ({
    name: scope === 'organisation' ? 'search-query' : 'search-query-team',
    description: `the search queries alone (page + capped count; name prefix, then BSN), sequential, ${scope} scope`,
    async run(ctx: BenchContext) {
      const { client } = await benchCoach(ctx);
      const actor = await benchActor(ctx, scope);
      const prefix = client.last_name.slice(0, 3).toLowerCase();
      let i = 0;
      const figures = await timeSequential(400, async () => {
        const q = i++ % 2 === 0 ? prefix : client.bsn;
        await Promise.all([searchClients(ctx.db, actor, { q, limit: 20, offset: 0 }), countClients(ctx.db, actor, { q })]);
      });
      return { figures, floor: await scanFloor(ctx, 'clients'), floorLabel: 'seq scan of clients' };
    },
  })),
  ...KPI_SCENARIOS,
  ...READ_SCENARIOS,
];

/** A running cohort of one of the bench provider's modules. */
async function benchProviderCohort(ctx: BenchContext): Promise<string> {
  const cohort = await ctx.db
    .selectFrom('cohorts as c')
    .innerJoin('modules as m', 'm.id', 'c.module_id')
    .innerJoin('users as u', 'u.external_organisation_id', 'm.provider_id')
    .select('c.id')
    .where('u.email', '=', BENCH_PROVIDER_COACH)
    .where('c.status', '=', 'lopend')
    .orderBy('m.name')
    .executeTakeFirstOrThrow();
  return cohort.id;
}

/** The bench coach as an Actor, with the given reach, for query-level scenarios. */
export async function benchActor(ctx: BenchContext, scope: 'own' | 'team' | 'organisation'): Promise<Actor> {
  const { coach } = await benchCoach(ctx);
  const organisation = await ctx.db.selectFrom('users').select('organisation_id').where('id', '=', coach.id).executeTakeFirstOrThrow();
  return {
    userId: coach.id,
    organisationId: organisation.organisation_id,
    role: 'coach',
    displayName: 'Bench',
    email: coach.email,
    teamId: coach.team_id,
    externalOrganisationId: null,
    clientId: null,
    coachClientScope: scope,
  };
}
