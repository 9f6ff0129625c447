import { sql, type Kysely, type Transaction } from 'kysely';
import { expect, it } from 'vitest';
import { todayIso } from '../../shared/dates.ts';
import { HEALTH_DIMENSIONS } from '../../shared/positive-health.ts';
import type { DB, ReferralStatus } from '../db/schema.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../modules/demo/demo-accounts.ts';
import { seedDemo } from '../modules/demo/demo-seed.ts';
import { registerClient } from '../test/fixtures.ts';
import { describeEachDatabase, login, type TestContext } from '../test/test-app.ts';
import { addDemoUser, demoProviders } from '../test/trajectory-fixtures.ts';
import type { Actor } from './actor.ts';
import { enterActorBoundary } from './boundary.ts';

const PROVIDER_B = 'backstop-b@meedoen.demo';

/** A user's actor as the request plumbing would build it. */
async function actorOf(db: Kysely<DB>, email: string): Promise<Actor> {
  const u = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
  return { userId: u.id, organisationId: u.organisation_id, role: u.role, displayName: u.display_name, email: u.email, teamId: u.team_id, externalOrganisationId: u.external_organisation_id, clientId: u.client_id, coachClientScope: 'own' };
}

/**
 * Clients whose referrals stand in every state that matters, each with a ladder measurement, a
 * goal of their plan and an enrolment with attendance, written as the owner (no application
 * policy involved), in cohorts of provider A and provider B.
 */
async function buildWorld(t: TestContext) {
  const db = t.database.db;
  const { organisationId, providerA, providerB } = await demoProviders(db);
  await addDemoUser(db, { email: PROVIDER_B, displayName: 'Begeleider B', role: 'provider_coach', externalOrganisationId: providerB });
  const [actorA, actorB, partner] = [await actorOf(db, DEMO_ACCOUNTS.provider_coach.email), await actorOf(db, PROVIDER_B), await actorOf(db, DEMO_ACCOUNTS.partner.email)];
  const coach = await login(t.app, DEMO_ACCOUNTS.coach.email, DEMO_PASSWORD);
  const m = (await db.selectFrom('municipalities').select('id').orderBy('name').executeTakeFirstOrThrow()).id;

  let modules = 0;
  const cohort = async (providerId: string) => {
    const module = await db.insertInto('modules').values({ organisation_id: organisationId, provider_id: providerId, name: `Backstop ${++modules}` }).returning('id').executeTakeFirstOrThrow();
    const c = await db.insertInto('cohorts').values({ organisation_id: organisationId, module_id: module.id, label: 'Najaar', starts_on: todayIso(), capacity: 10 }).returning('id').executeTakeFirstOrThrow();
    const session = await db.insertInto('cohort_sessions').values({ organisation_id: organisationId, cohort_id: c.id, starts_at: new Date() }).returning('id').executeTakeFirstOrThrow();
    return { id: c.id, sessionId: session.id };
  };
  // cohortA2 stays empty, for the enrolment writes below.
  const [cohortA, cohortA2, cohortB] = [await cohort(providerA), await cohort(providerA), await cohort(providerB)];

  /** A new client with one referral in the given state, sharing the plan, and their rows. */
  const client = async (externalOrganisationId: string, status: ReferralStatus, enrolIn: { id: string; sessionId: string }) => {
    const { client: c } = await registerClient(coach, m);
    const referral = await db
      .insertInto('referrals')
      .values({ organisation_id: organisationId, client_id: c.id, external_organisation_id: externalOrganisationId, status, shared_fields: ['date_of_birth', 'ladder', 'plan'] })
      .returning(['id'])
      .executeTakeFirstOrThrow();
    await db.insertInto('ladder_measurements').values({ organisation_id: organisationId, client_id: c.id, measured_on: todayIso(), step: 2, growth_potential: 3, answers: '{}', occasion: 'intake' }).execute();
    await db.insertInto('plan_goals').values({ organisation_id: organisationId, client_id: c.id, dimension: HEALTH_DIMENSIONS[0].code, description: 'Elke week sporten', owner_kind: 'client' }).execute();
    const enrolment = await db
      .insertInto('enrolments')
      .values({ organisation_id: organisationId, cohort_id: enrolIn.id, client_id: c.id, referral_id: referral.id, status: 'placed', placed_at: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('attendance').values({ organisation_id: organisationId, session_id: enrolIn.sessionId, enrolment_id: enrolment.id, status: 'aanwezig' }).execute();
    return { id: c.id as string, referralId: referral.id, enrolmentId: enrolment.id };
  };
  const partnerOrg = partner.externalOrganisationId!;
  return {
    db,
    organisationId,
    actorA,
    actorB,
    partner,
    cohortA,
    cohortA2,
    cohortB,
    activeA: await client(providerA, 'active', cohortA),
    requestedA: await client(providerA, 'requested', cohortA),
    completedA: await client(providerA, 'completed', cohortA),
    withdrawnA: await client(providerA, 'withdrawn', cohortA),
    refusedA: await client(providerA, 'refused', cohortA),
    // Referred to A, but enrolled in B's cohort: the enrolment is neither A's (not its cohort) nor B's (not its client).
    activeAInCohortB: await client(providerA, 'active', cohortB),
    acceptedB: await client(providerB, 'accepted', cohortB),
    activePartner: await client(partnerOrg, 'active', cohortA),
    stoppedPartner: await client(partnerOrg, 'stopped', cohortA),
  };
}

describeEachDatabase(
  'the row-level-security backstop alone (no application policy)',
  (t) => {
    let world: Awaited<ReturnType<typeof buildWorld>> | undefined;
    const w = async () => (world ??= await buildWorld(t()));
    const within = <T>(actor: Actor, work: (trx: Transaction<DB>) => Promise<T>) =>
      t().database.db.transaction().execute(async (trx) => {
        await enterActorBoundary(trx, actor);
        return work(trx);
      });
    /** Which of the given clients' rows the actor's raw queries find, table by table. */
    const seen = async (actor: Actor, clientIds: string[]) => {
      // Attendance is read on its own (its policy goes through the enrolment's), then named by client.
      const enrolments = await t().database.db.selectFrom('enrolments').select(['id', 'client_id']).where('client_id', 'in', clientIds).execute();
      const clientOf = new Map(enrolments.map((e) => [e.id, e.client_id]));
      return within(actor, async (trx) => {
        const ids = async (rows: Promise<{ client_id: string }[]>) => [...new Set((await rows).map((r) => r.client_id))].sort();
        return {
          clients: await ids(trx.selectFrom('clients').select('id as client_id').where('id', 'in', clientIds).execute()),
          ladder: await ids(trx.selectFrom('ladder_measurements').select('client_id').where('client_id', 'in', clientIds).execute()),
          goals: await ids(trx.selectFrom('plan_goals').select('client_id').where('client_id', 'in', clientIds).execute()),
          enrolments: await ids(trx.selectFrom('enrolments').select('client_id').where('client_id', 'in', clientIds).execute()),
          attendance: [...new Set((await trx.selectFrom('attendance').select('enrolment_id').where('enrolment_id', 'in', [...clientOf.keys()]).execute()).map((a) => clientOf.get(a.enrolment_id)!))].sort(),
        };
      });
    };
    const all = (x: Awaited<ReturnType<typeof buildWorld>>) =>
      [x.activeA, x.requestedA, x.completedA, x.withdrawnA, x.refusedA, x.activeAInCohortB, x.acceptedB, x.activePartner, x.stoppedPartner].map((c) => c.id);
    const sorted = (...ids: string[]) => [...ids].sort();

    it('no policy of the external role calls a function PostgreSQL cannot inline (migration 0018)', async () => {
      const calls = await sql<{ tablename: string }>`
        select tablename from pg_policies
        where 'meedoen_external' = any (roles) and qual ~ 'meedoen_external_(reaches|owns_cohort|plan_shared|referred)'
      `.execute(t().database.db);
      expect(calls.rows).toEqual([]);
    });

    it('provider A finds its clients while their referral is requested or active, and nothing of ended, withdrawn, refused or others’ referrals', async () => {
      const x = await w();
      expect(await seen(x.actorA, all(x))).toEqual({
        clients: sorted(x.activeA.id, x.requestedA.id, x.activeAInCohortB.id),
        ladder: sorted(x.activeA.id, x.requestedA.id, x.activeAInCohortB.id),
        goals: sorted(x.activeA.id, x.requestedA.id, x.activeAInCohortB.id),
        // The enrolment in B's cohort is not A's, although the client is.
        enrolments: sorted(x.activeA.id, x.requestedA.id),
        attendance: sorted(x.activeA.id, x.requestedA.id),
      });
    });

    it('provider B finds only its own client, and none of A’s cohort', async () => {
      const x = await w();
      const only = [x.acceptedB.id];
      expect(await seen(x.actorB, all(x))).toEqual({ clients: only, ladder: only, goals: only, enrolments: only, attendance: only });
      const cohorts = await within(x.actorB, (trx) => trx.selectFrom('cohorts').select('id').where('id', 'in', [x.cohortA.id, x.cohortB.id]).execute());
      expect(cohorts.map((c) => c.id)).toEqual([x.cohortB.id]);
      expect(await within(x.actorB, (trx) => trx.selectFrom('cohort_sessions').select('id').where('cohort_id', '=', x.cohortA.id).execute())).toEqual([]);
      expect(await within(x.actorA, (trx) => trx.selectFrom('cohorts').select('id').where('id', '=', x.cohortB.id).execute())).toEqual([]);
    });

    it('a partner finds the client of its open referral, not of its stopped one, and no enrolment in a provider’s cohort', async () => {
      const x = await w();
      expect(await seen(x.partner, all(x))).toEqual({ clients: [x.activePartner.id], ladder: [x.activePartner.id], goals: [x.activePartner.id], enrolments: [], attendance: [] });
    });

    it('refuses writes past the boundary: another provider’s client or cohort, a client whose referral ended', async () => {
      const x = await w();
      const measurement = (clientId: string) => ({ organisation_id: x.organisationId, client_id: clientId, measured_on: todayIso(), step: 3, growth_potential: 3, answers: '{}', occasion: 'other' as const });
      await expect(within(x.actorB, (trx) => trx.insertInto('ladder_measurements').values(measurement(x.activeA.id)).execute())).rejects.toThrow(/row-level security/);
      await expect(within(x.actorA, (trx) => trx.insertInto('ladder_measurements').values(measurement(x.completedA.id)).execute())).rejects.toThrow(/row-level security/);
      const enrol = (cohortId: string, clientId: string) => ({ organisation_id: x.organisationId, cohort_id: cohortId, client_id: clientId, status: 'waiting' as const });
      await expect(within(x.actorB, (trx) => trx.insertInto('enrolments').values(enrol(x.cohortA2.id, x.acceptedB.id)).execute())).rejects.toThrow(/row-level security/);
      await expect(within(x.actorA, (trx) => trx.insertInto('enrolments').values(enrol(x.cohortA2.id, x.withdrawnA.id)).execute())).rejects.toThrow(/row-level security/);
      await expect(within(x.actorA, (trx) => trx.insertInto('enrolments').values(enrol(x.cohortA2.id, x.completedA.id)).execute())).rejects.toThrow(/row-level security/);
      await expect(within(x.actorA, (trx) => trx.insertInto('enrolments').values(enrol(x.cohortB.id, x.requestedA.id)).execute())).rejects.toThrow(/row-level security/);
      const touched = await within(x.actorB, (trx) => trx.updateTable('clients').set({ ladder_step: 6 }).where('id', 'in', [x.activeA.id, x.completedA.id]).returning('id').execute());
      expect(touched).toEqual([]);
      // The controls: A writes for its own open referral, in its own cohort.
      expect(await within(x.actorA, (trx) => trx.insertInto('ladder_measurements').values(measurement(x.activeA.id)).returning('id').execute())).toHaveLength(1);
      expect(await within(x.actorA, (trx) => trx.insertInto('enrolments').values(enrol(x.cohortA2.id, x.activeA.id)).returning('id').execute())).toHaveLength(1);
    });

    it('access ends at once when a referral ends, even later in the same transaction', async () => {
      const x = await w();
      const visible = await within(x.actorA, async (trx) => {
        const before = await trx.selectFrom('clients').select('id').where('id', '=', x.requestedA.id).execute();
        await trx.updateTable('referrals').set({ status: 'withdrawn' }).where('id', '=', x.requestedA.referralId).execute();
        const after = await trx.selectFrom('clients').select('id').where('id', '=', x.requestedA.id).execute();
        const enrolments = await trx.selectFrom('enrolments').select('id').where('client_id', '=', x.requestedA.id).execute();
        return { before: before.length, after: after.length, enrolments: enrolments.length };
      });
      expect(visible).toEqual({ before: 1, after: 0, enrolments: 0 });
      expect((await seen(x.actorA, [x.requestedA.id])).clients).toEqual([]);
    });
  },
  { setup: async ({ database, config }) => void (await seedDemo(database.db, { clients: 12, pseudonymKey: config.pseudonymKey })) },
);
