import { expect, it } from 'vitest';
import { addMonths, todayIso } from '../../../shared/dates.ts';
import { HEALTH_DIMENSION_CODES } from '../../../shared/positive-health.ts';
import { registerClient } from '../../test/fixtures.ts';
import { pdfText } from '../../test/pdf-text.ts';
import { describeEachDatabase, login } from '../../test/test-app.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo/demo-accounts.ts';
import { seedDemo } from '../demo/demo-seed.ts';
import { buildAnswers, buildZrmScores } from './plan-fixtures.ts';

describeEachDatabase(
  'the personal plan: Positive Health, comparison, ZRM and the printable plan',
  (t) => {
    const today = todayIso();
    const setup = async () => {
      const s = await login(t().app, DEMO_ACCOUNTS.coach.email, DEMO_PASSWORD);
      const m = await t().database.db.selectFrom('municipalities').select('id').executeTakeFirstOrThrow();
      const { client } = await registerClient(s, m.id, { firstName: 'Zoë', lastName: 'Koçak', confirmDuplicate: true });
      return { s, client, url: `/api/clients/${client.id}` };
    };

    it('comes with demo plans: webs that show growth, goals with actions and ZRM histories', async () => {
      const db = t().database.db;
      const { client_id } = await db.selectFrom('users').select('client_id').where('email', '=', DEMO_ACCOUNTS.client.email).executeTakeFirstOrThrow();
      const c = await login(t().app, DEMO_ACCOUNTS.client.email, DEMO_PASSWORD);
      const webs = (await c.get(`/api/clients/${client_id}/health-measurements`)).json().items;
      expect(webs).toHaveLength(3);
      const comparison = (await c.get(`/api/clients/${client_id}/health-measurements/comparison`)).json();
      expect(Object.values(comparison.changes as Record<string, number>).reduce((a, b) => a + b, 0)).toBeGreaterThan(-3);
      expect((await c.get(`/api/clients/${client_id}/goals`)).json().items.length).toBe(3);
      expect((await c.get(`/api/clients/${client_id}/zrm`)).json().items.length).toBe(2);
      const withPlan = await db.selectFrom('health_measurements').select(({ fn }) => fn.count<number>('client_id').distinct().as('n')).executeTakeFirstOrThrow();
      expect(Number(withPlan.n)).toBeGreaterThanOrEqual(5);
      expect(Number((await db.selectFrom('plan_goal_actions').select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)).toBeGreaterThan(10);
    });

    it('keeps each dimension score as the mean of its seven aspects', async () => {
      const { s, url } = await setup();
      // Aspect scores 0..6 in the first dimension (mean 3), 10s in the second, and so on.
      const answers = buildAnswers((d, a) => (d === 0 ? a : d === 1 ? 10 : d === 2 ? (a === 0 ? 1 : 0) : 5), ['slapen', 'vrolijk_zijn']);
      const res = await s.send('POST', `${url}/health-measurements`, { measuredOn: addMonths(today, -6), answers });
      expect(res.statusCode).toBe(201);
      const body = res.json();
      expect(body.filledBy).toBe('client_with_coach');
      expect(body.dimensions).toEqual({ lichaamsfuncties: 3, mentaal_welbevinden: 10, zingeving: 0.14, kwaliteit_van_leven: 5, meedoen: 5, dagelijks_functioneren: 5 });
      expect(body.talkCount).toBe(2);
      expect(body.answers.slapen).toEqual({ score: 3, talk: true });

      const list = (await s.get(`${url}/health-measurements`)).json();
      expect(list.policies).toEqual({ measure: true, chooseFilledBy: true });
      expect(list.items[0].dimensions.zingeving).toBe(0.14);
      expect(list.items[0]).not.toHaveProperty('answers');
    });

    it('refuses incomplete answers, scores out of range and a date in the future', async () => {
      const { s, url } = await setup();
      const answers = buildAnswers(() => 5);
      const { bewegen: _, ...missing } = answers;
      expect((await s.send('POST', `${url}/health-measurements`, { answers: missing })).statusCode).toBe(422);
      expect((await s.send('POST', `${url}/health-measurements`, { answers: { ...answers, eten: { score: 11, talk: false } } })).statusCode).toBe(422);
      const future = await s.send('POST', `${url}/health-measurements`, { measuredOn: addMonths(today, 1), answers });
      expect(future.json()).toMatchObject({ code: 'validation_failed' });
    });

    it('compares the latest web with the first, or with a chosen earlier one', async () => {
      const { s, url } = await setup();
      expect((await s.get(`${url}/health-measurements/comparison`)).json()).toEqual({ latest: null, baseline: null, changes: null });
      const first = (await s.send('POST', `${url}/health-measurements`, { measuredOn: addMonths(today, -12), answers: buildAnswers(() => 3) })).json();
      const single = (await s.get(`${url}/health-measurements/comparison`)).json();
      expect(single.latest.id).toBe(first.id);
      expect(single.baseline).toBeNull();

      const middle = (await s.send('POST', `${url}/health-measurements`, { measuredOn: addMonths(today, -6), answers: buildAnswers(() => 5) })).json();
      const latest = (await s.send('POST', `${url}/health-measurements`, { measuredOn: today, filledBy: 'client_alone', answers: buildAnswers((d) => (d === 4 ? 9 : 6)) })).json();
      const comparison = (await s.get(`${url}/health-measurements/comparison`)).json();
      expect(comparison.latest.id).toBe(latest.id);
      expect(comparison.baseline.id).toBe(first.id);
      expect(comparison.changes).toEqual({ lichaamsfuncties: 3, mentaal_welbevinden: 3, zingeving: 3, kwaliteit_van_leven: 3, meedoen: 6, dagelijks_functioneren: 3 });

      const chosen = (await s.get(`${url}/health-measurements/comparison?baseline=${middle.id}`)).json();
      expect(chosen.baseline.id).toBe(middle.id);
      expect(chosen.changes.meedoen).toBe(4);
      expect(chosen.changes.lichaamsfuncties).toBe(1);
      // The latest chosen as its own baseline: nothing to compare against.
      expect((await s.get(`${url}/health-measurements/comparison?baseline=${latest.id}`)).json()).toMatchObject({ latest: { id: latest.id }, baseline: null, changes: null });

      // A measurement of another client is not a baseline here.
      const other = await setup();
      const foreign = (await other.s.send('POST', `${other.url}/health-measurements`, { answers: buildAnswers(() => 1) })).json();
      expect((await s.get(`${url}/health-measurements/comparison?baseline=${foreign.id}`)).statusCode).toBe(404);

      const history = (await s.get(`${url}/health-measurements`)).json().items.map((m: { id: string }) => m.id);
      expect(history).toEqual([latest.id, middle.id, first.id]);
      for (const d of HEALTH_DIMENSION_CODES) expect(typeof comparison.latest.dimensions[d]).toBe('number');
    });

    it('records the ZRM with all thirteen domains on the 1–5 scale', async () => {
      const { s, url } = await setup();
      const bad = await s.send('POST', `${url}/zrm`, { measuredOn: today, scores: buildZrmScores(() => 6) });
      expect(bad.statusCode).toBe(422);
      await s.send('POST', `${url}/zrm`, { measuredOn: addMonths(today, -6), scores: buildZrmScores((i) => (i === 0 ? 1 : 2)) });
      const res = await s.send('POST', `${url}/zrm`, { measuredOn: today, scores: buildZrmScores((i) => (i % 5) + 1), note: 'Na drie maanden' });
      expect(res.statusCode).toBe(201);
      expect(res.json().scores).toMatchObject({ financien: 1, werk_opleiding: 2, justitie: 3 });
      const list = (await s.get(`${url}/zrm`)).json();
      expect(list.policies).toEqual({ record: true });
      expect(list.items.map((z: { measuredOn: string }) => z.measuredOn)).toEqual([today, addMonths(today, -6)]);
      const timeline = (await s.get(`${url}/timeline`)).json().items.map((e: { summary: string }) => e.summary);
      expect(timeline).toContain('Zelfredzaamheid-Matrix ingevuld (1 domein met acute problematiek)');
    });

    it('writes the timeline and a processing-log row under the personal-plan activity for every read and write', async () => {
      const { s, url, client } = await setup();
      await s.send('POST', `${url}/health-measurements`, { answers: buildAnswers(() => 6, ['eten']) });
      await s.get(`${url}/health-measurements`);
      await s.get(`${url}/health-measurements/comparison`);
      const db = t().database.db;
      const { bsn_pseudonym } = await db.selectFrom('clients').select('bsn_pseudonym').where('id', '=', client.id).executeTakeFirstOrThrow();
      const rows = await db
        .selectFrom('processing_log as l')
        .innerJoin('processing_activities as a', 'a.id', 'l.processing_activity_id')
        .select(['l.operation', 'a.code'])
        .where('l.data_subject_id', '=', bsn_pseudonym)
        .where('a.code', '=', 'personal-plan')
        .execute();
      expect(rows.map((r) => r.operation).sort()).toEqual(['plans.health-compare', 'plans.health-history', 'plans.health-measure']);
      const timeline = (await s.get(`${url}/timeline`)).json().items;
      expect(timeline[0]).toMatchObject({ kind: 'plan.health_measured', summary: 'Positieve Gezondheid ingevuld samen met de coach (1 onderwerp om over te praten)' });
    });

    it('prints the plan as a PDF in Dutch: the web with the first one, the figures, goals and actions', async () => {
      const { s, url } = await setup();
      await s.send('POST', `${url}/health-measurements`, { measuredOn: addMonths(today, -8), answers: buildAnswers(() => 4) });
      await s.send('POST', `${url}/health-measurements`, { measuredOn: today, answers: buildAnswers((d) => (d === 0 ? 8 : 6), ['financiele_armslag']) });
      const goal = (await s.send('POST', `${url}/goals`, { dimension: 'meedoen', description: 'Twee dagen per week vrijwilligerswerk bij de kringloop', owner: { kind: 'client' }, dueOn: addMonths(today, 3) })).json();
      await s.send('POST', `/api/goals/${goal.id}/actions`, { description: 'Kennismaken bij de kringloopwinkel', owner: { kind: 'other', name: 'Buurtteam Lingestad' } });
      await s.send('POST', `${url}/zrm`, { measuredOn: today, scores: buildZrmScores(() => 3) });

      const res = await s.get(`${url}/plan.pdf`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toMatch(/^inline; filename="persoonlijk-plan-C\d+\.pdf"$/);
      const { text, pages } = pdfText(res.rawPayload);
      expect(pages).toBeGreaterThanOrEqual(2);
      const flat = text.replace(/\s+/g, ' ');
      expect(flat).toContain('Persoonlijk plan van Zoë Koçak');
      expect(flat).toContain('Hoe gaat het met u? (Positieve Gezondheid)');
      expect(flat).toContain('Lichaamsfuncties 4,0 8,0 +4,0');
      expect(flat).toContain('Financiële armslag (Kwaliteit van leven)');
      expect(flat).toContain('Doel: Twee dagen per week vrijwilligerswerk bij de kringloop');
      expect(flat).toContain('Nog doen: Kennismaken bij de kringloopwinkel (Buurtteam Lingestad)');
      expect(flat).toContain('Wie: u zelf');
      expect(flat).toContain('3 – beperkt zelfredzaam');
      expect(flat).toContain(`Pagina 1 van ${pages}`);
    });
  },
  { setup: async ({ database, config }) => void (await seedDemo(database.db, { clients: 24, pseudonymKey: config.pseudonymKey })) },
);
