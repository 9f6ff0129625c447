import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { createTestDatabase, DATABASE_KINDS } from '../test/test-databases.ts';
import type { Actor } from './actor.ts';
import { enterActorBoundary } from './boundary.ts';

const external: Actor = {
  userId: '00000000-0000-4000-8000-000000000001',
  organisationId: '00000000-0000-4000-8000-000000000002',
  role: 'provider_coach',
  displayName: 'Aanbieder',
  email: 'aanbieder@example.org',
  teamId: null,
  externalOrganisationId: '00000000-0000-4000-8000-000000000003',
  clientId: null,
  coachClientScope: 'own',
};

describe.each(DATABASE_KINDS)('the actor boundary (%s)', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.close();
  });

  type Settings = { role: string; external: string; organisation: string };
  const settings = (trx: Parameters<typeof enterActorBoundary>[0]) =>
    sql<Settings>`select current_user as role, current_setting('meedoen.external_organisation_id', true) as external, current_setting('meedoen.organisation_id', true) as organisation`
      .execute(trx)
      .then((r) => r.rows[0]!);

  it('binds an external user to their organisation and the role meedoen_external in one statement, for this transaction only', async () => {
    const { db } = database;
    const before = await db.transaction().execute(settings);
    let statements = 0;
    const inside = await db.transaction().execute(async (trx) => {
      const counting = trx.withPlugin({
        transformQuery: (args) => {
          statements++;
          return args.node;
        },
        transformResult: async (args) => args.result,
      });
      await enterActorBoundary(counting as typeof trx, external);
      return settings(trx);
    });
    expect(statements).toBe(1);
    expect(inside).toEqual({ role: 'meedoen_external', external: external.externalOrganisationId, organisation: external.organisationId });
    // SET LOCAL semantics: the pooled connection is back to its own role and bindings afterwards.
    const after = await db.transaction().execute(settings);
    expect(after.role).toBe(before.role);
    expect(after.role).not.toBe('meedoen_external');
    expect(after.external ?? '').toBe('');
  });

  it('leaves a staff transaction as it is', async () => {
    const { db } = database;
    const staff: Actor = { ...external, role: 'coach', externalOrganisationId: null };
    const [before, inside] = await db.transaction().execute(async (trx) => {
      const b = await settings(trx);
      await enterActorBoundary(trx, staff);
      return [b, await settings(trx)];
    });
    expect(inside).toEqual(before);
  });
});
