import { expect, it } from 'vitest';
import { addMonths, todayIso } from '../../../shared/dates.ts';
import { registerClient } from '../../test/fixtures.ts';
import { describeEachDatabase, login } from '../../test/test-app.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo/demo-accounts.ts';
import { seedDemo } from '../demo/demo-seed.ts';

describeEachDatabase(
  'goals and actions of the personal plan',
  (t) => {
    const today = todayIso();
    const setup = async () => {
      const s = await login(t().app, DEMO_ACCOUNTS.coach.email, DEMO_PASSWORD);
      const m = await t().database.db.selectFrom('municipalities').select('id').executeTakeFirstOrThrow();
      const { client } = await registerClient(s, m.id);
      return { s, url: `/api/clients/${client.id}` };
    };

    it('sets goals per dimension with owner and due date, adds actions, and tracks progress', async () => {
      const { s, url } = await setup();
      const created = await s.send('POST', `${url}/goals`, { dimension: 'lichaamsfuncties', description: 'Drie keer per week wandelen', owner: { kind: 'client' }, dueOn: addMonths(today, 2) });
      expect(created.statusCode).toBe(201);
      const goal = created.json();
      expect(goal).toMatchObject({ dimension: 'lichaamsfuncties', owner: { kind: 'client', name: null }, status: 'open', progress: 0, version: 1, actions: [] });
      expect(created.headers.etag).toBe('"1"');

      const a1 = (await s.send('POST', `/api/goals/${goal.id}/actions`, { description: 'Wandelschoenen kopen', owner: { kind: 'client' }, dueOn: addMonths(today, 1) })).json();
      const a2 = (await s.send('POST', `/api/goals/${goal.id}/actions`, { description: 'Wandelgroep zoeken', owner: { kind: 'other', name: 'Buurtteam Lingestad' } })).json();
      expect(a2.owner).toEqual({ kind: 'other', name: 'Buurtteam Lingestad' });

      const done = await s.send('PATCH', `/api/goal-actions/${a1.id}`, { done: true });
      expect(done.json()).toMatchObject({ done: true, doneOn: today });

      const stale = await s.send('PATCH', `/api/goals/${goal.id}`, { progress: 50 }, { 'if-match': '"7"' });
      expect(stale.statusCode).toBe(412);
      expect((await s.send('PATCH', `/api/goals/${goal.id}`, { progress: 50 })).statusCode).toBe(428);
      const progressed = await s.send('PATCH', `/api/goals/${goal.id}`, { status: 'in_progress', progress: 50 }, { 'if-match': '"1"' });
      expect(progressed.json()).toMatchObject({ status: 'in_progress', progress: 50, version: 2 });
      const achieved = (await s.send('PATCH', `/api/goals/${goal.id}`, { status: 'achieved' }, { 'if-match': '"2"' })).json();
      expect(achieved).toMatchObject({ status: 'achieved', progress: 100, actions: [{ id: a1.id, done: true }, { id: a2.id, done: false }] });

      const list = (await s.get(`${url}/goals`)).json();
      expect(list.policies).toEqual({ manage: true });
      expect(list.items).toHaveLength(1);
      expect(list.items[0].actions.map((a: { description: string }) => a.description)).toEqual(['Wandelschoenen kopen', 'Wandelgroep zoeken']);

      const summaries = (await s.get(`${url}/timeline`)).json().items.map((e: { summary: string }) => e.summary);
      expect(summaries).toContain('Doel gesteld (Lichaamsfuncties): Drie keer per week wandelen');
      expect(summaries).toContain('Actie gedaan: Wandelschoenen kopen');
      expect(summaries).toContain('Doel gehaald: Drie keer per week wandelen');
    });

    it('asks a name exactly when someone else owns a goal or action', async () => {
      const { s, url } = await setup();
      expect((await s.send('POST', `${url}/goals`, { dimension: 'meedoen', description: 'Iets met de buren', owner: { kind: 'other' } })).statusCode).toBe(422);
      expect((await s.send('POST', `${url}/goals`, { dimension: 'meedoen', description: 'Iets met de buren', owner: { kind: 'coach', name: 'Piet' } })).statusCode).toBe(422);
      expect((await s.send('POST', `${url}/goals`, { dimension: 'geluk', description: 'Onbekend gebied', owner: { kind: 'coach' } })).statusCode).toBe(422);
    });

    it('removes an action, and a goal together with its actions', async () => {
      const { s, url } = await setup();
      const goal = (await s.send('POST', `${url}/goals`, { dimension: 'zingeving', description: 'Een hobby oppakken', owner: { kind: 'coach' } })).json();
      const action = (await s.send('POST', `/api/goals/${goal.id}/actions`, { description: 'Cursus zoeken', owner: { kind: 'coach' } })).json();
      await s.send('POST', `/api/goals/${goal.id}/actions`, { description: 'Inschrijven', owner: { kind: 'client' } });
      expect((await s.send('DELETE', `/api/goal-actions/${action.id}`)).statusCode).toBe(204);
      expect((await s.get(`${url}/goals`)).json().items[0].actions).toHaveLength(1);
      expect((await s.send('DELETE', `/api/goals/${goal.id}`)).statusCode).toBe(204);
      expect((await s.get(`${url}/goals`)).json().items).toEqual([]);
      expect((await s.send('DELETE', `/api/goals/${goal.id}`)).statusCode).toBe(404);
    });
  },
  { setup: async ({ database, config }) => void (await seedDemo(database.db, { clients: 12, pseudonymKey: config.pseudonymKey })) },
);
