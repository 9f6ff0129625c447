import { expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../http/session-plugin.ts';
import { describeEachDatabase, login } from '../../test/test-app.ts';
import { resolveSession } from '../auth/auth.service.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo/demo-accounts.ts';
import { seedDemo } from '../demo/demo-seed.ts';
import { findClient, findClientRef } from './clients.repository.ts';

/**
 * The ladder, timeline and plan authorise on the five-column lookup, the dossier header on the
 * full one. Both must draw the same line: for every role, the same clients found (the rest is
 * 404) and the same fields for the object rules and the processing log.
 */
describeEachDatabase(
  'the two client lookups',
  (t) => {
    it('find the same clients with the same policy fields, for every role', async () => {
      const { app, database, config } = t();
      const clientIds = (await database.db.selectFrom('clients').select('id').orderBy('id').execute()).map((r) => r.id);
      const emails = [...Object.values(DEMO_ACCOUNTS).map((a) => a.email), 'coach2@meedoen.demo'];
      let found = 0;
      for (const email of emails) {
        const session = await login(app, email, DEMO_PASSWORD);
        const token = session.cookie.slice(`${SESSION_COOKIE}=`.length);
        const { actor } = (await resolveSession(database.db, config, token))!;
        for (const id of clientIds) {
          const full = await findClient(database.db, actor, id);
          const ref = await findClientRef(database.db, actor, id);
          expect(ref, `${email} ${id}`).toEqual(
            full && { id: full.id, organisation_id: full.organisation_id, coach_id: full.coach_id, team_id: full.team_id, bsn_pseudonym: full.bsn_pseudonym },
          );
          if (ref) found++;
        }
      }
      // Not vacuous: the coaches, the team lead, the client and the provider each find some.
      expect(found).toBeGreaterThan(clientIds.length / 2);
    });
  },
  { setup: async ({ database, config }) => void (await seedDemo(database.db, { clients: 60, pseudonymKey: config.pseudonymKey })) },
);
