import { expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../modules/demo/demo-accounts.ts';
import { seedDemo } from '../modules/demo/demo-seed.ts';
import { registerClient } from '../test/fixtures.ts';
import { describeEachDatabase, login } from '../test/test-app.ts';
import { demoProviders } from '../test/trajectory-fixtures.ts';

/**
 * Migration 0033: a referral, a user or an escalation of one organisation cannot name a provider of
 * another; the provider's referral total counts on it (referrals.repository, ownOpenReferralCount).
 */
describeEachDatabase(
  'a provider belongs to one organisation, in the database itself',
  (t) => {
    it('refuses a referral, a provider user and an escalation naming another organisation’s provider, and keeps its own', async () => {
      const db = t().database.db;
      const { organisationId, providerA } = await demoProviders(db);
      const other = await db.insertInto('organisations').values({ name: 'Andere dienst', slug: 'andere-dienst-tenant-keys' }).returning('id').executeTakeFirstOrThrow();
      const foreign = await db.insertInto('external_organisations').values({ organisation_id: other.id, kind: 'provider', name: 'Elders BV' }).returning('id').executeTakeFirstOrThrow();

      const coach = await login(t().app, DEMO_ACCOUNTS.coach.email, DEMO_PASSWORD);
      const municipalityId = (await db.selectFrom('municipalities').select('id').where('organisation_id', '=', organisationId).orderBy('name').executeTakeFirstOrThrow()).id;
      const { client } = await registerClient(coach, municipalityId);

      const referral = (providerId: string) =>
        db.insertInto('referrals').values({ organisation_id: organisationId, client_id: client.id, external_organisation_id: providerId, status: 'requested', shared_fields: [] }).returning('id').executeTakeFirstOrThrow();
      await expect(referral(foreign.id)).rejects.toThrow(/referrals_provider_same_organisation/);
      await expect(referral(providerA)).resolves.toHaveProperty('id');

      const model = await db.selectFrom('users').select('password_hash').where('email', '=', DEMO_ACCOUNTS.coach.email).executeTakeFirstOrThrow();
      const user = (providerId: string, email: string) =>
        db
          .insertInto('users')
          .values({ organisation_id: organisationId, email, display_name: 'Begeleider', role: 'provider_coach', external_organisation_id: providerId, password_hash: model.password_hash })
          .returning('id')
          .executeTakeFirstOrThrow();
      await expect(user(foreign.id, 'elders@meedoen.demo')).rejects.toThrow(/users_provider_same_organisation/);
      await expect(user(providerA, 'eigen@meedoen.demo')).resolves.toHaveProperty('id');

      const signal = await db
        .insertInto('signals')
        .values({ organisation_id: organisationId, client_id: client.id, domain: 'schulden', severity: 'middel', description: 'Achterstand huur' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await expect(
        db
          .insertInto('escalations')
          .values({ organisation_id: organisationId, client_id: client.id, signal_id: signal.id, target_kind: 'partner', external_organisation_id: foreign.id, question: 'Kunt u helpen?', due_on: '2030-01-01' })
          .execute(),
      ).rejects.toThrow(/escalations_partner_same_organisation/);
    });
  },
  { setup: async ({ database, config }) => void (await seedDemo(database.db, { clients: 12, pseudonymKey: config.pseudonymKey })) },
);
