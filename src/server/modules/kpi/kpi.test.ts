import { sql } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import type { Executor } from '../../db/database.ts';
import { registerClient } from '../../test/fixtures.ts';
import { describeEachDatabase, login, type TestContext } from '../../test/test-app.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo/demo-accounts.ts';
import { DEMO_PROVIDERS } from '../demo/demo-providers.ts';
import { seedDemo } from '../demo/demo-seed.ts';
import { ensureProcessingActivities, provisionOrganisation } from '../organisations/organisations.service.ts';
import type { KpiDefinition, KpiQuery } from './kpi-definition.ts';
import { KPI_DEFINITIONS } from './kpi-registry.ts';

/*
 * The engine tested with one TEST figure in place of the real ones: it counts the clients whose
 * last name starts with "Kengetal" within the query's scope and filters, the share of them with a
 * referral, and both per municipality. Its clientsBehind deliberately ignores the scope, so the
 * tests prove that the engine itself cuts a drilldown to the caller's client scope.
 */
const MARK = 'Kengetal';
const referredTo = (providerId: string) => sql<boolean>`exists (select 1 from referrals r where r.client_id = clients.id and r.external_organisation_id = ${providerId})`;

function population(db: Executor, query: KpiQuery) {
  let q = db.selectFrom('clients').where('clients.organisation_id', '=', query.scope.organisationId).where('clients.last_name', 'like', `${MARK}%`);
  if (query.scope.kind === 'team') q = q.where('clients.team_id', '=', query.scope.teamId);
  if (query.scope.kind === 'provider') q = q.where(referredTo(query.scope.providerId));
  if (query.filter.providerId) q = q.where(referredTo(query.filter.providerId));
  if (query.filter.municipalityId) q = q.where('clients.municipality_id', '=', query.filter.municipalityId);
  return q;
}

const share = (numerator: number, denominator: number) => ({ value: denominator ? (100 * numerator) / denominator : null, basis: { numerator, denominator } });

const testFigure: KpiDefinition = {
  key: 'module_attendance',
  async compute(db, query) {
    const rows = await population(db, query)
      .select(['clients.id', 'clients.municipality_id', sql<boolean>`exists (select 1 from referrals r where r.client_id = clients.id)`.as('referred')])
      .execute();
    const municipalities = await db.selectFrom('municipalities').select(['id', 'name']).where('organisation_id', '=', query.scope.organisationId).orderBy('name').execute();
    const row = (key: string, label: string | undefined, drill: string, of: typeof rows) => {
      const referred = of.filter((r) => r.referred).length;
      return { key, ...(label ? { label } : {}), cells: [{ value: of.length, drill }, share(referred, of.length)] };
    };
    const referred = rows.filter((r) => r.referred).length;
    return {
      key: 'module_attendance',
      status: 'measured',
      headline: { value: rows.length, unit: 'count' },
      measures: [{ key: 'share_referred', unit: 'percentage', ...share(referred, rows.length) }],
      tables: [
        {
          key: 'per_municipality',
          chart: 'bar',
          columns: [
            { key: 'clients', unit: 'count' },
            { key: 'share_referred', unit: 'percentage' },
          ],
          rows: [
            ...municipalities.map((m) => row(m.id, m.name, `municipality:${m.id}`, rows.filter((r) => r.municipality_id === m.id))),
            row('total', undefined, 'all', rows),
          ],
        },
      ],
    };
  },
  async clientsBehind(db, query, drill) {
    let q = db.selectFrom('clients').select('id').where('organisation_id', '=', query.scope.organisationId).where('last_name', 'like', `${MARK}%`);
    if (drill.startsWith('municipality:')) q = q.where('municipality_id', '=', drill.slice('municipality:'.length));
    return (await q.execute()).map((r) => r.id);
  },
};

const registered = KPI_DEFINITIONS.splice(0, KPI_DEFINITIONS.length, testFigure);
afterAll(() => {
  KPI_DEFINITIONS.splice(0, KPI_DEFINITIONS.length, ...registered);
});

type Fixture = { m: string[]; providerA: string; providerB: string };
let fixture: Fixture;

/**
 * Demo organisation plus the marked clients: 3 of the team lead's team in the first municipality,
 * 6 referred to provider A and 7 to provider B in the second (same team), 2 of another team in the third.
 */
async function setup(ctx: TestContext) {
  const db = ctx.database.db;
  await seedDemo(db, { clients: 300, pseudonymKey: ctx.config.pseudonymKey });
  const m = (await db.selectFrom('municipalities').select('id').orderBy('name').execute()).map((r) => r.id);
  const provider = async (name: string) => (await db.selectFrom('external_organisations').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  fixture = { m, providerA: await provider(DEMO_PROVIDERS[0]!.name), providerB: await provider(DEMO_PROVIDERS[1]!.name) };
  const coach = await login(ctx.app, DEMO_ACCOUNTS.coach.email, DEMO_PASSWORD);
  const otherCoach = await login(ctx.app, 'coach2@meedoen.demo', DEMO_PASSWORD);
  const organisationId = (await db.selectFrom('organisations').select('id').executeTakeFirstOrThrow()).id;
  const add = async (session: typeof coach, municipalityId: string, name: string, providerId?: string) => {
    const { client } = await registerClient(session, municipalityId, { lastName: `${MARK} ${name}` });
    if (providerId) await db.insertInto('referrals').values({ organisation_id: organisationId, client_id: client.id, external_organisation_id: providerId, status: 'completed' }).execute();
  };
  for (let i = 1; i <= 3; i++) await add(coach, m[0]!, `Eerste ${i}`);
  for (let i = 1; i <= 6; i++) await add(coach, m[1]!, `Aanbieder A ${i}`, fixture.providerA);
  for (let i = 1; i <= 7; i++) await add(coach, m[1]!, `Aanbieder B ${i}`, fixture.providerB);
  for (let i = 1; i <= 2; i++) await add(otherCoach, m[2]!, `Ander team ${i}`);
}

describeEachDatabase(
  'kpi engine: scope, suppression, drilldown',
  (t) => {
    const as = (email: string) => login(t().app, email, DEMO_PASSWORD);
    const figureOf = (body: { figures: Array<{ key: string }> }) => body.figures.find((f) => f.key === 'module_attendance') as any;
    const rowOf = (figure: any, key: string) => figure.tables[0].rows.find((r: { key: string }) => r.key === key);

    it('gives a policy officer the whole organisation, with the options to filter by', async () => {
      const res = await (await as(DEMO_ACCOUNTS.policy_officer.email)).get('/api/kpi?period=2026');
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ period: { key: '2026', start: '2026-01-01', end: '2026-12-31' }, scope: { kind: 'organisation' }, filters: { period: '2026' }, policies: { drilldown: false } });
      expect(body.options.municipalities.map((o: { id: string }) => o.id)).toEqual(fixture.m);
      expect(body.options.providers.map((o: { name: string }) => o.name).sort()).toEqual(DEMO_PROVIDERS.map((p) => p.name).sort());
      const figure = figureOf(body);
      expect(figure.headline).toEqual({ value: 18, unit: 'count' });
      expect(figure.measures).toEqual([{ key: 'share_referred', value: (100 * 13) / 18, unit: 'percentage' }]);
      expect(rowOf(figure, fixture.m[1]!).cells).toEqual([{ value: 13 }, { value: 100 }]);
    });

    it('suppresses a count of 3 for the policy officer and shows it to the team lead, never sending the basis', async () => {
      const officer = await (await as(DEMO_ACCOUNTS.policy_officer.email)).get('/api/kpi?period=2026');
      const lead = await (await as(DEMO_ACCOUNTS.team_lead.email)).get('/api/kpi?period=2026');
      expect(rowOf(figureOf(officer.json()), fixture.m[0]!).cells).toEqual([
        { value: null, suppressed: true },
        { value: null, suppressed: true },
      ]);
      // Two of another team in the third municipality: a count of 2, and a share of 0 out of 2.
      expect(rowOf(figureOf(officer.json()), fixture.m[2]!).cells).toEqual([
        { value: null, suppressed: true },
        { value: null, suppressed: true },
      ]);
      const leadBody = lead.json();
      expect(leadBody).toMatchObject({ scope: { kind: 'team' }, policies: { drilldown: true } });
      expect(figureOf(leadBody).headline).toEqual({ value: 16, unit: 'count' });
      expect(rowOf(figureOf(leadBody), fixture.m[0]!).cells).toEqual([{ value: 3, drill: `municipality:${fixture.m[0]}` }, { value: 0 }]);
      expect(rowOf(figureOf(leadBody), fixture.m[2]!).cells[0]).toEqual({ value: 0, drill: `municipality:${fixture.m[2]}` });
      for (const body of [officer.body, lead.body]) expect(body).not.toContain('basis');

      // Filtered to the first municipality, the headline and the share are small for the officer too.
      const filtered = (await (await as(DEMO_ACCOUNTS.policy_officer.email)).get(`/api/kpi/module_attendance?period=2026&municipalityId=${fixture.m[0]}`)).json();
      expect(filtered.headline).toEqual({ value: null, unit: 'count', suppressed: true });
      expect(filtered.measures[0]).toEqual({ key: 'share_referred', value: null, unit: 'percentage', suppressed: true });
      expect(JSON.stringify(filtered)).not.toContain('drill');
      const leadFiltered = (await (await as(DEMO_ACCOUNTS.team_lead.email)).get(`/api/kpi/module_attendance?period=2026&municipalityId=${fixture.m[0]}`)).json();
      expect(leadFiltered.headline).toEqual({ value: 3, unit: 'count' });
      expect(leadFiltered.measures[0]).toEqual({ key: 'share_referred', value: 0, unit: 'percentage' });
    });

    it("keeps a provider coach to their own provider's numbers", async () => {
      const a = await as(DEMO_ACCOUNTS.provider_coach.email);
      const body = (await a.get('/api/kpi?period=2026')).json();
      expect(body).toMatchObject({ scope: { kind: 'provider' }, filters: { providerId: fixture.providerA }, policies: { drilldown: false } });
      expect(body.options.providers).toEqual([{ id: fixture.providerA, name: DEMO_PROVIDERS[0]!.name }]);
      expect(figureOf(body).headline).toEqual({ value: 6, unit: 'count' });
      expect((await a.get(`/api/kpi/module_attendance?period=2026&providerId=${fixture.providerA}`)).json().headline.value).toBe(6);
      const other = await a.get(`/api/kpi?period=2026&providerId=${fixture.providerB}`);
      expect(other.statusCode).toBe(422);
      expect(other.json()).toMatchObject({ code: 'unknown_reference', field: 'providerId' });
      const b = (await (await as(DEMO_PROVIDERS[1]!.coach.email)).get('/api/kpi/module_attendance?period=2026')).json();
      expect(b.headline).toEqual({ value: 7, unit: 'count' });
      // The policy officer may filter to either provider.
      const officer = await as(DEMO_ACCOUNTS.policy_officer.email);
      expect((await officer.get(`/api/kpi/module_attendance?period=2026&providerId=${fixture.providerB}`)).json().headline.value).toBe(7);
    });

    it('refuses the figures to coaches, partners and clients', async () => {
      for (const role of ['coach', 'partner', 'client'] as const) {
        const session = await as(DEMO_ACCOUNTS[role].email);
        for (const url of ['/api/kpi?period=2026', '/api/kpi/module_attendance?period=2026', `/api/kpi/module_attendance/clients?period=2026&cell=all`]) {
          expect((await session.get(url)).statusCode, `${role} ${url}`).toBe(403);
        }
      }
    });

    it('lists the clients behind a cell for the team lead, cut to their team and logged per client', async () => {
      const db = t().database.db;
      const lead = await as(DEMO_ACCOUNTS.team_lead.email);
      const logged = async () => Number((await db.selectFrom('processing_log').select((eb) => eb.fn.countAll<string>().as('n')).where('operation', '=', 'kpi.drilldown').executeTakeFirstOrThrow()).n);
      const before = await logged();
      const res = await lead.get('/api/kpi/module_attendance/clients?period=2026&cell=all');
      expect(res.statusCode).toBe(200);
      const body = res.json();
      // The figure offered all 18; the team lead's scope holds 16 (not the other team's two).
      expect(body.total).toBe(16);
      expect(body.clients).toHaveLength(16);
      expect(body.clients.every((c: { name: string }) => c.name.includes(MARK) && !c.name.includes('Ander team'))).toBe(true);
      expect(body.clients[0]).toEqual({ id: expect.any(String), clientNumber: expect.any(String), name: expect.any(String), municipality: expect.any(String), coach: DEMO_ACCOUNTS.coach.displayName, ladderStep: null });
      expect((await logged()) - before).toBe(16);
      const rows = await db
        .selectFrom('processing_log as l')
        .innerJoin('processing_activities as a', 'a.id', 'l.processing_activity_id')
        .innerJoin('clients as c', 'c.bsn_pseudonym', 'l.data_subject_id')
        .select(['c.id', 'a.code'])
        .where('l.operation', '=', 'kpi.drilldown')
        .execute();
      expect(new Set(rows.map((r) => r.code))).toEqual(new Set(['kpi-drilldown']));
      expect(new Set(rows.map((r) => r.id))).toEqual(new Set(body.clients.map((c: { id: string }) => c.id)));

      const third = (await lead.get(`/api/kpi/module_attendance/clients?period=2026&cell=municipality:${fixture.m[2]}`)).json();
      expect(third).toEqual({ clients: [], total: 0 });
    });

    it('has no drilldown for aggregate-only roles (404), nor for a figure without one', async () => {
      for (const email of [DEMO_ACCOUNTS.policy_officer.email, DEMO_ACCOUNTS.administrator.email, DEMO_ACCOUNTS.provider_coach.email]) {
        const res = await (await as(email)).get('/api/kpi/module_attendance/clients?period=2026&cell=all');
        expect(res.statusCode, email).toBe(404);
      }
      const lead = await as(DEMO_ACCOUNTS.team_lead.email);
      expect((await lead.get('/api/kpi/trajectories/clients?period=2026&cell=all')).statusCode).toBe(404);
      expect((await lead.get('/api/kpi/trajectories?period=2026')).statusCode).toBe(404);
    });

    it('answers bad filters as problem+json naming the field', async () => {
      const officer = await as(DEMO_ACCOUNTS.policy_officer.email);
      const cases: Array<[string, string, string]> = [
        ['/api/kpi?period=2026-Q1', 'validation_failed', 'period'],
        ['/api/kpi', 'validation_failed', 'period'],
        ['/api/kpi?period=2026&municipalityId=nope', 'validation_failed', 'municipalityId'],
        ['/api/kpi?period=2026&group=oudere', 'validation_failed', 'group'],
        ['/api/kpi/no_such_kpi?period=2026', 'validation_failed', 'key'],
        ['/api/kpi?period=2026&municipalityId=00000000-0000-4000-8000-000000000000', 'unknown_reference', 'municipalityId'],
        ['/api/kpi?period=2026&providerId=00000000-0000-4000-8000-000000000000', 'unknown_reference', 'providerId'],
      ];
      for (const [url, code, field] of cases) {
        const res = await officer.get(url);
        expect(res.statusCode, url).toBe(422);
        expect(res.headers['content-type'], url).toContain('application/problem+json');
        expect(res.json().code, url).toBe(code);
        expect(JSON.stringify(res.json()), url).toContain(field);
      }
      const lead = await as(DEMO_ACCOUNTS.team_lead.email);
      expect((await lead.get('/api/kpi/module_attendance/clients?period=2026')).statusCode).toBe(422);
    });

    it('gives an organisation provisioned before the kpi-drilldown activity existed that activity at start-up', async () => {
      const db = t().database.db;
      const id = await provisionOrganisation(db, { name: `Oud werkplein ${t().kind}`, slug: `oud-werkplein-${t().kind}` });
      await db.deleteFrom('processing_activities').where('organisation_id', '=', id).where('code', '=', 'kpi-drilldown').execute();
      await db.updateTable('processing_activities').set({ name: 'Eigen omschrijving' }).where('organisation_id', '=', id).where('code', '=', 'client-dossier').execute();
      await ensureProcessingActivities(db);
      const rows = await db.selectFrom('processing_activities').select(['code', 'name']).where('organisation_id', '=', id).execute();
      expect(rows.map((r) => r.code)).toContain('kpi-drilldown');
      expect(rows.find((r) => r.code === 'client-dossier')?.name).toBe('Eigen omschrijving');
    });
  },
  { setup },
);
