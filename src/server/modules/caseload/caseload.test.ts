import { expect, it } from 'vitest';
import { addMonths, todayIso } from '../../../shared/dates.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo/demo-accounts.ts';
import { seedDemo } from '../demo/demo-seed.ts';
import { describeEachDatabase, login } from '../../test/test-app.ts';
import { registerClient } from '../../test/fixtures.ts';

describeEachDatabase(
  'caseload, tasks and reassignment',
  (t) => {
    const db = () => t().database.db;
    const today = todayIso();
    const userId = async (email: string) => (await db().selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;

    it("shows the coach's own caseload, what needs attention first, with counts that match the filters", async () => {
      const s = await login(t().app, DEMO_ACCOUNTS.coach.email, DEMO_PASSWORD);
      const me = await userId(DEMO_ACCOUNTS.coach.email);
      const res = await s.get('/api/caseload?limit=500');
      expect(res.statusCode).toBe(200);
      const { items, total, counts } = res.json();
      // Clients whose benefit has ended are listed apart (?outflowed=true).
      const own = await db()
        .selectFrom('clients')
        .select('id')
        .where('coach_id', '=', me)
        .where((eb) => eb.or([eb('benefit_ended_on', 'is', null), eb('benefit_ended_on', '>', today)]))
        .execute();
      expect(total).toBe(own.length);
      expect(counts.total).toBe(own.length);
      expect(items.map((i: { id: string }) => i.id).sort()).toEqual(own.map((o) => o.id).sort());
      // Ordered by attention: no client without attention comes before one with.
      const firstCalm = items.findIndex((i: { attention: string[] }) => i.attention.length === 0);
      if (firstCalm >= 0) expect(items.slice(firstCalm).every((i: { attention: string[] }) => i.attention.length === 0)).toBe(true);
      // Every facet count equals what its filter returns.
      for (const [route, n] of Object.entries(counts.byRoute as Record<string, number>)) {
        expect((await s.get(`/api/caseload?route=${route}`)).json().total).toBe(n);
      }
      for (const [step, n] of Object.entries(counts.byStep as Record<string, number>)) {
        expect((await s.get(`/api/caseload?step=${step}`)).json().total).toBe(n);
      }
      expect((await s.get('/api/caseload?attention=ladder_overdue')).json().total).toBe(counts.attention.ladderOverdue);
      expect((await s.get('/api/caseload?attention=open_signals')).json().total).toBe(counts.attention.openSignals);
      expect((await s.get('/api/caseload?group=jongere')).json().total).toBe(counts.byGroup.jongere);
      const m = counts.byMunicipality[0];
      expect((await s.get(`/api/caseload?municipalityId=${m.id}`)).json().total).toBe(m.count);
    });

    it('puts a client with an overdue task and a signal at the top, and logs only the clients shown', async () => {
      const s = await login(t().app, DEMO_ACCOUNTS.coach.email, DEMO_PASSWORD);
      const m = await db().selectFrom('municipalities').select('id').executeTakeFirstOrThrow();
      const { client } = await registerClient(s, m.id, { route: 'werknemer' });
      await s.send('POST', '/api/tasks', { title: 'Bellen over sollicitatie', dueOn: addMonths(today, -1), clientId: client.id });
      await s.send('POST', `/api/clients/${client.id}/signals`, { domain: 'gezondheid', severity: 'hoog', description: 'Langdurig ziek' });
      const traceId = 'cccccccccccccccccccccccccccccc01';
      const top = (await s.get('/api/caseload?limit=3', { traceparent: `00-${traceId}-00f067aa0ba902b7-01` })).json().items;
      expect(top[0]).toMatchObject({ id: client.id, overdueTaskCount: 1, openSignalCount: 1 });
      expect(top[0].attention.slice(0, 2)).toEqual(['overdue_tasks', 'open_signals']);
      const logged = await db().selectFrom('processing_log').select('data_subject_id').where('trace_id', '=', traceId).execute();
      expect(logged).toHaveLength(3);
    });

    it('lets a team lead see the team side by side and look into one coach, but not a coach elsewhere', async () => {
      const lead = await login(t().app, DEMO_ACCOUNTS.team_lead.email, DEMO_PASSWORD);
      const team = (await lead.get('/api/team/caseloads')).json();
      expect(team.team.name).toBe('Team Lingestad Noord');
      const coachEntry = team.coaches.find((c: { displayName: string }) => c.displayName === DEMO_ACCOUNTS.coach.displayName);
      expect(coachEntry.clientCount).toBeGreaterThan(0);
      expect((await lead.get(`/api/caseload?coachId=${coachEntry.id}`)).json().total).toBe(coachEntry.clientCount);
      const elsewhere = await userId('coach2@meedoen.demo');
      expect((await lead.get(`/api/caseload?coachId=${elsewhere}`)).json().code).toBe('not_in_team');
      const coach = await login(t().app, DEMO_ACCOUNTS.coach.email, DEMO_PASSWORD);
      expect((await coach.get('/api/team/caseloads')).statusCode).toBe(403);
      expect((await coach.get(`/api/caseload?coachId=${elsewhere}`)).statusCode).toBe(403);
      for (const role of ['provider_coach', 'partner', 'policy_officer', 'administrator', 'client'] as const) {
        const other = await login(t().app, DEMO_ACCOUNTS[role].email, DEMO_PASSWORD);
        for (const url of ['/api/caseload', '/api/team/caseloads', '/api/annual-conversations/overdue', '/api/tasks']) {
          expect({ role, url, status: (await other.get(url)).statusCode }).toEqual({ role, url, status: 403 });
        }
      }
    });

    it('reassigns a whole caseload: clients, open tasks, timeline, processing log and audit move together', async () => {
      const lead = await login(t().app, DEMO_ACCOUNTS.team_lead.email, DEMO_PASSWORD);
      const organisationId = (await db().selectFrom('organisations').select('id').executeTakeFirstOrThrow()).id;
      const teamId = (await db().selectFrom('users').select('team_id').where('email', '=', DEMO_ACCOUNTS.team_lead.email).executeTakeFirstOrThrow()).team_id!;
      const { password_hash } = await db().selectFrom('users').select('password_hash').where('email', '=', DEMO_ACCOUNTS.coach.email).executeTakeFirstOrThrow();
      const [from, to] = await Promise.all(
        ['vertrekkend@meedoen.demo', 'nieuw@meedoen.demo'].map(async (email, i) =>
          (await db().insertInto('users').values({ organisation_id: organisationId, email, display_name: `Coach ${i}`, role: 'coach', team_id: teamId, password_hash }).returning('id').executeTakeFirstOrThrow()).id,
        ),
      );
      const leaving = await login(t().app, 'vertrekkend@meedoen.demo', DEMO_PASSWORD);
      const m = await db().selectFrom('municipalities').select('id').executeTakeFirstOrThrow();
      const registered = [];
      for (let i = 0; i < 3; i++) registered.push((await registerClient(leaving, m.id)).client);
      await leaving.send('POST', '/api/tasks', { title: 'Nabellen', dueOn: today, clientId: registered[0].id });
      const staleEtag = `"${registered[1].version}"`;

      const partial = await lead.send('POST', '/api/team/reassign', { fromCoachId: from, toCoachId: to, clientIds: [registered[0].id] });
      expect(partial.json()).toEqual({ moved: 1, tasksMoved: 1 });
      const stray = await lead.send('POST', '/api/team/reassign', { fromCoachId: from, toCoachId: to, clientIds: [registered[0].id] });
      expect(stray.statusCode).toBe(422);
      const rest = await lead.send('POST', '/api/team/reassign', { fromCoachId: from, toCoachId: to });
      expect(rest.json()).toEqual({ moved: 2, tasksMoved: 0 });

      const moved = await db().selectFrom('clients').select(['coach_id']).where('id', 'in', registered.map((c) => c.id)).execute();
      expect(moved.every((c) => c.coach_id === to)).toBe(true);
      const task = await db().selectFrom('tasks').select('assignee_id').where('client_id', '=', registered[0].id).executeTakeFirstOrThrow();
      expect(task.assignee_id).toBe(to);
      const events = await db().selectFrom('timeline_events').select('client_id').where('kind', '=', 'client.reassigned').where('client_id', 'in', registered.map((c) => c.id)).execute();
      expect(events).toHaveLength(3);
      const logRows = await db().selectFrom('processing_log').select('id').where('operation', '=', 'caseload.reassign').execute();
      expect(logRows.length).toBeGreaterThanOrEqual(3);
      const audits = await db().selectFrom('audit_events').select('details').where('action', '=', 'caseload.reassigned').execute();
      expect(audits).toHaveLength(2);
      // An edit begun before the reassignment is now stale.
      const newCoach = await login(t().app, 'nieuw@meedoen.demo', DEMO_PASSWORD);
      expect((await newCoach.send('PATCH', `/api/clients/${registered[1].id}`, { phone: '0612121212' }, { 'if-match': staleEtag })).statusCode).toBe(412);
      expect((await leaving.get(`/api/caseload`)).json().total).toBe(0);

      const outside = await userId('coach2@meedoen.demo');
      const refused = await lead.send('POST', '/api/team/reassign', { fromCoachId: to, toCoachId: outside });
      expect(refused.json().code).toBe('not_in_team');
      expect((await db().selectFrom('clients').select('coach_id').where('id', 'in', registered.map((c) => c.id)).execute()).every((c) => c.coach_id === to)).toBe(true);
    });

    it('makes rule tasks once, lets the assignee complete them, and keeps them from other coaches', async () => {
      const admin = await login(t().app, DEMO_ACCOUNTS.administrator.email, DEMO_PASSWORD);
      const first = (await admin.send('POST', '/api/tasks/generate')).json().created;
      const again = (await admin.send('POST', '/api/tasks/generate')).json().created;
      expect(again).toBe(0);
      void first;
      const coach = await login(t().app, DEMO_ACCOUNTS.coach.email, DEMO_PASSWORD);
      const mine = (await coach.get('/api/tasks')).json().items;
      expect(mine.length).toBeGreaterThan(0);
      const outsider = await login(t().app, 'coach2@meedoen.demo', DEMO_PASSWORD);
      expect((await outsider.send('POST', `/api/tasks/${mine[0].id}/complete`)).statusCode).toBe(403);
      const lead = await login(t().app, DEMO_ACCOUNTS.team_lead.email, DEMO_PASSWORD);
      const teamTasks = (await lead.get('/api/tasks?scope=team')).json().items.map((x: { id: string }) => x.id);
      expect(teamTasks).toContain(mine[0].id);
      expect((await coach.get('/api/tasks?scope=team')).statusCode).toBe(403);
      const done = await coach.send('POST', `/api/tasks/${mine[0].id}/complete`);
      expect(done.json()).toMatchObject({ status: 'afgerond', policies: { complete: false } });
      expect((await coach.get('/api/tasks?status=afgerond')).json().items.map((x: { id: string }) => x.id)).toContain(mine[0].id);
    });

    it("lists who is overdue for the yearly conversation within the caller's scope", async () => {
      const coach = await login(t().app, DEMO_ACCOUNTS.coach.email, DEMO_PASSWORD);
      const res = (await coach.get('/api/annual-conversations/overdue?limit=200')).json();
      expect(res.items.length).toBe(Math.min(res.total, 200));
      for (const item of res.items) {
        expect(item.age).toBeGreaterThanOrEqual(27);
        expect(item.age).toBeLessThan(65);
        if (item.lastOn) expect(item.lastOn < addMonths(today, -12)).toBe(true);
      }
      const ids = res.items.map((i: { id: string }) => i.id);
      const visible = (await coach.get('/api/clients?limit=200')).json().items.map((c: { id: string }) => c.id);
      expect(ids.every((id: string) => visible.includes(id))).toBe(true);
    });
  },
  { setup: async ({ database, config }) => void (await seedDemo(database.db, { clients: 60, pseudonymKey: config.pseudonymKey })) },
);
