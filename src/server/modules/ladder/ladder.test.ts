import { describe, expect, it } from 'vitest';
import { deriveLadderStep, normaliseLadderAnswers } from '../../../shared/ladder.ts';
import { addMonths, todayIso } from '../../../shared/dates.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo/demo-accounts.ts';
import { seedDemo } from '../demo/demo-seed.ts';
import { describeEachDatabase, login } from '../../test/test-app.ts';
import { registerClient } from '../../test/fixtures.ts';

describe('deriveLadderStep', () => {
  it('follows the criteria of each step', () => {
    expect(deriveLadderStep({ paidWork: true, paidWorkWithSupport: false })).toBe(6);
    expect(deriveLadderStep({ paidWork: true, paidWorkWithSupport: true })).toBe(5);
    expect(deriveLadderStep({ paidWork: false, unpaidWorkWithResponsibility: true })).toBe(4);
    expect(deriveLadderStep({ paidWork: false, organisedActivityWeekly: true })).toBe(3);
    expect(deriveLadderStep({ paidWork: false, socialContactWeekly: true })).toBe(2);
    expect(deriveLadderStep({ paidWork: false })).toBe(1);
  });

  it('keeps only the answers that were asked', () => {
    expect(normaliseLadderAnswers({ paidWork: true, paidWorkWithSupport: true, socialContactWeekly: true })).toEqual({ paidWork: true, paidWorkWithSupport: true });
    expect(normaliseLadderAnswers({ paidWork: false, organisedActivityWeekly: true, socialContactWeekly: false })).toEqual({
      paidWork: false,
      unpaidWorkWithResponsibility: false,
      organisedActivityWeekly: true,
    });
  });
});

describeEachDatabase(
  'participatieladder',
  (t) => {
    const setup = async () => {
      const s = await login(t().app, DEMO_ACCOUNTS.coach.email, DEMO_PASSWORD);
      const m = await t().database.db.selectFrom('municipalities').select('id').executeTakeFirstOrThrow();
      const { client } = await registerClient(s, m.id);
      return { s, client };
    };
    const today = todayIso();

    it('derives the step from the answers and updates the dossier header, chart data and timeline', async () => {
      const { s, client } = await setup();
      const res = await s.send('POST', `/api/clients/${client.id}/ladder`, {
        measuredOn: addMonths(today, -14),
        occasion: 'intake',
        answers: { paidWork: false, unpaidWorkWithResponsibility: false, organisedActivityWeekly: true, socialContactWeekly: true },
        growthPotential: 4,
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ step: 3, growthPotential: 4, occasion: 'intake', answers: { paidWork: false, organisedActivityWeekly: true } });
      expect(res.json().answers).not.toHaveProperty('socialContactWeekly');
      let header = (await s.get(`/api/clients/${client.id}`)).json();
      expect(header.ladder).toMatchObject({ step: 3, growthPotential: 4, overdue: true });

      await s.send('POST', `/api/clients/${client.id}/ladder`, { measuredOn: today, occasion: 'yearly', answers: { paidWork: false, unpaidWorkWithResponsibility: true }, growthPotential: 5 });
      header = (await s.get(`/api/clients/${client.id}`)).json();
      expect(header.ladder).toMatchObject({ step: 4, growthPotential: 5, measuredOn: today, overdue: false });

      // An older measurement entered late does not replace the newest in the header.
      await s.send('POST', `/api/clients/${client.id}/ladder`, { measuredOn: addMonths(today, -20), occasion: 'other', answers: { paidWork: false }, growthPotential: 2 });
      header = (await s.get(`/api/clients/${client.id}`)).json();
      expect(header.ladder.step).toBe(4);
      const history = (await s.get(`/api/clients/${client.id}/ladder`)).json().items;
      expect(history.map((h: { step: number }) => h.step)).toEqual([4, 3, 1]);
      const timeline = (await s.get(`/api/clients/${client.id}/timeline`)).json().items.map((e: { summary: string }) => e.summary);
      expect(timeline).toContain('Participatieladder: trede 3 → 4 (groeipotentieel 5)');
    });

    it('refuses a growth potential below the step and a date in the future', async () => {
      const { s, client } = await setup();
      const low = await s.send('POST', `/api/clients/${client.id}/ladder`, { measuredOn: today, occasion: 'intake', answers: { paidWork: true, paidWorkWithSupport: false }, growthPotential: 5 });
      expect(low.statusCode).toBe(422);
      expect(low.json()).toMatchObject({ code: 'growth_below_step', step: 6 });
      const future = await s.send('POST', `/api/clients/${client.id}/ladder`, { measuredOn: addMonths(today, 1), occasion: 'intake', answers: { paidWork: false }, growthPotential: 2 });
      expect(future.statusCode).toBe(422);
      const guessed = await s.send('POST', `/api/clients/${client.id}/ladder`, { measuredOn: today, occasion: 'intake', step: 6, answers: { paidWork: false }, growthPotential: 6 });
      expect(guessed.statusCode).toBe(422);
      expect((await s.get(`/api/clients/${client.id}/ladder`)).json().items).toEqual([]);
    });

    it('completes the open ladder task of the client when measured', async () => {
      const { s, client } = await setup();
      const admin = await login(t().app, DEMO_ACCOUNTS.administrator.email, DEMO_PASSWORD);
      expect((await admin.send('POST', '/api/tasks/generate')).statusCode).toBe(200);
      const before = (await s.get(`/api/tasks?clientId=${client.id}`)).json().items;
      expect(before.map((x: { kind: string }) => x.kind)).toContain('ladder_meting');
      await s.send('POST', `/api/clients/${client.id}/ladder`, { measuredOn: today, occasion: 'intake', answers: { paidWork: false }, growthPotential: 2 });
      const open = (await s.get(`/api/tasks?clientId=${client.id}`)).json().items;
      expect(open.map((x: { kind: string }) => x.kind)).not.toContain('ladder_meting');
    });
  },
  { setup: async ({ database, config }) => void (await seedDemo(database.db, { clients: 12, pseudonymKey: config.pseudonymKey })) },
);
