import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../modules/demo/demo-accounts.ts';
import { loadTest, type Figures } from './measure.ts';

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
  /** Measures the scenario and its floor in the same run. */
  run(ctx: BenchContext): Promise<{ figures: Figures; floor: Figures; floorLabel: string }>;
};

/** The endpoint floor: a bare Fastify route doing one trivial query under the same load. */
export async function endpointFloor(ctx: BenchContext): Promise<Figures> {
  return loadTest({ url: ctx.floorUrl, connections: ctx.connections, durationSeconds: ctx.durationSeconds, requests: [{ path: '/floor' }] });
}

/** Scenarios in the order they run; later issues add theirs here. */
export const SCENARIOS: Scenario[] = [
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
];
