import { expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo/demo-accounts.ts';
import { seedDemo } from '../demo/demo-seed.ts';
import { describeEachDatabase, login } from '../../test/test-app.ts';
import { judge } from './agreements-evaluation.service.ts';

type Evaluation = {
  agreement: { id: string; title: string };
  value: number | null;
  valueHidden?: string;
  status: string;
  reason?: string;
  provisional: boolean;
  figure: { key: string; measures: Array<{ key: string; value: number | null; suppressed?: boolean }> } | null;
};

/**
 * Proefdorp, a municipality of the demo organisation with hand-built trajectories in the demo
 * team lead's team: in 2026 45 completed and 5 stopped early (90% completed), in 2025 3 completed.
 */
async function buildProefdorp(db: Kysely<DB>) {
  const organisation = await db.selectFrom('organisations').select('id').executeTakeFirstOrThrow();
  const organisationId = organisation.id;
  const lead = await db.selectFrom('users').select('team_id').where('email', '=', DEMO_ACCOUNTS.team_lead.email).executeTakeFirstOrThrow();
  const provider = await db.selectFrom('external_organisations').select('id').where('kind', '=', 'provider').orderBy('name').executeTakeFirstOrThrow();
  const municipality = await db.insertInto('municipalities').values({ organisation_id: organisationId, name: 'Proefdorp', cbs_code: 'GM9999' }).returning('id').executeTakeFirstOrThrow();
  const trajectory = async (k: number, status: 'completed' | 'stopped', started: string, ended: string) => {
    const client = await db
      .insertInto('clients')
      .values({
        organisation_id: organisationId,
        client_number: `P${k}`,
        bsn: String(300_000_000 + k),
        bsn_pseudonym: `proef-${k}`,
        first_name: 'Proef',
        last_name: `Cliënt ${k}`,
        date_of_birth: '1988-04-01',
        municipality_id: municipality.id,
        team_id: lead.team_id,
        benefit_start_date: '2024-01-01',
        route: 'werknemer',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('client_municipality_history').values({ organisation_id: organisationId, client_id: client.id, municipality_id: municipality.id, from_on: '2024-01-01' }).execute();
    await db
      .insertInto('referrals')
      .values({ organisation_id: organisationId, client_id: client.id, external_organisation_id: provider.id, kind: 'trajectory', status, started_on: started, ended_on: ended, stop_reason: status === 'stopped' ? 'Verhuisd' : null })
      .execute();
  };
  for (let k = 0; k < 50; k++) await trajectory(k, k < 45 ? 'completed' : 'stopped', '2026-01-15', '2026-06-01');
  for (let k = 50; k < 53; k++) await trajectory(k, 'completed', '2025-02-01', '2025-09-01');
  return { organisationId, municipalityId: municipality.id };
}

describeEachDatabase(
  'performance agreements: administration, reading, and met / not met / not measurable',
  (t) => {
    const as = (email: string) => login(t().app, email, DEMO_PASSWORD);
    let proefdorp: { organisationId: string; municipalityId: string } | undefined;
    const place = async () => (proefdorp ??= await buildProefdorp(t().database.db));
    const body = (municipalityId: string, overrides: Record<string, unknown> = {}) => ({
      municipalityId,
      year: 2026,
      kpiKey: 'trajectories',
      measureKey: 'share_completed',
      comparison: 'at_least',
      target: 95,
      title: '95% van de trajecten wordt afgerond',
      explanation: 'Afgesproken in de dienstverleningsovereenkomst.',
      ...overrides,
    });

    it('the administrator adds, changes and removes an agreement; stale writes are refused; every change is audited', async () => {
      const { municipalityId } = await place();
      const admin = await as(DEMO_ACCOUNTS.administrator.email);
      const created = await admin.send('POST', '/api/performance-agreements', body(municipalityId, { kpiKey: 'module_attendance', measureKey: 'attendance_rate', target: 80, title: 'Opkomst modules' }));
      expect(created.statusCode).toBe(201);
      expect(created.headers.etag).toBe('"1"');
      const agreement = created.json();
      expect(agreement).toMatchObject({ municipality: { id: municipalityId, name: 'Proefdorp' }, kpiKey: 'module_attendance', unit: 'percentage', target: 80, version: 1, policies: { update: true, delete: true } });

      // The same measure twice for one municipality and year is refused.
      expect((await admin.send('POST', '/api/performance-agreements', body(municipalityId, { kpiKey: 'module_attendance', measureKey: 'attendance_rate' }))).statusCode).toBe(409);

      const path = `/api/performance-agreements/${agreement.id}`;
      const changed = await admin.send('PUT', path, body(municipalityId, { kpiKey: 'module_attendance', measureKey: 'attendance_rate', target: 85, comparison: 'at_least', title: 'Opkomst modules' }), { 'if-match': '"1"' });
      expect(changed.statusCode).toBe(200);
      expect(changed.json()).toMatchObject({ target: 85, version: 2 });
      expect(changed.headers.etag).toBe('"2"');
      const stale = await admin.send('PUT', path, body(municipalityId, { kpiKey: 'module_attendance', measureKey: 'attendance_rate', target: 70, title: 'Opkomst modules' }), { 'if-match': '"1"' });
      expect(stale.statusCode).toBe(412);
      expect(stale.json().currentVersion).toBe(2);
      expect((await admin.send('PUT', path, body(municipalityId, { kpiKey: 'module_attendance', measureKey: 'attendance_rate' }))).statusCode).toBe(428);
      expect((await admin.send('DELETE', path, undefined, { 'if-match': '"1"' })).statusCode).toBe(412);

      const listed = (await admin.get(`/api/performance-agreements?municipalityId=${municipalityId}&year=2026`)).json();
      expect(listed.policies.create).toBe(true);
      expect(listed.items.find((a: { id: string }) => a.id === agreement.id)).toMatchObject({ target: 85, version: 2 });
      expect((await admin.get(`/api/performance-agreements?municipalityId=${municipalityId}&year=2025`)).json().items.some((a: { id: string }) => a.id === agreement.id)).toBe(false);

      expect((await admin.send('DELETE', path, undefined, { 'if-match': '"2"' })).statusCode).toBe(204);
      expect((await admin.send('DELETE', path, undefined, { 'if-match': '"2"' })).statusCode).toBe(404);

      const audit = await t().database.db.selectFrom('audit_events').select(['action', 'details']).where('subject_id', '=', agreement.id).orderBy('created_at').orderBy('id').execute();
      expect(audit.map((a) => a.action)).toEqual(['agreement.created', 'agreement.updated', 'agreement.deleted']);
      const details = (d: unknown) => (typeof d === 'string' ? JSON.parse(d) : d) as Record<string, unknown>;
      expect(details(audit[1]!.details)).toMatchObject({ target: 85, before: { target: 80 } });
      expect(details(audit[2]!.details)).toMatchObject({ target: 85, kpi: 'module_attendance' });
    });

    it('refuses a measure the KPI does not have, a target out of range, and a municipality of no one', async () => {
      const { municipalityId } = await place();
      const admin = await as(DEMO_ACCOUNTS.administrator.email);
      const post = (overrides: Record<string, unknown>) => admin.send('POST', '/api/performance-agreements', body(municipalityId, overrides));
      const unknownMeasure = await post({ measureKey: 'growth' });
      expect(unknownMeasure.statusCode).toBe(422);
      expect(unknownMeasure.json()).toMatchObject({ code: 'unknown_reference', field: 'measureKey' });
      expect((await post({ kpiKey: 'happiness' })).statusCode).toBe(422);
      const overHundred = await post({ target: 120 });
      expect(overHundred.statusCode).toBe(422);
      expect(overHundred.json()).toMatchObject({ code: 'validation_failed', field: 'target' });
      expect((await post({ target: -1 })).statusCode).toBe(422);
      expect((await post({ measureKey: 'completed', target: 2.5 })).statusCode).toBe(422);
      expect((await post({ municipalityId: '00000000-0000-4000-8000-000000000000' })).json()).toMatchObject({ code: 'unknown_reference', field: 'municipalityId' });
      expect((await post({ comparison: 'about' })).statusCode).toBe(422);
    });

    it('policy officers and team leads read; only the administrator writes; coaches and providers do not see them', async () => {
      const { municipalityId } = await place();
      const admin = await as(DEMO_ACCOUNTS.administrator.email);
      const created = (await admin.send('POST', '/api/performance-agreements', body(municipalityId, { kpiKey: 'afspraakbanen', measureKey: 'growth', target: 5, title: 'Afspraakbanen groeien 5%' }))).json();
      const path = `/api/performance-agreements/${created.id}`;
      for (const email of [DEMO_ACCOUNTS.policy_officer.email, DEMO_ACCOUNTS.team_lead.email]) {
        const s = await as(email);
        const list = await s.get(`/api/performance-agreements?municipalityId=${municipalityId}`);
        expect(list.statusCode).toBe(200);
        expect(list.json().policies.create).toBe(false);
        expect(list.json().items.find((a: { id: string }) => a.id === created.id).policies).toEqual({ update: false, delete: false });
        expect((await s.send('POST', '/api/performance-agreements', body(municipalityId, { year: 2030 }))).statusCode).toBe(403);
        expect((await s.send('PUT', path, body(municipalityId, { kpiKey: 'afspraakbanen', measureKey: 'growth', target: 1 }), { 'if-match': '"1"' })).statusCode).toBe(403);
        expect((await s.send('DELETE', path, undefined, { 'if-match': '"1"' })).statusCode).toBe(403);
        expect((await s.send('PUT', '/api/return-assumptions?year=2026', assumptions(), { 'if-match': '"0"' })).statusCode).toBe(403);
      }
      for (const email of [DEMO_ACCOUNTS.coach.email, DEMO_ACCOUNTS.provider_coach.email, DEMO_ACCOUNTS.partner.email]) {
        const s = await as(email);
        expect((await s.get(`/api/performance-agreements?municipalityId=${municipalityId}`)).statusCode).toBe(403);
        expect((await s.get(`/api/performance-agreements/evaluation?municipalityId=${municipalityId}&year=2026`)).statusCode).toBe(403);
        expect((await s.get('/api/return-assumptions?year=2026')).statusCode).toBe(403);
      }
      expect((await admin.send('DELETE', path, undefined, { 'if-match': '"1"' })).statusCode).toBe(204);
    });

    it('judges each agreement against its figure: met, not met, met with the number held back, not yet begun, no assumptions', async () => {
      const { municipalityId } = await place();
      const admin = await as(DEMO_ACCOUNTS.administrator.email);
      const add = async (overrides: Record<string, unknown>) => {
        const res = await admin.send('POST', '/api/performance-agreements', body(municipalityId, overrides));
        expect(res.statusCode).toBe(201);
        return res.json().id as string;
      };
      const share = await add({});
      const completed = await add({ measureKey: 'completed', target: 40, title: 'Ten minste 40 trajecten afgerond' });
      const stopped = await add({ measureKey: 'stopped_early', comparison: 'at_most', target: 4, title: 'Hooguit 4 voortijdig gestopt' });
      const small = await add({ year: 2025, measureKey: 'completed', target: 2, title: 'Twee afgerond in 2025' });
      const ahead = await add({ year: 2099, title: 'Ver vooruit' });
      const noAssumptions = await add({ year: 2024, kpiKey: 'return_per_route', measureKey: 'net_return', target: 0, title: 'Rendement positief' });

      const evaluate = async (email: string, year: number) => {
        const res = await (await as(email)).get(`/api/performance-agreements/evaluation?municipalityId=${municipalityId}&year=${year}`);
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({ municipality: { id: municipalityId, name: 'Proefdorp' }, year });
        return new Map((res.json().items as Evaluation[]).map((e) => [e.agreement.id, e]));
      };
      // A 95% target against 45 of 50 completed (90%): the team lead sees the numbers.
      const lead2026 = await evaluate(DEMO_ACCOUNTS.team_lead.email, 2026);
      expect(lead2026.get(share)).toMatchObject({ value: 90, status: 'not_met', provisional: true, figure: { key: 'trajectories' } });
      expect(lead2026.get(completed)).toMatchObject({ value: 45, status: 'met' });
      expect(lead2026.get(stopped)).toMatchObject({ value: 5, status: 'not_met' });
      // The policy officer: the numbers are protected together with the whole organisation's and
      // the other municipalities' (small counts of the demo's trajectories elsewhere). Shown, with
      // the same judgement; or held back, and then not judged either.
      const officer2026 = await evaluate(DEMO_ACCOUNTS.policy_officer.email, 2026);
      for (const [id, value, status] of [[share, 90, 'not_met'], [completed, 45, 'met'], [stopped, 5, 'not_met']] as const) {
        const evaluation = officer2026.get(id)!;
        if (evaluation.value === null) expect(evaluation).toMatchObject({ valueHidden: 'withheld', status: 'not_measurable', reason: 'value_hidden', provisional: true });
        else expect(evaluation).toMatchObject({ value, status, provisional: true });
      }

      // Three completed in 2025 against a target of 2: too few to show a policy officer, exact for
      // the team lead. "Met" would tell the officer 2, 3 or 4, and a target moved to 3 and 4 which
      // one: for the officer it is not measurable, the team lead sees the judgement.
      const hidden = (await evaluate(DEMO_ACCOUNTS.policy_officer.email, 2025)).get(small);
      expect(hidden).toMatchObject({ value: null, valueHidden: 'suppressed', status: 'not_measurable', reason: 'value_hidden', provisional: false });
      expect(hidden!.figure!.measures.find((m) => m.key === 'completed')).toMatchObject({ value: null, suppressed: true });
      expect((await evaluate(DEMO_ACCOUNTS.team_lead.email, 2025)).get(small)).toMatchObject({ value: 3, status: 'met' });

      expect((await evaluate(DEMO_ACCOUNTS.policy_officer.email, 2099)).get(ahead)).toMatchObject({ status: 'not_measurable', reason: 'period_not_started', figure: null });
      expect((await evaluate(DEMO_ACCOUNTS.administrator.email, 2024)).get(noAssumptions)).toMatchObject({ status: 'not_measurable', reason: 'no_population', figure: { key: 'return_per_route' } });
      const missing = await (await as(DEMO_ACCOUNTS.policy_officer.email)).get('/api/performance-agreements/evaluation?municipalityId=00000000-0000-4000-8000-000000000000&year=2026');
      expect(missing.statusCode).toBe(404);
    });

    it('the demo has the agreements of PRODUCT.md for every municipality in 2025 and 2026, and the return assumptions of both years', async () => {
      const officer = await as(DEMO_ACCOUNTS.policy_officer.email);
      const municipalities = (await officer.get('/api/municipalities/served')).json().items as { id: string; name: string }[];
      for (const year of [2025, 2026]) {
        for (const m of municipalities.filter((x) => x.name !== 'Proefdorp')) {
          const items = (await officer.get(`/api/performance-agreements?municipalityId=${m.id}&year=${year}`)).json().items as { kpiKey: string; measureKey: string; target: number }[];
          // The beschut werk target is the quota of that year (the demo sets quotas for this year and last).
          const quota = await t().database.db.selectFrom('beschut_werk_quotas').select('quota').where('municipality_id', '=', m.id).where('year', '=', year).executeTakeFirst();
          expect(items.map((a) => `${a.kpiKey}.${a.measureKey}`).sort()).toEqual([
            'afspraakbanen.growth', 'annual_conversation_coverage.coverage', ...(quota ? ['beschut_werk.new_in_period'] : []), 'ladder_no_drop_3_4.share_not_dropped', 'youth_back_in_education.share_back_in_education',
          ]);
          if (quota) expect(items.find((a) => a.kpiKey === 'beschut_werk')!.target).toBe(quota.quota);
        }
        expect((await officer.get(`/api/return-assumptions?year=${year}`)).json().assumptions).toMatchObject({ monthsCounted: 12 });
      }
    });

    it('keeps the return assumptions per year under a version, audited', async () => {
      const admin = await as(DEMO_ACCOUNTS.administrator.email);
      const empty = await admin.get('/api/return-assumptions?year=2031');
      expect(empty.json()).toEqual({ year: 2031, assumptions: null, policies: { update: true } });
      expect(empty.headers.etag).toBe('"0"');
      const first = await admin.send('PUT', '/api/return-assumptions?year=2031', assumptions(), { 'if-match': '"0"' });
      expect(first.statusCode).toBe(200);
      expect(first.json().assumptions).toMatchObject({ ...assumptions(), version: 1 });
      expect((await admin.send('PUT', '/api/return-assumptions?year=2031', assumptions(), { 'if-match': '"0"' })).statusCode).toBe(412);
      const second = await admin.send('PUT', '/api/return-assumptions?year=2031', { ...assumptions(), monthsCounted: 6 }, { 'if-match': '"1"' });
      expect(second.json().assumptions).toMatchObject({ monthsCounted: 6, version: 2 });
      expect((await admin.send('PUT', '/api/return-assumptions?year=2031', { ...assumptions(), monthsCounted: 0 }, { 'if-match': '"2"' })).statusCode).toBe(422);
      const officer = await as(DEMO_ACCOUNTS.policy_officer.email);
      expect((await officer.get('/api/return-assumptions?year=2031')).json()).toMatchObject({ assumptions: { monthsCounted: 6 }, policies: { update: false } });
      const audit = await t().database.db.selectFrom('audit_events').select('action').where('action', '=', 'return-assumptions.saved').execute();
      expect(audit).toHaveLength(2);
    });
  },
  { setup: async ({ database, config }) => void (await seedDemo(database.db, { clients: 40, pseudonymKey: config.pseudonymKey })) },
);

function assumptions() {
  return {
    staffHourlyRateCents: 7500,
    staffHours: { vrijwilliger: 12, onderwijs: 16, werknemer: 24, ondernemer: 30 },
    monthlyBenefitCents: 125_000,
    monthsCounted: 12,
    integrationBudgetCents: 250_000_000,
    inflowPrevented: 40,
    inflowPreventedSavingCents: 600_000,
  };
}

it('judge: at least and at most against the measured value, and why a figure cannot be judged', () => {
  const figure = (value: number | null, extra: Record<string, unknown> = {}) => ({ key: 'ladder_no_drop_3_4' as const, status: 'measured' as const, headline: null, measures: [{ key: 'share_not_dropped', value, unit: 'percentage' as const, ...extra }], tables: [] });
  const agreement = (comparison: 'at_least' | 'at_most', target: string) => ({ measure_key: 'share_not_dropped', comparison, target });
  expect(judge(agreement('at_least', '95.00'), figure(90))).toEqual({ value: 90, status: 'not_met' });
  expect(judge(agreement('at_least', '90.00'), figure(90))).toEqual({ value: 90, status: 'met' });
  expect(judge(agreement('at_most', '95.00'), figure(90))).toEqual({ value: 90, status: 'met' });
  expect(judge(agreement('at_most', '89.90'), figure(90))).toEqual({ value: 90, status: 'not_met' });
  // A number the caller may not see: judged only when the judgement tells nothing about it.
  expect(judge(agreement('at_least', '95'), figure(97), figure(null, { suppressed: true }))).toEqual({ value: null, valueHidden: 'suppressed', status: 'not_measurable', reason: 'value_hidden' });
  expect(judge(agreement('at_least', '95'), figure(93), figure(null, { withheld: true }))).toEqual({ value: null, valueHidden: 'withheld', status: 'not_measurable', reason: 'value_hidden' });
  const count = (value: number | null, extra: Record<string, unknown> = {}) => ({ ...figure(null), measures: [{ key: 'share_not_dropped', value, unit: 'count' as const, ...extra }] });
  // "<5" against a target of 12 is not met whatever it is, and against at most 4 met whatever it is.
  expect(judge(agreement('at_least', '12'), count(3), count(null, { suppressed: true }))).toEqual({ value: null, valueHidden: 'suppressed', status: 'not_met' });
  expect(judge(agreement('at_most', '4'), count(3), count(null, { suppressed: true }))).toEqual({ value: null, valueHidden: 'suppressed', status: 'met' });
  // Against at least 3, "met" would say 3 or 4, and a second target of 4 would say which.
  expect(judge(agreement('at_least', '3'), count(3), count(null, { suppressed: true }))).toMatchObject({ value: null, status: 'not_measurable', reason: 'value_hidden' });
  expect(judge(agreement('at_least', '95'), figure(null))).toMatchObject({ status: 'not_measurable', reason: 'no_value' });
  expect(judge(agreement('at_least', '95'), { ...figure(null), status: 'not_measurable', reason: 'school_year_not_started' })).toMatchObject({ status: 'not_measurable', reason: 'school_year_not_started' });
  expect(judge({ ...agreement('at_least', '95'), measure_key: 'other' }, figure(90))).toMatchObject({ status: 'not_measurable', reason: 'figure_unavailable' });
  expect(judge(agreement('at_least', '95'), null)).toMatchObject({ status: 'not_measurable', reason: 'figure_unavailable' });
});
