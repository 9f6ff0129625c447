import { sql } from 'kysely';
import { DEMO_ACCOUNTS } from '../modules/demo/demo-accounts.ts';
import { generateRuleTasks } from '../modules/tasks/tasks.service.ts';
import { KPI_BENCH_PERIOD } from './kpi-scenarios.ts';
import { loadTest, timeSequential, type Figures } from './measure.ts';
import { listAnnualConversationOverdue } from '../modules/caseload/caseload.repository.ts';
import { countReferrals, listReferrals } from '../modules/referrals/referrals.repository.ts';
import { todayIso } from '../../shared/dates.ts';
import { benchActor, benchCoach, endpointFloor, scanFloor, type BenchContext, type Scenario } from './scenarios.ts';

/** Runs of the hourly task-rule job: the first may create what fell due since the last run, the rest should create nothing. */
const TASK_RULE_RUNS = 3;

/** GETs `path` once with the session and returns the JSON; a failed response fails the run (a fast error is no figure). */
async function getJson(ctx: BenchContext, cookie: string, path: string): Promise<unknown> {
  const res = await fetch(`${ctx.appUrl}${path}`, { headers: { cookie } });
  if (!res.ok) throw new Error(`bench: GET ${path} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return res.json();
}

/**
 * One GET under load as the given account, against the endpoint floor; `prepare` finds the path
 * (a client, a drill key) with the session, and checks it answers before the timed run.
 */
function httpReadScenario(name: string, description: string, account: (ctx: BenchContext) => Promise<string>, prepare: (ctx: BenchContext, cookie: string) => Promise<string>): Scenario {
  return {
    name,
    description,
    async run(ctx) {
      const { cookie } = await ctx.login(await account(ctx));
      const path = await prepare(ctx, cookie);
      await getJson(ctx, cookie, path);
      const figures = await loadTest({ url: ctx.appUrl, connections: ctx.connections, durationSeconds: ctx.durationSeconds, headers: { cookie }, requests: [{ path }] });
      return { figures, floor: await endpointFloor(ctx), floorLabel: 'bare route, select 1' };
    },
  };
}

const teamLead = async () => DEMO_ACCOUNTS.team_lead.email;
const demoCoach = async () => DEMO_ACCOUNTS.coach.email;
const syntheticCoach = async (ctx: BenchContext) => (await benchCoach(ctx)).coach.email;
const fixed = (path: string) => async () => path;

/** The demo coach's client with the longest processing log (the dossier scenarios add to it). */
async function clientWithLongestLog(ctx: BenchContext): Promise<string> {
  const client = await ctx.db
    .selectFrom('clients as c')
    .innerJoin('users as u', 'u.id', 'c.coach_id')
    .select('c.id')
    .where('u.email', '=', DEMO_ACCOUNTS.coach.email)
    .orderBy((eb) => eb.selectFrom('processing_log as l').select(eb.fn.countAll().as('n')).whereRef('l.data_subject_id', '=', 'c.bsn_pseudonym'), 'desc')
    .orderBy('c.id')
    .executeTakeFirstOrThrow();
  return client.id;
}

/** The first drill key the team lead is shown on the ladder-movement figure of the bench year. */
async function ladderMovementDrillKey(ctx: BenchContext, cookie: string): Promise<string> {
  const figure = await getJson(ctx, cookie, `/api/kpi/ladder_movement?period=${KPI_BENCH_PERIOD}`);
  const drill = JSON.stringify(figure).match(/"drill":"([^"]+)"/)?.[1];
  if (!drill) throw new Error('bench: the team lead is shown no drill key on ladder_movement');
  return `/api/kpi/ladder_movement/clients?period=${KPI_BENCH_PERIOD}&cell=${encodeURIComponent(drill)}`;
}

/**
 * The hourly task-rule run over the whole synthetic organisation, one run after another. It is
 * idempotent by its rule keys: after the first run nothing new is created (the counts are in the
 * details table). Floor: a count of the clients it reads.
 */
const taskRulesScenario: Scenario = {
  name: 'task-rules',
  description: `generateRuleTasks over the whole organisation (the hourly job), ${TASK_RULE_RUNS} runs one after another`,
  async run(ctx) {
    const organisation = await ctx.db.selectFrom('organisations').select('id').where('slug', '=', 'werkplein-lingedal').executeTakeFirstOrThrow();
    const details: Record<string, unknown>[] = [];
    for (let run = 1; run <= TASK_RULE_RUNS; run++) {
      const logBefore = await countRows(ctx, 'processing_log');
      let created = 0;
      const { median: ms } = await timeSequential(1, async () => (created = await generateRuleTasks(ctx.db, organisation.id)));
      details.push({ run, ms, 'tasks created': created, 'processing-log rows written': (await countRows(ctx, 'processing_log')) - logBefore });
    }
    const runs = details.map((d) => Number(d.ms)).sort((a, b) => a - b);
    const figures: Figures = { requests: runs.length, median: runs[Math.floor(runs.length / 2)]!, p99: runs.at(-1)!, errors: 0, non2xx: 0 };
    return { figures, floor: await scanFloor(ctx, 'clients', TASK_RULE_RUNS), floorLabel: 'seq scan of clients', details };
  },
};

async function countRows(ctx: BenchContext, table: 'processing_log'): Promise<number> {
  return (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(ctx.db)).rows[0]!.n;
}

/** Runs of the organisation-wide overview query. */
const OVERVIEW_RUNS = 10;

/**
 * The yearly-conversation overview's queries alone (page of 50 and count) for a coach of an
 * organisation that lets coaches see every client (coach_client_scope 'organisation'): the whole
 * million is in reach. The synthetic organisation lets coaches see their team, so this is measured
 * server-side with such an actor, as search-query is.
 */
const annualOverviewOrganisationScenario: Scenario = {
  name: 'annual-conversations-overdue-organisation',
  description: `the yearly-conversation overview's page (50) and count alone, organisation scope, ${OVERVIEW_RUNS} runs one after another`,
  async run(ctx) {
    const actor = await benchActor(ctx, 'organisation');
    const figures = await timeSequential(OVERVIEW_RUNS, () => listAnnualConversationOverdue(ctx.db, actor, todayIso(), { limit: 50, offset: 0 }));
    return { figures, floor: await scanFloor(ctx, 'clients', OVERVIEW_RUNS), floorLabel: 'seq scan of clients' };
  },
};

/** The coach's referral list (open ones, newest first, 50, with the total) alone, organisation scope, as the overview above. */
const coachReferralsOrganisationScenario: Scenario = {
  name: 'coach-referrals-organisation',
  description: `the referral list's page (50 open, newest first) and count alone for a coach who may see every client, ${OVERVIEW_RUNS} runs one after another`,
  async run(ctx) {
    const actor = await benchActor(ctx, 'organisation');
    const filter = { status: 'open' as const, today: todayIso(), limit: 50, offset: 0 };
    const figures = await timeSequential(OVERVIEW_RUNS, () => Promise.all([listReferrals(ctx.db, actor, filter), countReferrals(ctx.db, actor, filter)]));
    return { figures, floor: await scanFloor(ctx, 'clients', OVERVIEW_RUNS), floorLabel: 'seq scan of clients' };
  },
};

/** Reads at scale outside the dossier, the search and the KPI dashboard: team views, overviews, logs, lists and the hourly job. */
export const READ_SCENARIOS: Scenario[] = [
  httpReadScenario('team-caseloads', "GET /api/team/caseloads as the team lead (the team's caseloads side by side, attention counts per coach)", teamLead, fixed('/api/team/caseloads')),
  httpReadScenario('team-escalations', "GET /api/team/escalations as the team lead (the team's open escalations, overdue first)", teamLead, fixed('/api/team/escalations')),
  httpReadScenario(
    'annual-conversations-overdue',
    'GET /api/annual-conversations/overdue?limit=50 as a synthetic coach (team scope, 600 clients: aged 27–65 without a yearly conversation in twelve months)',
    syntheticCoach,
    fixed('/api/annual-conversations/overdue?limit=50'),
  ),
  annualOverviewOrganisationScenario,
  httpReadScenario('processing-log-client', "GET /api/clients/:id/processing-log as the demo coach (their client with the longest log; each read adds a row)", demoCoach, async (ctx) => `/api/clients/${await clientWithLongestLog(ctx)}/processing-log`),
  httpReadScenario('coach-referrals', "GET /api/referrals?limit=50 as a synthetic coach (open referrals of the team's 600 clients, newest first, with the total)", syntheticCoach, fixed('/api/referrals?limit=50')),
  coachReferralsOrganisationScenario,
  httpReadScenario('kpi-drilldown', `GET /api/kpi/ladder_movement/clients?period=${KPI_BENCH_PERIOD}&cell=<the first drill key shown> as the team lead (the clients behind a cell)`, teamLead, ladderMovementDrillKey),
  taskRulesScenario,
];
