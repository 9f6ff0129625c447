import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { expect, it } from 'vitest';
import { addMonths, todayIso } from '../../../shared/dates.ts';
import type { Actor } from '../../authz/actor.ts';
import { enterActorBoundary } from '../../authz/boundary.ts';
import type { DB } from '../../db/schema.ts';
import { registerClient } from '../../test/fixtures.ts';
import { describeEachDatabase, login, type Session, type TestContext } from '../../test/test-app.ts';
import { act, addDemoUser, createContract, demoProviders, referOnContract } from '../../test/trajectory-fixtures.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo/demo-accounts.ts';
import { seedDemo } from '../demo/demo-seed.ts';

const today = todayIso();
const SECRET_NOTE = 'Vertrouwelijk-gezondheid-7731';
const SIGNAL_TEXT = 'Signaal-schulden-7731';
const PROVIDER_B = 'begeleider-b@meedoen.demo';

/** Bodies that pass validation, so that only the boundary decides (routes not listed get `{}`). */
const bodies = (world: { y: { id: string }; ids: Record<string, string> }): Record<string, unknown> => ({
  'POST /api/referrals/:id/accept': {},
  'POST /api/referrals/:id/refuse': { reason: 'Geen plek' },
  'POST /api/referrals/:id/start': { startedOn: today },
  'POST /api/referrals/:id/complete': { endedOn: today, adviceNextStep: 'werk', advice: 'Klaar' },
  'POST /api/referrals/:id/stop': { endedOn: today, stopReason: 'ziekte', note: 'Ziek' },
  'POST /api/referrals/:id/transfer': { endedOn: today, to: 'work_trajectory', note: 'Werk' },
  'POST /api/referrals/:id/progress': { reportedOn: today, summary: 'Goed bezig' },
  'POST /api/referrals/:id/extension': { until: addMonths(today, 9), motivation: 'Groeit' },
  'POST /api/referrals/:id/receive': {},
  'POST /api/referrals/:id/outcome': { outcome: 'Gestart' },
  'POST /api/referrals/:id/ladder': { measuredOn: today, occasion: 'trajectory_end', answers: { paidWork: false }, growthPotential: 2 },
  'PATCH /api/cohorts/:id': { label: 'Overgenomen' },
  'POST /api/cohorts/:id/sessions': { startsAt: new Date().toISOString() },
  'POST /api/cohorts/:id/start': {},
  'POST /api/enrolments/:id/leave': { reason: 'Gestopt' },
  'POST /api/enrolments/:id/complete': {},
  'POST /api/enrolments/:id/priority': { priority: true },
  'POST /api/enrolments/:id/selection': { selected: true },
  'POST /api/modules/:id/cohorts': { label: 'Voorjaar', startsOn: today, capacity: 8 },
  'POST /api/cohorts/:id/enrolments': { clientId: world.y.id },
  'POST /api/cohorts/:id/invitations': { clientIds: [world.y.id] },
  'PUT /api/sessions/:id/attendance': { items: [{ enrolmentId: world.ids.enrolments, status: 'aanwezig' }] },
});

type World = Awaited<ReturnType<typeof buildWorld>>;

/**
 * Provider A (the demo provider) with client X on an active trajectory that shares everything a
 * referral can share, X's confidential note and signal, a module with a cohort, session and X's
 * enrolment; provider B (a second provider coach) with its own client Y.
 */
async function buildWorld(t: TestContext) {
  const db = t.database.db;
  const as = (email: string) => login(t.app, email, DEMO_PASSWORD);
  const { organisationId, providerA, providerB } = await demoProviders(db);
  await addDemoUser(db, { email: PROVIDER_B, displayName: 'Begeleider B', role: 'provider_coach', externalOrganisationId: providerB });
  const [admin, coach, a, b] = await Promise.all([as(DEMO_ACCOUNTS.administrator.email), as(DEMO_ACCOUNTS.coach.email), as(DEMO_ACCOUNTS.provider_coach.email), as(PROVIDER_B)]);
  const m = (await db.selectFrom('municipalities').select('id').orderBy('name').executeTakeFirstOrThrow()).id;
  const contractA = await createContract(admin, providerA, [m]);
  const contractB = await createContract(admin, providerB, [m]);

  const { client: x } = await registerClient(coach, m, { phone: '06 11112222', street: 'Geheimstraat' });
  await coach.send('POST', `/api/clients/${x.id}/contacts`, { kind: 'notitie', occurredOn: today, summary: SECRET_NOTE, confidential: true });
  const signal = (await coach.send('POST', `/api/clients/${x.id}/signals`, { domain: 'schulden', severity: 'hoog', description: SIGNAL_TEXT })).json();
  const escalation = (await coach.send('POST', `/api/signals/${signal.id}/escalations`, { targetKind: 'kernteam', question: 'Meedenken', dueOn: addMonths(today, 1) })).json();
  const task = (await coach.send('POST', '/api/tasks', { title: 'Bellen', dueOn: today, clientId: x.id })).json();
  const referred = (await referOnContract(coach, x.id, contractA.id, { sharedFields: ['date_of_birth', 'contact', 'address', 'route', 'ladder'] })).json();
  const accepted = (await act(a, referred, 'accept')).json();
  const referralA = (await act(a, accepted, 'start', { startedOn: today })).json();

  const { client: y } = await registerClient(coach, m);
  const referralB = (await act(b, (await referOnContract(coach, y.id, contractB.id)).json(), 'accept')).json();

  const moduleA = await db.insertInto('modules').values({ organisation_id: organisationId, provider_id: providerA, name: 'Agenda beheren (A)' }).returning('id').executeTakeFirstOrThrow();
  const cohortA = await db.insertInto('cohorts').values({ organisation_id: organisationId, module_id: moduleA.id, label: 'Najaar', starts_on: today, capacity: 10 }).returning('id').executeTakeFirstOrThrow();
  const sessionA = await db.insertInto('cohort_sessions').values({ organisation_id: organisationId, cohort_id: cohortA.id, starts_at: new Date() }).returning('id').executeTakeFirstOrThrow();
  const enrolmentA = await db
    .insertInto('enrolments')
    .values({ organisation_id: organisationId, cohort_id: cohortA.id, client_id: x.id, referral_id: referralA.id, status: 'placed', placed_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();

  const ids: Record<string, string> = {
    clients: x.id,
    referrals: referralA.id,
    contracts: contractA.id,
    modules: moduleA.id,
    cohorts: cohortA.id,
    sessions: sessionA.id,
    enrolments: enrolmentA.id,
    signals: signal.id,
    escalations: escalation.id,
    tasks: task.id,
  };
  return { db, as, coach, admin, a, b, x, y, m, ids, referralA, referralB, contractA, providerA, providerB, organisationId };
}

/** The API routes with the ids of A's objects in place of their parameters. */
function routesWithAsObjects(t: TestContext, world: World) {
  return t.app.routeTable
    .filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.method !== 'HEAD' && r.route.config?.access !== 'public' && r.url !== '/api/auth/logout')
    .map((r) => {
      const segments = r.url.split('/');
      const url = segments
        .map((segment, i) => {
          if (!segment.startsWith(':')) return segment;
          if (segment === ':clientId') return world.x.id;
          if (segment === ':year') return today.slice(0, 4);
          return world.ids[segments[i - 1]!] ?? randomUUID();
        })
        .join('/');
      return { method: r.method as 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', pattern: r.url, url, key: `${r.method} ${r.url}` };
    });
}

/** Everything by which A's client could be recognised in an answer. */
function traces(world: World): string[] {
  return [world.x.id, world.x.clientNumber, world.x.lastName, SECRET_NOTE, SIGNAL_TEXT];
}

/** The traces of A's client in an answer, leaving out the echo of the request's own URL (a problem's `instance`). */
function leaks(world: World, url: string, body: string): string[] {
  const answer = body.split(JSON.stringify(url).slice(1, -1)).join('').split(url).join('');
  return traces(world).filter((trace) => answer.includes(trace));
}

async function call(session: Session, world: World, route: { method: string; url: string; key: string }) {
  const headers = { 'if-match': '"1"' };
  if (route.method === 'GET') return session.get(route.url, headers);
  return session.send(route.method as 'POST', route.url, bodies(world)[route.key] ?? {}, headers);
}

describeEachDatabase(
  'provider boundary',
  (t) => {
    let world: World | undefined;
    const w = async () => (world ??= await buildWorld(t()));

    it('provider B gets 403 or 404 on every route that takes one of provider A’s objects, and never sees A’s client', async () => {
      const world = await w();
      const failures: string[] = [];
      const routes = routesWithAsObjects(t(), world).filter((r) => r.pattern.includes(':'));
      expect(routes.length).toBeGreaterThan(40);
      for (const route of routes) {
        const res = await call(world.b, world, route);
        const code = String(res.headers['content-type'] ?? '').includes('json') ? (res.json() as { code?: string }).code : undefined;
        const refused = res.statusCode === 403 || res.statusCode === 404 || (res.statusCode === 422 && code === 'validation_failed' && !(route.key in bodies(world)));
        if (!refused) failures.push(`${route.key}: ${res.statusCode} ${res.body.slice(0, 160)}`);
        for (const trace of leaks(world, route.url, res.body)) failures.push(`${route.key}: answer contains ${trace}`);
      }
      expect(failures).toEqual([]);
      // Nothing of A's changed through B's attempts.
      const after = await world.db.selectFrom('referrals').select(['status', 'version']).where('id', '=', world.referralA.id).executeTakeFirstOrThrow();
      expect(after).toEqual({ status: 'active', version: world.referralA.version });
    });

    it('lists, search, counts and the start page of provider B contain its own client and never A’s', async () => {
      const world = await w();
      const failures: string[] = [];
      const lists = routesWithAsObjects(t(), world).filter((r) => r.method === 'GET' && !r.pattern.includes(':'));
      for (const route of lists) {
        for (const query of ['', `?q=${encodeURIComponent(world.x.lastName)}`, `?q=${world.x.clientNumber}`, '?status=all&limit=200']) {
          const res = await world.b.get(`${route.url}${query}`);
          for (const trace of leaks(world, `${route.url}${query}`, res.body)) failures.push(`${route.key}${query}: contains ${trace}`);
        }
      }
      expect(failures).toEqual([]);
      expect((await world.b.get('/api/clients?limit=200')).json().items.map((c: { id: string }) => c.id)).toContain(world.y.id);
      expect((await world.b.get('/api/referrals')).json().items.map((r: { id: string }) => r.id)).toContain(world.referralB.id);
      expect((await world.b.get('/api/start')).json().counts.active).toBeGreaterThanOrEqual(1);
    });

    it('provider A reaches its client but never the health and confidential parts of the dossier', async () => {
      const world = await w();
      const { a, x } = world;
      expect((await a.get(`/api/clients/${x.id}`)).statusCode).toBe(200);
      expect((await a.get(`/api/referrals/${world.referralA.id}`)).json().clientData).toMatchObject({ phone: '06 11112222', street: 'Geheimstraat' });
      for (const part of ['contacts', 'signals', 'timeline', 'route-history', 'processing-log', 'health-measurements', 'zrm', 'goals']) {
        expect({ part, status: (await a.get(`/api/clients/${x.id}/${part}`)).statusCode }).toEqual({ part, status: 403 });
      }
      const failures: string[] = [];
      for (const route of routesWithAsObjects(t(), world).filter((r) => r.method === 'GET')) {
        const res = await a.get(route.url);
        for (const secret of [SECRET_NOTE, SIGNAL_TEXT]) if (res.body.includes(secret)) failures.push(`${route.key}: contains ${secret}`);
      }
      expect(failures).toEqual([]);
      // No door through the backstop to the coach's signals or tasks either.
      expect((await a.send('PATCH', `/api/signals/${world.ids.signals}`, { status: 'afgerond' }, { 'if-match': '"1"' })).statusCode).toBe(403);
      expect((await a.send('POST', `/api/escalations/${world.ids.escalations}/outcome`, { outcome: 'x' })).statusCode).toBe(403);
    });

    it('access ends at once when A’s referral is withdrawn or completed', async () => {
      const world = await w();
      const { a, coach, x } = world;
      const { client: z } = await registerClient(coach, world.m);
      const other = (await act(a, (await referOnContract(coach, z.id, world.contractA.id)).json(), 'accept')).json();
      expect((await a.get(`/api/clients/${z.id}`)).statusCode).toBe(200);
      await act(coach, other, 'withdraw', { reason: 'Niet meer nodig' });
      expect((await a.get(`/api/clients/${z.id}`)).statusCode).toBe(404);
      expect((await a.get(`/api/referrals/${other.id}`)).statusCode).toBe(404);

      const current = (await a.get(`/api/referrals/${world.referralA.id}`)).json();
      expect((await act(a, current, 'complete', { endedOn: today, adviceNextStep: 'werk', advice: 'Klaar voor werk' })).statusCode).toBe(200);
      const failures: string[] = [];
      for (const route of routesWithAsObjects(t(), world).filter((r) => r.pattern.startsWith('/api/clients/:id') || r.pattern.startsWith('/api/referrals/:id'))) {
        const res = await call(a, world, route);
        if (res.statusCode !== 403 && res.statusCode !== 404 && !(res.statusCode === 422 && !(route.key in bodies(world)))) failures.push(`${route.key}: ${res.statusCode}`);
      }
      for (const url of ['/api/clients?limit=200', '/api/referrals?limit=200', '/api/start', `/api/clients?q=${encodeURIComponent(x.lastName)}`, `/api/cohorts/${world.ids.cohorts}`]) {
        const body = (await a.get(url)).body;
        for (const trace of [x.id, x.lastName, x.clientNumber, z.id]) if (body.includes(trace)) failures.push(`${url}: contains ${trace}`);
      }
      expect(failures).toEqual([]);
    });

    it('the database backstop on its own: as provider B a raw query finds none of A’s rows and cannot read notes or signals', async () => {
      const world = await w();
      const db = world.db;
      const actorOf = async (email: string): Promise<Actor> => {
        const u = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
        return { userId: u.id, organisationId: u.organisation_id, role: u.role, displayName: u.display_name, email: u.email, teamId: u.team_id, externalOrganisationId: u.external_organisation_id, clientId: u.client_id, coachClientScope: 'own' };
      };
      const [actorA, actorB] = [await actorOf(DEMO_ACCOUNTS.provider_coach.email), await actorOf(PROVIDER_B)];
      const within = <T>(actor: Actor, work: (trx: Transaction<DB>) => Promise<T>) =>
        db.transaction().execute(async (trx) => {
          await enterActorBoundary(trx, actor);
          return work(trx);
        });
      // Y is B's: visible to B, and the control shows the query itself works.
      expect(await within(actorB, (trx) => trx.selectFrom('clients').select('id').where('id', '=', world.y.id).execute())).toHaveLength(1);
      expect(await within(actorB, (trx) => trx.selectFrom('clients').select('id').where('id', '=', world.x.id).execute())).toEqual([]);
      expect(await within(actorB, (trx) => trx.selectFrom('referrals').select('id').where('client_id', '=', world.x.id).execute())).toEqual([]);
      expect(await within(actorB, (trx) => trx.selectFrom('ladder_measurements').select('id').where('client_id', '=', world.x.id).execute())).toEqual([]);
      expect(await within(actorB, (trx) => trx.selectFrom('enrolments').select('id').where('client_id', '=', world.x.id).execute())).toEqual([]);
      expect(await within(actorB, (trx) => trx.selectFrom('contracts').select('id').where('id', '=', world.contractA.id).execute())).toEqual([]);
      const changed = await within(actorB, (trx) => trx.updateTable('referrals').set({ status: 'withdrawn' }).where('client_id', '=', world.x.id).returning('id').execute());
      expect(changed).toEqual([]);
      for (const table of ['contact_moments', 'signals', 'escalations', 'tasks', 'client_route_changes', 'audit_events'] as const) {
        await expect(within(actorB, (trx) => trx.selectFrom(table).select('id').limit(1).execute())).rejects.toThrow(/permission denied/);
        await expect(within(actorA, (trx) => trx.selectFrom(table).select('id').limit(1).execute())).rejects.toThrow(/permission denied/);
      }
      // A still reaches its referral's rows while they are its (the referral to Z was withdrawn, X's completed).
      expect(await within(actorA, (trx) => trx.selectFrom('referrals').select('id').where('id', '=', world.referralA.id).execute())).toHaveLength(1);
    });
  },
  { setup: async ({ database, config }) => void (await seedDemo(database.db, { clients: 20, pseudonymKey: config.pseudonymKey })) },
);
