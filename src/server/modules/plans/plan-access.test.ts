import { expect, it } from 'vitest';
import { registerClient } from '../../test/fixtures.ts';
import { describeEachDatabase, login, type Session } from '../../test/test-app.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo/demo-accounts.ts';
import { seedDemo } from '../demo/demo-seed.ts';
import { buildAnswers, buildZrmScores } from './plan-fixtures.ts';

/** Every read of a plan, so a test can say "all of them" in one line. */
const READS = ['health-measurements', 'health-measurements/comparison', 'zrm', 'goals', 'plan.pdf'];

async function statuses(s: Session, clientId: string): Promise<number[]> {
  return Promise.all(READS.map(async (path) => (await s.get(`/api/clients/${clientId}/${path}`)).statusCode));
}

describeEachDatabase(
  'who reaches a personal plan',
  (t) => {
    const coach = () => login(t().app, DEMO_ACCOUNTS.coach.email, DEMO_PASSWORD);
    const newClient = async () => {
      const s = await coach();
      const m = await t().database.db.selectFrom('municipalities').select('id').executeTakeFirstOrThrow();
      const { client } = await registerClient(s, m.id);
      await s.send('POST', `/api/clients/${client.id}/health-measurements`, { answers: buildAnswers(() => 5) });
      return { s, client };
    };
    const demoClientId = async () =>
      (await t().database.db.selectFrom('users').select('client_id').where('email', '=', DEMO_ACCOUNTS.client.email).executeTakeFirstOrThrow()).client_id!;

    it('lets the client read their own plan and fill in a measurement alone, nothing more', async () => {
      const own = await demoClientId();
      const c = await login(t().app, DEMO_ACCOUNTS.client.email, DEMO_PASSWORD);
      expect(await statuses(c, own)).toEqual([200, 200, 200, 200, 200]);
      const list = (await c.get(`/api/clients/${own}/health-measurements`)).json();
      expect(list.policies).toEqual({ measure: true, chooseFilledBy: false });
      expect((await c.get(`/api/clients/${own}/goals`)).json().policies).toEqual({ manage: false });

      const together = await c.send('POST', `/api/clients/${own}/health-measurements`, { filledBy: 'client_with_coach', answers: buildAnswers(() => 7) });
      expect(together.json()).toMatchObject({ code: 'field_not_allowed' });
      const alone = await c.send('POST', `/api/clients/${own}/health-measurements`, { answers: buildAnswers(() => 7, ['genieten']) });
      expect(alone.statusCode).toBe(201);
      expect(alone.json()).toMatchObject({ filledBy: 'client_alone', recordedBy: { displayName: expect.any(String) } });
      // Goals and the ZRM are the coach's work with the client.
      expect((await c.send('POST', `/api/clients/${own}/goals`, { dimension: 'meedoen', description: 'Zelf een doel', owner: { kind: 'client' } })).statusCode).toBe(403);
      expect((await c.send('POST', `/api/clients/${own}/zrm`, { measuredOn: '2026-01-01', scores: buildZrmScores(() => 3) })).statusCode).toBe(403);
    });

    it('keeps a client out of another client’s plan (404, not confirmed to exist)', async () => {
      const { client } = await newClient();
      const c = await login(t().app, DEMO_ACCOUNTS.client.email, DEMO_PASSWORD);
      expect(await statuses(c, client.id)).toEqual([404, 404, 404, 404, 404]);
      expect((await c.send('POST', `/api/clients/${client.id}/health-measurements`, { answers: buildAnswers(() => 1) })).statusCode).toBe(404);
    });

    it('gives the team lead the plan, and a coach of another team a 404', async () => {
      const { client } = await newClient();
      const lead = await login(t().app, DEMO_ACCOUNTS.team_lead.email, DEMO_PASSWORD);
      expect(await statuses(lead, client.id)).toEqual([200, 200, 200, 200, 200]);
      // coach2 works in another team (demo seed: coaches 2–8 spread over the other teams).
      const other = await login(t().app, 'coach2@meedoen.demo', DEMO_PASSWORD);
      expect(await statuses(other, client.id)).toEqual([404, 404, 404, 404, 404]);
      expect((await other.send('POST', `/api/clients/${client.id}/goals`, { dimension: 'meedoen', description: 'Niet mijn cliënt', owner: { kind: 'coach' } })).statusCode).toBe(404);
      const policy = await login(t().app, DEMO_ACCOUNTS.policy_officer.email, DEMO_PASSWORD);
      expect((await policy.get(`/api/clients/${client.id}/goals`)).statusCode).toBe(403);
    });

    it('shows a provider the plan only while an open referral shares it', async () => {
      const { s, client } = await newClient();
      const goal = (await s.send('POST', `/api/clients/${client.id}/goals`, { dimension: 'meedoen', description: 'Vrijwilligerswerk vinden', owner: { kind: 'client' } })).json();
      const db = t().database.db;
      const provider = await db.selectFrom('users').select(['organisation_id', 'external_organisation_id']).where('email', '=', DEMO_ACCOUNTS.provider_coach.email).executeTakeFirstOrThrow();
      const p = await login(t().app, DEMO_ACCOUNTS.provider_coach.email, DEMO_PASSWORD);
      expect(await statuses(p, client.id)).toEqual([404, 404, 404, 404, 404]);

      // A referral that does not share the plan: the client is in reach, the plan is not.
      const referral = await db
        .insertInto('referrals')
        .values({ organisation_id: provider.organisation_id, client_id: client.id, external_organisation_id: provider.external_organisation_id!, status: 'active', shared_fields: ['ladder'] })
        .returning('id')
        .executeTakeFirstOrThrow();
      expect(await statuses(p, client.id)).toEqual([403, 403, 403, 403, 403]);
      expect((await p.get(`/api/clients/${client.id}`)).json().policies.readPlan).toBe(true);

      await db.updateTable('referrals').set({ shared_fields: ['ladder', 'plan'] }).where('id', '=', referral.id).execute();
      expect(await statuses(p, client.id)).toEqual([200, 200, 200, 200, 200]);
      const goals = (await p.get(`/api/clients/${client.id}/goals`)).json();
      expect(goals).toMatchObject({ items: [{ id: goal.id }], policies: { manage: false } });
      expect((await p.get(`/api/clients/${client.id}/health-measurements`)).json().policies).toEqual({ measure: false, chooseFilledBy: false });
      // Reading only: the provider has no permission to write a plan.
      expect((await p.send('POST', `/api/clients/${client.id}/health-measurements`, { answers: buildAnswers(() => 2) })).statusCode).toBe(403);
      expect((await p.send('PATCH', `/api/goals/${goal.id}`, { progress: 50 }, { 'if-match': `"${goal.version}"` })).statusCode).toBe(403);

      // Once the trajectory ends, the client is out of reach again.
      await db.updateTable('referrals').set({ status: 'completed' }).where('id', '=', referral.id).execute();
      expect(await statuses(p, client.id)).toEqual([404, 404, 404, 404, 404]);
    });

    it('backs the sharing rule with row-level security for external users', async () => {
      const { client } = await newClient();
      const db = t().database.db;
      const provider = await db.selectFrom('users').select(['organisation_id', 'external_organisation_id']).where('email', '=', DEMO_ACCOUNTS.provider_coach.email).executeTakeFirstOrThrow();
      await db
        .insertInto('referrals')
        .values({ organisation_id: provider.organisation_id, client_id: client.id, external_organisation_id: provider.external_organisation_id!, status: 'active', shared_fields: [] })
        .execute();
      const { enterActorBoundary } = await import('../../authz/boundary.ts');
      const actor = { role: 'provider_coach', externalOrganisationId: provider.external_organisation_id, organisationId: provider.organisation_id } as Parameters<typeof enterActorBoundary>[1];
      const seen = await db.transaction().execute(async (trx) => {
        await enterActorBoundary(trx, actor);
        return trx.selectFrom('health_measurements').select('id').where('client_id', '=', client.id).execute();
      });
      // The SQL asks for the client's measurements; the policy leaves none, because nothing shares the plan.
      expect(seen).toEqual([]);
      const all = await db.selectFrom('health_measurements').select('id').where('client_id', '=', client.id).execute();
      expect(all).toHaveLength(1);
    });
  },
  { setup: async ({ database, config }) => void (await seedDemo(database.db, { clients: 12, pseudonymKey: config.pseudonymKey })) },
);
