import { expect, it } from 'vitest';
import { addDays, addMonths, todayIso } from '../../../shared/dates.ts';
import { registerClient } from '../../test/fixtures.ts';
import { describeEachDatabase, login, type Session } from '../../test/test-app.ts';
import { act, createContract, demoProviders, referOnContract } from '../../test/trajectory-fixtures.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo/demo-accounts.ts';
import { seedDemo } from '../demo/demo-seed.ts';
import { generateRuleTasks } from './tasks.service.ts';

const today = todayIso();

describeEachDatabase(
  'task rules: outflow, trajectory ending soon, escalation past its due date',
  (t) => {
    const db = () => t().database.db;
    const as = (email: string) => login(t().app, email, DEMO_PASSWORD);
    const organisationId = async () => (await db().selectFrom('organisations').select('id').executeTakeFirstOrThrow()).id;
    const municipality = async () => (await db().selectFrom('municipalities').select('id').orderBy('name').executeTakeFirstOrThrow()).id;
    const tasksOf = async (clientId: string) =>
      (await db().selectFrom('tasks').select(['kind', 'status', 'rule_key', 'due_on', 'assignee_id']).where('client_id', '=', clientId).orderBy('created_at').execute());
    const coachId = async () => (await db().selectFrom('users').select('id').where('email', '=', DEMO_ACCOUNTS.coach.email).executeTakeFirstOrThrow()).id;

    /** A client of the demo coach aged 40, never measured and never seen for the yearly conversation. */
    async function dueClient(coach: Session) {
      const { client, etag } = await registerClient(coach, await municipality(), { dateOfBirth: addMonths(today, -40 * 12), benefitStartDate: addMonths(today, -24) });
      return { client, etag };
    }
    const outflow = (coach: Session, clientId: string, etag: string, endedOn: string) =>
      coach.send('POST', `/api/clients/${clientId}/outflow`, { endedOn, reason: 'werk' }, { 'if-match': etag });

    it('lapses the rule tasks of a client who left in the outflow transaction, keeps hand-made ones, and makes no new ones', async () => {
      const coach = await as(DEMO_ACCOUNTS.coach.email);
      const { client, etag } = await dueClient(coach);
      await generateRuleTasks(db(), await organisationId(), today);
      expect((await tasksOf(client.id)).map((x) => `${x.kind}:${x.status}`).sort()).toEqual(['jaargesprek:open', 'ladder_meting:open']);
      await coach.send('POST', '/api/tasks', { title: 'Afscheidsgesprek plannen', dueOn: addDays(today, 7), clientId: client.id });

      const res = await outflow(coach, client.id, etag, addDays(today, -3));
      expect(res.statusCode).toBe(200);
      // The dossier raises no flags any more.
      expect(res.json()).toMatchObject({ ladder: { overdue: false }, annualConversation: { required: false, overdue: false } });
      expect((await tasksOf(client.id)).map((x) => `${x.kind}:${x.status}`).sort()).toEqual(['handmatig:open', 'jaargesprek:vervallen', 'ladder_meting:vervallen']);
      // A rerun of the rules (a new day, new rule keys) makes nothing for them.
      await generateRuleTasks(db(), await organisationId(), addDays(today, 400));
      expect((await tasksOf(client.id)).filter((x) => x.status === 'open').map((x) => x.kind)).toEqual(['handmatig']);
      // The lapsed tasks are listed apart, not as done.
      const lapsed = (await coach.get(`/api/tasks?clientId=${client.id}&status=vervallen`)).json().items;
      expect(lapsed.map((x: { status: string }) => x.status)).toEqual(['vervallen', 'vervallen']);
    });

    it('leaves an outflow dated ahead to the rule run, which lapses the tasks once the day has come', async () => {
      const coach = await as(DEMO_ACCOUNTS.coach.email);
      const { client, etag } = await dueClient(coach);
      await generateRuleTasks(db(), await organisationId(), today);
      const endsOn = addDays(today, 10);
      expect((await outflow(coach, client.id, etag, endsOn)).statusCode).toBe(200);
      expect((await tasksOf(client.id)).every((x) => x.status === 'open')).toBe(true);
      await generateRuleTasks(db(), await organisationId(), endsOn);
      expect((await tasksOf(client.id)).map((x) => x.status)).toEqual(['vervallen', 'vervallen']);
    });

    it('makes a yearly task once per due date and logs only the clients who got one', async () => {
      const coach = await as(DEMO_ACCOUNTS.coach.email);
      const { client } = await dueClient(coach);
      const measured = addMonths(today, -13);
      await db().updateTable('clients').set({ ladder_measured_on: measured }).where('id', '=', client.id).execute();
      const ruleLog = async () => Number((await db().selectFrom('processing_log').select((eb) => eb.fn.countAll().as('n')).where('operation', '=', 'tasks.generate-rules').executeTakeFirstOrThrow()).n);
      await generateRuleTasks(db(), await organisationId(), today);
      expect((await tasksOf(client.id)).map((x) => x.rule_key).sort()).toEqual([`jaargesprek:${client.id}:nooit`, `ladder:${client.id}:${measured}`]);
      const logged = await ruleLog();
      // A rerun finds every due client's task made: nothing new, and no one logged.
      expect(await generateRuleTasks(db(), await organisationId(), today)).toBe(0);
      expect(await ruleLog()).toBe(logged);
      // A new measurement date is a new due date: one new task, one client logged.
      await db().updateTable('clients').set({ ladder_measured_on: addMonths(today, -12) }).where('id', '=', client.id).execute();
      expect(await generateRuleTasks(db(), await organisationId(), today)).toBe(1);
      expect(await ruleLog()).toBe(logged + 1);
    });

    it('shows clients who left apart in the caseload, without attention, and out of the yearly-conversation overview', async () => {
      const coach = await as(DEMO_ACCOUNTS.coach.email);
      const { client, etag } = await dueClient(coach);
      const before = (await coach.get('/api/caseload?limit=500')).json();
      const item = before.items.find((i: { id: string }) => i.id === client.id);
      expect(item).toMatchObject({ outflowedOn: null, attention: expect.arrayContaining(['ladder_overdue', 'annual_conversation_overdue']) });
      expect((await coach.get('/api/annual-conversations/overdue?limit=200')).json().items.map((i: { id: string }) => i.id)).toContain(client.id);

      expect((await outflow(coach, client.id, etag, today)).statusCode).toBe(200);
      const after = (await coach.get('/api/caseload?limit=500')).json();
      expect(after.items.map((i: { id: string }) => i.id)).not.toContain(client.id);
      expect(after.counts.total).toBe(before.counts.total - 1);
      expect(after.counts.outflowed).toBe(before.counts.outflowed + 1);
      expect((await coach.get('/api/start')).json().counts.caseload).toBe(after.counts.total);
      expect(after.counts.attention.ladderOverdue).toBe(before.counts.attention.ladderOverdue - 1);

      const left = (await coach.get('/api/caseload?outflowed=true&limit=500')).json();
      expect(left.total).toBe(after.counts.outflowed);
      expect(left.counts.total).toBe(after.counts.outflowed);
      expect(left.counts.outflowed).toBe(after.counts.outflowed);
      expect(left.items.find((i: { id: string }) => i.id === client.id)).toMatchObject({ outflowedOn: today, attention: [] });
      expect(left.items.every((i: { attention: string[]; outflowedOn: string | null }) => i.attention.length === 0 && i.outflowedOn !== null)).toBe(true);
      // Every client still on the benefit is in the one list, every one who left in the other.
      const own = await db()
        .selectFrom('clients')
        .select(['id', 'benefit_ended_on'])
        .where('coach_id', '=', await coachId())
        .execute();
      expect(after.counts.total + left.counts.total).toBe(own.length);
      expect(left.counts.total).toBe(own.filter((c) => c.benefit_ended_on !== null && c.benefit_ended_on <= today).length);
      expect((await coach.get('/api/annual-conversations/overdue?limit=200')).json().items.map((i: { id: string }) => i.id)).not.toContain(client.id);

      const lead = await as(DEMO_ACCOUNTS.team_lead.email);
      const entry = (await lead.get('/api/team/caseloads')).json().coaches.find((c: { displayName: string }) => c.displayName === DEMO_ACCOUNTS.coach.displayName);
      expect(entry).toMatchObject({ clientCount: after.counts.total, outflowed: after.counts.outflowed });
    });

    it('makes a task when a running trajectory nears its planned end, flags it, and closes the task when the trajectory ends', async () => {
      const [admin, coach, provider] = await Promise.all([as(DEMO_ACCOUNTS.administrator.email), as(DEMO_ACCOUNTS.coach.email), as(DEMO_ACCOUNTS.provider_coach.email)]);
      const { providerA } = await demoProviders(db());
      const m = await municipality();
      const contract = await createContract(admin, providerA, [m]);
      const { client } = await registerClient(coach, m);
      const referral = (await referOnContract(coach, client.id, contract.id)).json();
      const accepted = (await act(provider, referral, 'accept')).json();
      const started = (await act(provider, accepted, 'start', { startedOn: today })).json();
      const plannedEnd: string = started.plannedEndOn;
      expect(started.endingSoon).toBe(false);

      // Not yet: the planned end lies more than 30 days ahead.
      await generateRuleTasks(db(), await organisationId(), addDays(plannedEnd, -31));
      expect((await tasksOf(client.id)).filter((x) => x.kind === 'traject_eindigt')).toEqual([]);
      // Thirty days before the planned end the coach gets a task, once.
      await generateRuleTasks(db(), await organisationId(), addDays(plannedEnd, -30));
      expect(await generateRuleTasks(db(), await organisationId(), addDays(plannedEnd, -29))).toBe(0);
      const made = (await tasksOf(client.id)).filter((x) => x.kind === 'traject_eindigt');
      expect(made).toMatchObject([{ status: 'open', due_on: plannedEnd, assignee_id: await coachId(), rule_key: `traject:${referral.id}:${plannedEnd}` }]);

      // Today the end is far off: no flag. Moved near, the referral list and the caseload flag it.
      await db().updateTable('referrals').set({ planned_end_on: addDays(today, 20) }).where('id', '=', referral.id).execute();
      const listed = (await coach.get(`/api/clients/${client.id}/referrals`)).json().items;
      expect(listed.find((r: { id: string }) => r.id === referral.id)).toMatchObject({ endingSoon: true });
      const row = (await coach.get('/api/caseload?attention=trajectory_ending&limit=500')).json();
      expect(row.items.find((i: { id: string }) => i.id === client.id)).toMatchObject({ trajectoryEndsOn: addDays(today, 20), attention: expect.arrayContaining(['trajectory_ending']) });
      expect(row.total).toBe(row.counts.attention.trajectoryEnding);

      // The provider completes the trajectory (through the row-level-security boundary): the task closes.
      const current = (await provider.get(`/api/referrals/${referral.id}`)).json();
      const done = await act(provider, current, 'complete', { endedOn: today, adviceNextStep: 'werk', advice: 'Klaar voor werk' });
      expect(done.statusCode).toBe(200);
      expect((await tasksOf(client.id)).filter((x) => x.kind === 'traject_eindigt').map((x) => x.status)).toEqual(['afgerond']);
      await generateRuleTasks(db(), await organisationId(), addDays(plannedEnd, -1));
      expect((await tasksOf(client.id)).filter((x) => x.kind === 'traject_eindigt' && x.status === 'open')).toEqual([]);
    });

    it('chases an escalation past its due date without outcome, until the outcome comes back (support team and partner)', async () => {
      const coach = await as(DEMO_ACCOUNTS.coach.email);
      const { client } = await registerClient(coach, await municipality());
      const raise = async (domain: string) => (await coach.send('POST', `/api/clients/${client.id}/signals`, { domain, severity: 'hoog', description: 'Zorgen' })).json();
      const team = await raise('schulden');
      const teamEscalation = (await coach.send('POST', `/api/signals/${team.id}/escalations`, { targetKind: 'kernteam', question: 'Wie pakt dit op?', dueOn: today })).json().id;
      const partnerOrg = (await db().selectFrom('users').select('external_organisation_id').where('email', '=', DEMO_ACCOUNTS.partner.email).executeTakeFirstOrThrow()).external_organisation_id;
      const literacy = await raise('laaggeletterdheid');
      const partnerEscalation = (await coach.send('POST', `/api/signals/${literacy.id}/escalations`, { targetKind: 'partner', externalOrganisationId: partnerOrg, question: 'Taalcursus?', dueOn: addDays(today, 5) })).json().id;
      const escalationTasks = async () => (await tasksOf(client.id)).filter((x) => x.kind === 'escalatie_verlopen');

      // On the due date itself nothing is late yet.
      await generateRuleTasks(db(), await organisationId(), today);
      expect(await escalationTasks()).toEqual([]);
      await generateRuleTasks(db(), await organisationId(), addDays(today, 6));
      expect((await escalationTasks()).map((x) => x.rule_key).sort()).toEqual([`escalatie:${partnerEscalation}:${addDays(today, 5)}`, `escalatie:${teamEscalation}:${today}`].sort());
      expect((await escalationTasks()).every((x) => x.status === 'open')).toBe(true);

      // The coach reports the Kernteam's outcome: that task closes, the partner's stays.
      expect((await coach.send('POST', `/api/escalations/${teamEscalation}/outcome`, { outcome: 'Schuldhulp gestart' })).statusCode).toBe(204);
      const byKey = async () => Object.fromEntries((await escalationTasks()).map((x) => [x.rule_key!.split(':')[1], x.status]));
      expect(await byKey()).toEqual({ [teamEscalation]: 'afgerond', [partnerEscalation]: 'open' });

      // The partner reports back itself, through the boundary: the last task closes.
      const partner = await as(DEMO_ACCOUNTS.partner.email);
      const referral = (await db().selectFrom('referrals').select(['id', 'version']).where('escalation_id', '=', partnerEscalation).executeTakeFirstOrThrow());
      const received = (await act(partner, referral, 'receive')).json();
      expect((await act(partner, received, 'outcome', { outcome: 'Gestart bij het Taalhuis' })).statusCode).toBe(200);
      expect(await byKey()).toEqual({ [teamEscalation]: 'afgerond', [partnerEscalation]: 'afgerond' });
      expect(await generateRuleTasks(db(), await organisationId(), addDays(today, 7))).toBe(0);
    });

    it("gives the team lead the team's open escalations, overdue first, logged, and nobody else", async () => {
      const coach = await as(DEMO_ACCOUNTS.coach.email);
      const { client } = await registerClient(coach, await municipality());
      const signal = (await coach.send('POST', `/api/clients/${client.id}/signals`, { domain: 'huisvesting', severity: 'middel', description: 'Dreigende huisuitzetting' })).json();
      const late = (await coach.send('POST', `/api/signals/${signal.id}/escalations`, { targetKind: 'team_ondersteuning', question: 'Woonbegeleiding?', dueOn: today })).json().id;
      const inTime = (await coach.send('POST', `/api/signals/${signal.id}/escalations`, { targetKind: 'kernteam', question: 'Overleg?', dueOn: addDays(today, 14) })).json().id;
      // Time passes: the first one's due date lies behind us.
      await db().updateTable('escalations').set({ due_on: addDays(today, -4) }).where('id', '=', late).execute();

      const lead = await as(DEMO_ACCOUNTS.team_lead.email);
      const traceId = 'eeeeeeeeeeeeeeeeeeeeeeeeeeeeee01';
      const res = await lead.get('/api/team/escalations', { traceparent: `00-${traceId}-00f067aa0ba902b7-01` });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      const dueDates = body.items.map((i: { dueOn: string }) => i.dueOn);
      expect(dueDates).toEqual([...dueDates].sort());
      const firstInTime = body.items.findIndex((i: { overdue: boolean }) => !i.overdue);
      if (firstInTime >= 0) expect(body.items.slice(firstInTime).every((i: { overdue: boolean }) => !i.overdue)).toBe(true);
      expect(body.overdue).toBe(body.items.filter((i: { overdue: boolean }) => i.overdue).length);
      expect(body.total).toBe(body.items.length);
      const mine = body.items.filter((i: { client: { id: string } }) => i.client.id === client.id);
      expect(mine).toMatchObject([
        { id: late, overdue: true, targetKind: 'team_ondersteuning', signal: { domain: 'huisvesting' }, coach: { displayName: DEMO_ACCOUNTS.coach.displayName } },
        { id: inTime, overdue: false, targetKind: 'kernteam' },
      ]);
      const logged = await db().selectFrom('processing_log').select(['data_subject_id', 'operation']).where('trace_id', '=', traceId).execute();
      expect(logged.length).toBe(new Set(body.items.map((i: { client: { id: string } }) => i.client.id)).size);
      expect(logged.every((l) => l.operation === 'escalations.team-overview')).toBe(true);

      // A client who left is no longer chased here.
      const etag = String((await coach.get(`/api/clients/${client.id}`)).headers.etag);
      await coach.send('POST', `/api/clients/${client.id}/outflow`, { endedOn: today, reason: 'verhuizing' }, { 'if-match': etag });
      expect((await lead.get('/api/team/escalations')).json().items.map((i: { client: { id: string } }) => i.client.id)).not.toContain(client.id);

      for (const role of ['coach', 'provider_coach', 'partner', 'policy_officer', 'administrator', 'client'] as const) {
        const other = await as(DEMO_ACCOUNTS[role].email);
        expect({ role, status: (await other.get('/api/team/escalations')).statusCode }).toEqual({ role, status: 403 });
      }
    });
  },
  { setup: async ({ database, config }) => void (await seedDemo(database.db, { clients: 60, pseudonymKey: config.pseudonymKey })) },
);
