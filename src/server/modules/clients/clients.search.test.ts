import { expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo/demo-accounts.ts';
import { seedDemo } from '../demo/demo-seed.ts';
import { pseudonymiseBsn } from '../processing-log/processing-log.service.ts';
import { describeEachDatabase, login } from '../../test/test-app.ts';
import { nextBsn } from '../../test/fixtures.ts';
import { insertClients } from './clients.repository.ts';

/** Name search for a coach who sees the whole organisation: the path built for a million clients. */
describeEachDatabase(
  'organisation-wide client search',
  (t) => {
    it('lists last-name matches first, then first-name matches, pages without gaps, and caps the count', async () => {
      const s = await login(t().app, DEMO_ACCOUNTS.coach.email, DEMO_PASSWORD);
      const all = (await s.get('/api/clients?q=zwa&limit=50')).json();
      expect(all.items.map((c: { lastName: string; firstName: string }) => `${c.firstName} ${c.lastName}`)).toEqual([
        'Anna Zwaan', 'Bert Zwaan', 'Zwaantje Bakker', 'Zwanet de Wit',
      ]);
      const page1 = (await s.get('/api/clients?q=zwa&limit=2&offset=0')).json().items.map((c: { id: string }) => c.id);
      const page2 = (await s.get('/api/clients?q=zwa&limit=2&offset=2')).json().items.map((c: { id: string }) => c.id);
      expect([...page1, ...page2]).toEqual(all.items.map((c: { id: string }) => c.id));
      expect(all).toMatchObject({ total: 4, totalCapped: false });

      const many = (await s.get('/api/clients?q=kapper&limit=20')).json();
      expect(many).toMatchObject({ total: 200, totalCapped: true });
      expect(many.items).toHaveLength(20);
    });
  },
  {
    setup: async ({ database, config }) => {
      await seedDemo(database.db, { clients: 10, pseudonymKey: config.pseudonymKey });
      const db = database.db;
      await db.updateTable('organisations').set({ coach_client_scope: 'organisation' }).execute();
      const organisation = await db.selectFrom('organisations').select('id').executeTakeFirstOrThrow();
      const municipality = await db.selectFrom('municipalities').select('id').executeTakeFirstOrThrow();
      const names = [['Zwanet', 'de Wit'], ['Bert', 'Zwaan'], ['Zwaantje', 'Bakker'], ['Anna', 'Zwaan'], ...Array.from({ length: 210 }, (_, i) => [`Klant${i}`, 'Kapper'])];
      await insertClients(
        db,
        names.map(([first, last], i) => {
          const bsn = nextBsn();
          return {
            organisation_id: organisation.id, client_number: `Z${i}`, bsn, bsn_pseudonym: pseudonymiseBsn(config.pseudonymKey, bsn),
            first_name: first!, last_name: last!, date_of_birth: '1980-01-01', municipality_id: municipality.id, team_id: null, coach_id: null,
          };
        }),
      );
    },
  },
);
