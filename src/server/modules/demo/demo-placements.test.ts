import { expect, it } from 'vitest';
import { todayIso } from '../../../shared/dates.ts';
import { PLACEMENT_KINDS } from '../../../shared/placements.ts';
import { describeEachDatabase, login } from '../../test/test-app.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.ts';
import { seedDemo } from './demo-seed.ts';

describeEachDatabase(
  'demo placements',
  (t) => {
    it('holds a dozen employers, placements of every kind, beschut werk in every stage, school records and a tegenprestatie', async () => {
      const db = t().database.db;
      expect((await db.selectFrom('employers').select('id').execute()).length).toBe(12);
      const kinds = new Set((await db.selectFrom('placements').select('kind').execute()).map((r) => r.kind));
      expect([...kinds].sort()).toEqual([...PLACEMENT_KINDS].sort());
      const phases = new Set((await db.selectFrom('placements').select('phase').where('kind', '=', 'afspraakbaan').execute()).map((r) => r.phase));
      expect(phases).toEqual(new Set(['proefplaatsing', 'contract']));
      const statuses = new Set((await db.selectFrom('beschut_werk_applications').select('status').execute()).map((r) => r.status));
      expect([...statuses].sort()).toEqual(['geplaatst', 'in_beoordeling', 'negatief', 'positief', 'werkfit']);
      expect((await db.selectFrom('school_records').select('client_id').where('back_in_education_since', 'is not', null).execute()).length).toBeGreaterThan(0);
      expect((await db.selectFrom('tegenprestatie_decisions').select('id').execute()).length).toBe(1);

      const year = Number(todayIso().slice(0, 4));
      const coach = await login(t().app, DEMO_ACCOUNTS.coach.email, DEMO_PASSWORD);
      const overview = (await coach.get(`/api/beschut-werk/overview?year=${year}`)).json();
      expect(overview.items.map((l: { quota: number }) => l.quota)).toEqual([7, 14, 5]);
      const me = await login(t().app, DEMO_ACCOUNTS.client.email, DEMO_PASSWORD);
      const own = await db.selectFrom('users').select('client_id').where('email', '=', DEMO_ACCOUNTS.client.email).executeTakeFirstOrThrow();
      expect((await me.get(`/api/clients/${own.client_id}/placements`)).json().items[0]).toMatchObject({ kind: 'vrijwilligerswerk', employer: { name: 'Voedselbank Lingedal' } });
    });
  },
  { setup: async ({ database, config }) => void (await seedDemo(database.db, { clients: 80, pseudonymKey: config.pseudonymKey })) },
);
