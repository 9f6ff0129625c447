import { expect, it } from 'vitest';
import { addMonths, todayIso } from '../../../shared/dates.ts';
import { TEGENPRESTATIE_DEFAULT_GROUND } from '../../../shared/placements.ts';
import { seedDemo } from '../demo/demo-seed.ts';
import { workFixtures } from '../placements/work.fixtures.ts';
import { describeEachDatabase } from '../../test/test-app.ts';

describeEachDatabase(
  'tegenprestatie decisions',
  (t) => {
    const f = workFixtures(t);
    const today = todayIso();

    it('records a decision not to impose one, then an imposed one with ground, period and activity', async () => {
      const s = await f.coach();
      const client = await f.newClient(s);
      expect((await s.get(`/api/clients/${client.id}/tegenprestatie`)).json()).toEqual({ items: [], policies: { decide: true } });
      const none = await s.send('POST', `/api/clients/${client.id}/tegenprestatie`, { decision: 'niet_opgelegd', legalGround: TEGENPRESTATIE_DEFAULT_GROUND, decidedOn: addMonths(today, -2), note: 'Mantelzorg voor moeder' });
      expect(none.statusCode).toBe(201);
      expect(none.json()).toMatchObject({ decision: 'niet_opgelegd', period: null, decidedBy: 'Sanne de Vries' });

      const incomplete = await s.send('POST', `/api/clients/${client.id}/tegenprestatie`, { decision: 'opgelegd', legalGround: TEGENPRESTATIE_DEFAULT_GROUND, decidedOn: today, startsOn: today });
      expect(incomplete.json()).toMatchObject({ code: 'validation_failed', field: 'endsOn' });
      const imposed = await s.send('POST', `/api/clients/${client.id}/tegenprestatie`, {
        decision: 'opgelegd',
        legalGround: TEGENPRESTATIE_DEFAULT_GROUND,
        decidedOn: today,
        startsOn: today,
        endsOn: addMonths(today, 6),
        activity: 'Onderhoud van het groen in de wijk',
        hoursPerWeek: 8,
      });
      expect(imposed.statusCode).toBe(201);
      expect(imposed.json()).toMatchObject({ period: { startsOn: today, endsOn: addMonths(today, 6) }, activity: 'Onderhoud van het groen in de wijk', hoursPerWeek: 8 });
      const list = (await s.get(`/api/clients/${client.id}/tegenprestatie`)).json().items;
      expect(list.map((d: { decision: string }) => d.decision)).toEqual(['opgelegd', 'niet_opgelegd']);
      const timeline = (await s.get(`/api/clients/${client.id}/timeline`)).json().items;
      expect(timeline[0]).toMatchObject({ kind: 'tegenprestatie.decided' });
      expect(timeline[0].summary).toContain('Tegenprestatie opgelegd');
    });
  },
  { setup: async ({ database, config }) => void (await seedDemo(database.db, { clients: 8, pseudonymKey: config.pseudonymKey })) },
);
