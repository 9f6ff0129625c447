import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { todayIso } from '../../../../shared/dates.ts';
import { parsePeriod } from '../../../../shared/kpi.ts';
import type { Executor } from '../../../db/database.ts';
import { KPI_SOURCE_TABLES } from '../../../db/migrations/20261126_0023_kpi_snapshots.ts';
import { registerClient } from '../../../test/fixtures.ts';
import { describeEachDatabase, login } from '../../../test/test-app.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../demo/demo-accounts.ts';
import { seedDemo } from '../../demo/demo-seed.ts';
import type { KpiDefinition, KpiQuery } from '../kpi-definition.ts';
import { KPI_DEFINITIONS } from '../kpi-registry.ts';
import { ensureFacts } from '../facts/kpi-facts.service.ts';
import { currentSourceVersion } from './kpi-snapshots.repository.ts';
import { figuresWithSnapshots, refreshKpiSnapshots, snapshotQueryKey } from './kpi-snapshots.service.ts';


/** The real figures, each counting how often it is computed. */
function countingDefinitions() {
  const calls = new Map<string, number>();
  const definitions: KpiDefinition[] = KPI_DEFINITIONS.map((d) => ({
    ...d,
    compute: (db, query) => {
      calls.set(d.key, (calls.get(d.key) ?? 0) + 1);
      return d.compute(db, query);
    },
  }));
  return { definitions, computed: () => [...calls.values()].reduce((a, b) => a + b, 0) };
}

async function organisationId(db: Executor): Promise<string> {
  return (await db.selectFrom('organisations').select('id').executeTakeFirstOrThrow()).id;
}

function organisationQuery(organisationId: string, filter: KpiQuery['filter'] = {}, today = todayIso()) {
  return { scope: { kind: 'organisation' as const, organisationId }, period: parsePeriod(today.slice(0, 4)), filter, today };
}

async function storedVersions(db: Executor, query: Parameters<typeof snapshotQueryKey>[0]): Promise<string[]> {
  const rows = await db
    .selectFrom('kpi_snapshots')
    .select(sql<string>`source_version::text`.as('v'))
    .where('organisation_id', '=', query.scope.organisationId)
    .where('query_key', '=', snapshotQueryKey(query))
    .execute();
  return rows.map((r) => r.v);
}

describeEachDatabase(
  'kpi snapshots: precomputed figures, current or labelled',
  (t) => {
    const db = () => t().database.db;

    it('stores the exact figures of an organisation query and serves them, without computing, while nothing changed', async () => {
      const query = organisationQuery(await organisationId(db()));
      const first = countingDefinitions();
      const computed = await figuresWithSnapshots(db(), query, first.definitions, { maxStalenessSeconds: 0 });
      expect(first.computed()).toBe(KPI_DEFINITIONS.length);
      expect(computed.freshness.upToDate).toBe(true);

      const second = countingDefinitions();
      const served = await figuresWithSnapshots(db(), query, second.definitions, { maxStalenessSeconds: 0 });
      expect(second.computed()).toBe(0);
      expect(served.freshness.upToDate).toBe(true);
      // What is stored is what the figures compute (JSON drops nothing a presenter reads).
      expect(served.figures).toEqual(JSON.parse(JSON.stringify(computed.figures)));
      expect(served.figures.map((f) => f.key)).toEqual(KPI_DEFINITIONS.map((d) => d.key));
    });

    it('computes again after a write when only current figures will do, and stores the new ones', async () => {
      const query = organisationQuery(await organisationId(db()));
      await figuresWithSnapshots(db(), query, KPI_DEFINITIONS, { maxStalenessSeconds: 0 });
      const before = await currentSourceVersion(db());
      const coach = await login(t().app, DEMO_ACCOUNTS.coach.email, DEMO_PASSWORD);
      const municipality = await db().selectFrom('municipalities').select('id').executeTakeFirstOrThrow();
      await registerClient(coach, municipality.id);
      const after = await currentSourceVersion(db());
      expect(BigInt(after)).toBeGreaterThan(BigInt(before));

      const counting = countingDefinitions();
      const result = await figuresWithSnapshots(db(), query, counting.definitions, { maxStalenessSeconds: 0 });
      expect(counting.computed()).toBe(KPI_DEFINITIONS.length);
      expect(result.freshness.upToDate).toBe(true);
      expect(new Set(await storedVersions(db(), query))).toEqual(new Set([after]));
    });

    it('serves older figures within the window, says so, and brings newer ones in the background', async () => {
      const query = organisationQuery(await organisationId(db()), { route: 'vrijwilliger' });
      await figuresWithSnapshots(db(), query, KPI_DEFINITIONS, { maxStalenessSeconds: 0 });
      await sql`update beschut_werk_quotas set quota = quota where false`.execute(db());
      const now = await currentSourceVersion(db());

      const counting = countingDefinitions();
      const stale = await figuresWithSnapshots(db(), query, counting.definitions, { maxStalenessSeconds: 300 });
      expect(counting.computed()).toBe(0);
      expect(stale.freshness.upToDate).toBe(false);
      await expect.poll(async () => new Set(await storedVersions(db(), query)), { timeout: 30_000, interval: 100 }).toEqual(new Set([now]));
      const fresh = await figuresWithSnapshots(db(), query, counting.definitions, { maxStalenessSeconds: 300 });
      expect(fresh.freshness.upToDate).toBe(true);
      expect(counting.computed()).toBe(0);
    });

    it('does not serve figures computed for another day, nor older than the window', async () => {
      const id = await organisationId(db());
      const yesterday = organisationQuery(id, { group: 'jongere' }, '2026-11-25');
      await figuresWithSnapshots(db(), yesterday, KPI_DEFINITIONS, { maxStalenessSeconds: 0 });
      const today = { ...yesterday, today: '2026-11-26' };
      const counting = countingDefinitions();
      await figuresWithSnapshots(db(), today, counting.definitions, { maxStalenessSeconds: 86_400 });
      expect(counting.computed()).toBe(KPI_DEFINITIONS.length);

      // Changed data, figures computed an hour ago, a window of five minutes: computed again.
      await sql`update kpi_snapshots set computed_at = now() - interval '1 hour' where query_key = ${snapshotQueryKey(today)}`.execute(db());
      await sql`delete from return_assumptions where false`.execute(db());
      const late = countingDefinitions();
      const result = await figuresWithSnapshots(db(), today, late.definitions, { maxStalenessSeconds: 300 });
      expect(late.computed()).toBe(KPI_DEFINITIONS.length);
      expect(result.freshness.upToDate).toBe(true);
    });

    it("computes a team's figures live and never stores them; a provider's are stored like the organisation's", async () => {
      const id = await organisationId(db());
      const team = await db().selectFrom('teams').select('id').executeTakeFirstOrThrow();
      const teamQuery: KpiQuery = { ...organisationQuery(id), scope: { kind: 'team', organisationId: id, teamId: team.id } };
      for (let i = 0; i < 2; i++) {
        const counting = countingDefinitions();
        await figuresWithSnapshots(db(), teamQuery, counting.definitions, { maxStalenessSeconds: 300 });
        expect(counting.computed()).toBe(KPI_DEFINITIONS.length);
      }
      const keys = await db().selectFrom('kpi_snapshots').select('query_key').distinct().execute();
      expect(keys.every((k) => !k.query_key.includes(team.id))).toBe(true);

      const provider = await db().selectFrom('external_organisations').select('id').where('kind', '=', 'provider').executeTakeFirstOrThrow();
      const providerQuery = { ...organisationQuery(id, { providerId: provider.id }), scope: { kind: 'provider' as const, organisationId: id, providerId: provider.id } };
      const first = countingDefinitions();
      await figuresWithSnapshots(db(), providerQuery, first.definitions, { maxStalenessSeconds: 0 });
      expect(first.computed()).toBe(KPI_DEFINITIONS.length);
      const second = countingDefinitions();
      await figuresWithSnapshots(db(), providerQuery, second.definitions, { maxStalenessSeconds: 0 });
      expect(second.computed()).toBe(0);
      // Not the organisation's figures with the same provider filter: the scope is part of the key.
      const organisationWithFilter = countingDefinitions();
      await figuresWithSnapshots(db(), organisationQuery(id, { providerId: provider.id }), organisationWithFilter.definitions, { maxStalenessSeconds: 0 });
      expect(organisationWithFilter.computed()).toBe(KPI_DEFINITIONS.length);
    });

    it('does not store figures as current while a writer of a source table is still open, and serves them once it committed only after recomputing', async (test) => {
      // PGlite runs on one connection: no transaction can stay open while figures are computed.
      if (t().kind !== 'postgres') test.skip();
      const id = await organisationId(db());
      const query = organisationQuery(id, { route: 'onderwijs' });
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let written!: () => void;
      const wrote = new Promise<void>((resolve) => (written = resolve));
      // A writer that changes a source table and keeps its transaction open (as an import batch does).
      const writer = db()
        .transaction()
        .execute(async (trx) => {
          await sql`update municipalities set name = name where organisation_id = ${id}`.execute(trx);
          written();
          await held;
        });
      await wrote;
      const during = await figuresWithSnapshots(db(), query, KPI_DEFINITIONS, { maxStalenessSeconds: 0 });
      expect(during.freshness.upToDate).toBe(true);
      expect(await storedVersions(db(), query)).toEqual(KPI_DEFINITIONS.map(() => '-1'));
      release();
      await writer;
      // Committed now, the version has not moved since: the stored figures are not taken for current.
      const counting = countingDefinitions();
      await figuresWithSnapshots(db(), query, counting.definitions, { maxStalenessSeconds: 0 });
      expect(counting.computed()).toBe(KPI_DEFINITIONS.length);
      expect(new Set(await storedVersions(db(), query))).toEqual(new Set([await currentSourceVersion(db())]));
    });

    it('leaves the source version alone when the hourly facts run finds no client-year missing', async () => {
      await ensureFacts(db());
      const before = await currentSourceVersion(db());
      await ensureFacts(db());
      expect(await currentSourceVersion(db())).toBe(before);
    });

    it('moves the source version on a write to every table a figure reads, even one that touches no row', async () => {
      for (const table of KPI_SOURCE_TABLES) {
        const before = BigInt(await currentSourceVersion(db()));
        await sql`delete from ${sql.table(table)} where false`.execute(db());
        expect(BigInt(await currentSourceVersion(db())), table).toBeGreaterThan(before);
      }
      // The processing log and sessions are no source: reading a dossier leaves the figures current.
      const before = await currentSourceVersion(db());
      await sql`delete from sessions where false`.execute(db());
      expect(await currentSourceVersion(db())).toBe(before);
    });

    it('the scheduled job recomputes what was read and changed, prepares this year, and drops what nobody read for a week', async () => {
      const id = await organisationId(db());
      const read = organisationQuery(id, { group: 'statushouder' });
      const unread = organisationQuery(id, { group: 'arbeidsbeperking' });
      await figuresWithSnapshots(db(), read, KPI_DEFINITIONS, { maxStalenessSeconds: 0 });
      await figuresWithSnapshots(db(), unread, KPI_DEFINITIONS, { maxStalenessSeconds: 0 });
      await sql`update kpi_snapshots set last_read_at = now() - interval '8 days' where query_key = ${snapshotQueryKey(unread)}`.execute(db());
      await sql`delete from placements where false`.execute(db());
      const version = await currentSourceVersion(db());

      const result = await refreshKpiSnapshots(db());
      expect(result.dropped).toBe(KPI_DEFINITIONS.length);
      expect(new Set(await storedVersions(db(), read))).toEqual(new Set([version]));
      expect(await storedVersions(db(), unread)).toEqual([]);
      expect(new Set(await storedVersions(db(), organisationQuery(id)))).toEqual(new Set([version]));
      const municipality = await db().selectFrom('municipalities').select('id').executeTakeFirstOrThrow();
      expect(new Set(await storedVersions(db(), organisationQuery(id, { municipalityId: municipality.id })))).toEqual(new Set([version]));
    });

    it('keeps the stored figures from provider users (no grant for the external role)', async () => {
      await expect(
        db()
          .transaction()
          .execute(async (trx) => {
            await sql`set local role meedoen_external`.execute(trx);
            await sql`select count(*) from kpi_snapshots`.execute(trx);
          }),
      ).rejects.toThrow(/permission denied/);
    });

    it("labels the dashboard's figures with when they were computed", async () => {
      const officer = await login(t().app, DEMO_ACCOUNTS.policy_officer.email, DEMO_PASSWORD);
      const body = (await officer.get(`/api/kpi?period=${todayIso().slice(0, 4)}`)).json();
      expect(body.freshness.upToDate).toBe(true);
      expect(Date.now() - Date.parse(body.freshness.computedAt)).toBeLessThan(120_000);
    });
  },
  { setup: async (ctx) => void (await seedDemo(ctx.database.db, { clients: 120, pseudonymKey: ctx.config.pseudonymKey })) },
);
