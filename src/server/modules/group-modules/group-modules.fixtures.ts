import type { Kysely } from 'kysely';
import type { DB, ReferralStatus } from '../../db/schema.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo/demo-accounts.ts';
import { registerClient } from '../../test/fixtures.ts';
import { login, type Session, type TestContext } from '../../test/test-app.ts';

/**
 * Test set-up for group modules. Referral rows are written straight into the database (a contract
 * of the provider and a trajectory referral), so these tests do not depend on the referral API.
 */
export async function referDirectly(db: Kysely<DB>, input: { clientId: string; providerId: string; status?: ReferralStatus }): Promise<string> {
  const { organisation_id } = await db.selectFrom('clients').select('organisation_id').where('id', '=', input.clientId).executeTakeFirstOrThrow();
  const contract =
    (await db.selectFrom('contracts').select('id').where('provider_id', '=', input.providerId).where('product', '=', 'Testcontract modules').executeTakeFirst()) ??
    (await db
      .insertInto('contracts')
      .values({ organisation_id, provider_id: input.providerId, product: 'Testcontract modules', starts_on: '2020-01-01', ends_on: '2040-12-31', price_cents: 100_000, capacity: 500 })
      .returning('id')
      .executeTakeFirstOrThrow());
  const { id } = await db
    .insertInto('referrals')
    .values({
      organisation_id,
      client_id: input.clientId,
      external_organisation_id: input.providerId,
      status: input.status ?? 'active',
      kind: 'trajectory',
      contract_id: contract.id,
      question: 'Deelname aan groepsmodules',
      consent_given: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A provider coach of the given provider (the demo has one provider coach, of the first provider). */
export async function addProviderCoach(db: Kysely<DB>, providerId: string, email: string): Promise<void> {
  const template = await db.selectFrom('users').select(['organisation_id', 'password_hash']).where('email', '=', DEMO_ACCOUNTS.provider_coach.email).executeTakeFirstOrThrow();
  await db
    .insertInto('users')
    .values({ organisation_id: template.organisation_id, email, display_name: `Begeleider ${email}`, role: 'provider_coach', password_hash: template.password_hash, external_organisation_id: providerId })
    .execute();
}

let moduleCounter = 0;

/** Sessions of the demo roles, the demo providers, and helpers that build modules, cohorts and clients through the API. */
export function groupModuleHelpers(t: () => TestContext) {
  const db = () => t().database.db;
  const as = (email: string) => login(t().app, email, DEMO_PASSWORD);
  const providers = async () => {
    const own = await db().selectFrom('users').select('external_organisation_id').where('email', '=', DEMO_ACCOUNTS.provider_coach.email).executeTakeFirstOrThrow();
    const other = await db()
      .selectFrom('external_organisations')
      .select('id')
      .where('kind', '=', 'provider')
      .where('id', '!=', own.external_organisation_id!)
      .orderBy('name')
      .executeTakeFirstOrThrow();
    return { own: own.external_organisation_id!, other: other.id };
  };
  const municipalityId = async () => (await db().selectFrom('municipalities').select('id').orderBy('name').executeTakeFirstOrThrow()).id;

  /** A new module (admin) with one cohort planned by `planner` (admin by default). */
  async function moduleWithCohort(options: { providerId?: string | null; capacity: number; collective?: boolean; planner?: Session }) {
    const admin = await as(DEMO_ACCOUNTS.administrator.email);
    const created = await admin.send('POST', '/api/modules', { name: `Testmodule ${++moduleCounter} ${t().kind}`, providerId: options.providerId ?? null });
    if (created.statusCode !== 201) throw new Error(`module: ${created.statusCode} ${created.body}`);
    const cohort = await (options.planner ?? admin).send('POST', `/api/modules/${created.json().id}/cohorts`, {
      label: `Groep ${moduleCounter}`,
      startsOn: '2027-03-01',
      capacity: options.capacity,
      collective: options.collective ?? false,
    });
    if (cohort.statusCode !== 201) throw new Error(`cohort: ${cohort.statusCode} ${cohort.body}`);
    return { module: created.json(), cohort: cohort.json() };
  }

  /** Clients registered by the given coach session (so in that coach's caseload). */
  async function clientsOf(session: Session, count: number): Promise<{ id: string; firstName: string; lastName: string }[]> {
    const m = await municipalityId();
    const result = [];
    for (let i = 0; i < count; i++) result.push((await registerClient(session, m)).client);
    return result;
  }

  return { db, as, providers, moduleWithCohort, clientsOf };
}
