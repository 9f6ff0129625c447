import { expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../modules/demo/demo-accounts.ts';
import { seedDemo } from '../modules/demo/demo-seed.ts';
import { describeEachDatabase, login, type Session, type TestContext } from '../test/test-app.ts';
import { OPEN_REFERRAL_STATUSES } from '../../shared/referrals.ts';

/**
 * The privacy boundary per role, through every door that exists so far: list, search (by name
 * and by BSN), counts, the start page, the dossier by id, and the processing log.
 */
describeEachDatabase(
  'client access per role',
  (t) => {
    const as = (email: string) => login(t().app, email, DEMO_PASSWORD);
    const db = () => t().database.db;

    async function userByEmail(email: string) {
      return db().selectFrom('users').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
    }
    async function clientIdsWhere(filter: (ctx: TestContext) => Promise<string[]>) {
      return (await filter(t())).sort();
    }
    async function listAll(s: Session, q = '') {
      const res = await s.get(`/api/clients?limit=200${q ? `&q=${encodeURIComponent(q)}` : ''}`);
      return { status: res.statusCode, body: res.json() };
    }

    it('a coach (team scope) sees exactly their team and own clients, and can open them', async () => {
      const coach = await userByEmail(DEMO_ACCOUNTS.coach.email);
      const expected = await clientIdsWhere(async () =>
        (await db().selectFrom('clients').select('id').where((eb) => eb.or([eb('team_id', '=', coach.team_id), eb('coach_id', '=', coach.id)])).execute()).map((r) => r.id),
      );
      const s = await as(DEMO_ACCOUNTS.coach.email);
      const { status, body } = await listAll(s);
      expect(status).toBe(200);
      expect(body.items.map((c: { id: string }) => c.id).sort()).toEqual(expected);
      expect(body.total).toBe(expected.length);
      expect(body.items[0]).not.toHaveProperty('bsn');
      const one = await s.get(`/api/clients/${expected[0]}`);
      expect(one.statusCode).toBe(200);
      expect(one.json().bsn).toMatch(/^\d{9}$/);
    });

    it("a coach of another team gets 404 for a client outside their scope, by id, by name and by BSN", async () => {
      const outsider = await as('coach2@meedoen.demo');
      const coach = await userByEmail(DEMO_ACCOUNTS.coach.email);
      const target = await db().selectFrom('clients').selectAll().where('team_id', '=', coach.team_id).executeTakeFirstOrThrow();
      const byId = await outsider.get(`/api/clients/${target.id}`);
      expect(byId.statusCode).toBe(404);
      const byBsn = await listAll(outsider, target.bsn);
      expect(byBsn.body.items).toEqual([]);
      expect(byBsn.body.total).toBe(0);
      const byName = await listAll(outsider, target.last_name);
      expect(byName.body.items.map((c: { id: string }) => c.id)).not.toContain(target.id);
      const log = await outsider.get(`/api/clients/${target.id}/processing-log`);
      expect(log.statusCode).toBe(404);
    });

    it('a coach finds a client in scope by BSN, by client number and by name prefix', async () => {
      const coach = await userByEmail(DEMO_ACCOUNTS.coach.email);
      const target = await db().selectFrom('clients').selectAll().where('coach_id', '=', coach.id).executeTakeFirstOrThrow();
      const s = await as(DEMO_ACCOUNTS.coach.email);
      for (const q of [target.bsn, target.client_number, target.last_name.slice(0, 3).toLowerCase(), `${target.first_name.slice(0, 2)} ${target.last_name}`]) {
        const { body } = await listAll(s, q);
        expect(body.items.map((c: { id: string }) => c.id)).toContain(target.id);
      }
    });

    it('a team lead sees exactly the team and nobody else', async () => {
      const lead = await userByEmail(DEMO_ACCOUNTS.team_lead.email);
      const expected = (await db().selectFrom('clients').select('id').where('team_id', '=', lead.team_id).execute()).map((r) => r.id).sort();
      const { body } = await listAll(await as(DEMO_ACCOUNTS.team_lead.email));
      expect(body.items.map((c: { id: string }) => c.id).sort()).toEqual(expected);
    });

    for (const role of ['provider_coach', 'partner'] as const) {
      it(`a ${role} sees only clients with an open referral to their own organisation`, async () => {
        const user = await userByEmail(DEMO_ACCOUNTS[role].email);
        const expected = (
          await db()
            .selectFrom('referrals')
            .select('client_id')
            .distinct()
            .where('external_organisation_id', '=', user.external_organisation_id!)
            .where('status', 'in', OPEN_REFERRAL_STATUSES)
            .execute()
        ).map((r) => r.client_id).sort();
        expect(expected.length).toBeGreaterThan(0);
        const s = await as(DEMO_ACCOUNTS[role].email);
        const { body } = await listAll(s);
        expect(body.items.map((c: { id: string }) => c.id).sort()).toEqual(expected);
        // Need to know: no BSN, contact details, address or benefit for an external organisation.
        const detail = (await s.get(`/api/clients/${expected[0]}`)).json();
        expect(detail).toMatchObject({ bsn: null, phone: null, email: null, address: { street: null, postcode: null }, benefit: { type: null } });
        const bsn = (await db().selectFrom('clients').select('bsn').where('id', '=', expected[0]!).executeTakeFirstOrThrow()).bsn;
        expect(JSON.stringify(detail)).not.toContain(bsn);
        expect((await s.get(`/api/clients/${expected[0]}/ladder`)).statusCode).toBe(role === 'provider_coach' ? 200 : 403);
        const start = (await s.get('/api/start')).json();
        expect(start.counts.open_referrals).toBe(expected.length);

        // A client whose referral ended, or went to another organisation, is out of reach by id.
        const closed = await db()
          .selectFrom('clients')
          .select('id')
          .where('id', 'not in', expected.length ? expected : ['00000000-0000-4000-8000-000000000000'])
          .executeTakeFirstOrThrow();
        expect((await s.get(`/api/clients/${closed.id}`)).statusCode).toBe(404);
        expect((await s.get(`/api/clients/${closed.id}/processing-log`)).statusCode).toBe(403);
      });
    }

    it('access ends the moment a referral ends', async () => {
      const provider = await userByEmail(DEMO_ACCOUNTS.provider_coach.email);
      const referral = await db()
        .selectFrom('referrals')
        .selectAll()
        .where('external_organisation_id', '=', provider.external_organisation_id!)
        .where('status', '=', 'active')
        .executeTakeFirstOrThrow();
      const s = await as(DEMO_ACCOUNTS.provider_coach.email);
      const others = await db()
        .selectFrom('referrals')
        .select('id')
        .where('client_id', '=', referral.client_id)
        .where('external_organisation_id', '=', provider.external_organisation_id!)
        .where('status', 'in', OPEN_REFERRAL_STATUSES)
        .execute();
      expect((await s.get(`/api/clients/${referral.client_id}`)).statusCode).toBe(200);
      await db().updateTable('referrals').set({ status: 'completed' }).where('id', 'in', others.map((o) => o.id)).execute();
      expect((await s.get(`/api/clients/${referral.client_id}`)).statusCode).toBe(404);
    });

    it('a policy officer and an administrator get no client records through any door', async () => {
      const anyClient = await db().selectFrom('clients').selectAll().executeTakeFirstOrThrow();
      for (const email of [DEMO_ACCOUNTS.policy_officer.email, DEMO_ACCOUNTS.administrator.email]) {
        const s = await as(email);
        expect((await s.get('/api/clients')).statusCode).toBe(403);
        expect((await s.get(`/api/clients?q=${anyClient.bsn}`)).statusCode).toBe(403);
        expect((await s.get(`/api/clients/${anyClient.id}`)).statusCode).toBe(403);
        expect((await s.get(`/api/clients/${anyClient.id}/processing-log`)).statusCode).toBe(403);
        const start = (await s.get('/api/start')).json();
        expect(start.clients).toEqual([]);
        expect(JSON.stringify(start)).not.toContain(anyClient.last_name);
      }
    });

    it('a client sees only their own record', async () => {
      const user = await userByEmail(DEMO_ACCOUNTS.client.email);
      const s = await as(DEMO_ACCOUNTS.client.email);
      expect((await s.get('/api/clients')).statusCode).toBe(403);
      expect((await s.get(`/api/clients/${user.client_id}`)).statusCode).toBe(200);
      const other = await db().selectFrom('clients').select('id').where('id', '!=', user.client_id!).executeTakeFirstOrThrow();
      expect((await s.get(`/api/clients/${other.id}`)).statusCode).toBe(404);
      const start = (await s.get('/api/start')).json();
      expect(start.clients.map((c: { id: string }) => c.id)).toEqual([user.client_id]);
      expect((await s.get(`/api/clients/${user.client_id}/processing-log`)).statusCode).toBe(200);
    });

    it('small counts are suppressed for the policy officer', async () => {
      const s = await as(DEMO_ACCOUNTS.policy_officer.email);
      const start = (await s.get('/api/start')).json();
      expect(start.counts.clients_total).toBeGreaterThanOrEqual(5);
      expect(start.counts.municipalities).toBe(3);
    });
  },
  { setup: async ({ database, config }) => void (await seedDemo(database.db, { clients: 60, pseudonymKey: config.pseudonymKey })) },
);
