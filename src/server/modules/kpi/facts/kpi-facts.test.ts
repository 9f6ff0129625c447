import { expect, it } from 'vitest';
import { todayIso } from '../../../../shared/dates.ts';
import { registerClient } from '../../../test/fixtures.ts';
import { describeEachDatabase, login, type Session } from '../../../test/test-app.ts';
import { act, createContract, demoProviders, referOnContract } from '../../../test/trajectory-fixtures.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../demo/demo-accounts.ts';
import { seedDemo } from '../../demo/demo-seed.ts';
import { listFacts } from './kpi-facts.repository.ts';
import { rebuildAllFacts } from './kpi-facts.service.ts';

const today = todayIso();
const thisYear = Number(today.slice(0, 4));
const step3 = { paidWork: false, unpaidWorkWithResponsibility: false, organisedActivityWeekly: true };
const step4 = { paidWork: false, unpaidWorkWithResponsibility: true };
const step2 = { paidWork: false, unpaidWorkWithResponsibility: false, organisedActivityWeekly: false, socialContactWeekly: true };

describeEachDatabase(
  'KPI facts kept in step by every write',
  (t) => {
    const db = () => t().database.db;
    const as = (email: string) => login(t().app, email, DEMO_PASSWORD);
    const organisationId = async () => (await db().selectFrom('organisations').select('id').executeTakeFirstOrThrow()).id;
    const municipalities = async () => (await db().selectFrom('municipalities').select(['id', 'name']).orderBy('name').execute()).map((m) => m.id);

    /** The facts as the writes left them must equal a rebuild from scratch. */
    async function expectInStep(): Promise<void> {
      const org = await organisationId();
      const kept = await listFacts(db(), org);
      await rebuildAllFacts(db(), org);
      expect(await listFacts(db(), org)).toEqual(kept);
    }
    async function factsOf(clientId: string) {
      const rows = await db().selectFrom('kpi_client_years').selectAll().where('client_id', '=', clientId).orderBy('year').execute();
      return Object.fromEntries(rows.map((r) => [r.year, r]));
    }
    const measure = (s: Session, clientId: string, measuredOn: string, answers: object, growthPotential: number) =>
      s.send('POST', `/api/clients/${clientId}/ladder`, { measuredOn, occasion: 'other', answers, growthPotential });

    it('registration, measurements on the boundaries, a late older measurement, a jaargesprek, a move, a route change and an outflow', async () => {
      const coach = await as(DEMO_ACCOUNTS.coach.email);
      const [a, b] = await municipalities();
      const { client } = await registerClient(coach, a!, { benefitStartDate: '2024-03-01', route: 'werknemer', dateOfBirth: '1985-06-15' });
      let facts = await factsOf(client.id);
      expect(Object.keys(facts).map(Number)).toEqual(Array.from({ length: thisYear - 2023 }, (_, i) => 2024 + i));
      expect(facts[2024]).toMatchObject({ municipality_end: a, route_end: 'werknemer', benefit_from: '2024-03-01', benefit_until: null, step_start: null, step_end: null });
      await expectInStep();

      // 31 December is the start of the next year; 1 January is movement inside it.
      expect((await measure(coach, client.id, '2024-12-31', step3, 4)).statusCode).toBe(201);
      expect((await measure(coach, client.id, '2025-01-01', step4, 5)).statusCode).toBe(201);
      facts = await factsOf(client.id);
      expect(facts[2024]).toMatchObject({ step_start: null, step_mid: null, step_end: 3, measurements_h1: 0, measurements_h2: 1 });
      expect(facts[2025]).toMatchObject({ step_start: 3, step_mid: 4, step_end: 4, measurements_h1: 1, measurements_h2: 0 });
      await expectInStep();

      // A measurement entered late with an old date changes the earlier year.
      expect((await measure(coach, client.id, '2024-05-10', step2, 3)).statusCode).toBe(201);
      facts = await factsOf(client.id);
      expect(facts[2024]).toMatchObject({ step_mid: 2, step_end: 3, measurements_h1: 1 });
      await expectInStep();

      const contact = await coach.send('POST', `/api/clients/${client.id}/contacts`, { kind: 'jaargesprek', occurredOn: '2025-03-10', summary: 'Jaargesprek gevoerd', confidential: false });
      expect(contact.statusCode).toBe(201);
      facts = await factsOf(client.id);
      expect(facts[2025]).toMatchObject({ last_annual_conversation_mid: '2025-03-10', last_annual_conversation_end: '2025-03-10' });
      expect(facts[2024]).toMatchObject({ last_annual_conversation_end: null });
      await expectInStep();

      // A move with a date in the past: the old municipality in the middle of 2025, the new one at its end.
      let etag = (await coach.get(`/api/clients/${client.id}`)).headers.etag as string;
      const moved = await coach.send('PATCH', `/api/clients/${client.id}`, { municipalityId: b, movedOn: '2025-08-01' }, { 'if-match': etag });
      expect(moved.statusCode).toBe(200);
      facts = await factsOf(client.id);
      expect(facts[2024]).toMatchObject({ municipality_mid: a, municipality_end: a });
      expect(facts[2025]).toMatchObject({ municipality_mid: a, municipality_end: b });
      await expectInStep();
      // A move date without a new municipality is refused.
      etag = moved.headers.etag as string;
      expect((await coach.send('PATCH', `/api/clients/${client.id}`, { city: 'Elders', movedOn: '2025-09-01' }, { 'if-match': etag })).statusCode).toBe(422);

      const route = await coach.send('PUT', `/api/clients/${client.id}/route`, { route: 'ondernemer', reason: 'Start eigen bedrijf' }, { 'if-match': etag });
      expect(route.statusCode).toBe(200);
      facts = await factsOf(client.id);
      expect(facts[2024]).toMatchObject({ route_end: 'werknemer' });
      expect(facts[thisYear]).toMatchObject({ route_end: 'ondernemer' });
      await expectInStep();

      // Outflow: refused before the benefit started and without If-Match; then registered.
      etag = route.headers.etag as string;
      expect((await coach.send('POST', `/api/clients/${client.id}/outflow`, { endedOn: '2024-02-28', reason: 'werk' }, { 'if-match': etag })).statusCode).toBe(422);
      expect((await coach.send('POST', `/api/clients/${client.id}/outflow`, { endedOn: '2025-09-30', reason: 'werk' })).statusCode).toBe(428);
      const outflow = await coach.send('POST', `/api/clients/${client.id}/outflow`, { endedOn: '2025-09-30', reason: 'ondernemer' }, { 'if-match': etag });
      expect(outflow.statusCode).toBe(200);
      expect(outflow.json().benefit).toMatchObject({ startDate: '2024-03-01', endedOn: '2025-09-30', outflowReason: 'ondernemer' });
      facts = await factsOf(client.id);
      expect(Object.keys(facts).map(Number)).toEqual([2024, 2025]);
      expect(facts[2025]).toMatchObject({ benefit_until: '2025-09-30', municipality_end: b });
      await expectInStep();
      const timeline = (await coach.get(`/api/clients/${client.id}/timeline?limit=100`)).json().items.map((e: { summary: string }) => e.summary);
      expect(timeline).toContain('Uitstroom geregistreerd: uitkering beëindigd per 2025-09-30 (eigen bedrijf)');
      const log = await db().selectFrom('processing_log').select('operation').where('operation', '=', 'clients.outflow').execute();
      expect(log).toHaveLength(1);

      // Someone outside the dossier (a policy officer) cannot register an outflow.
      const officer = await as(DEMO_ACCOUNTS.policy_officer.email);
      expect([403, 404]).toContain((await officer.send('POST', `/api/clients/${client.id}/outflow`, { endedOn: '2025-09-30', reason: 'werk' }, { 'if-match': '"1"' })).statusCode);
    });

    it("a provider's trajectory measurement refreshes the facts through the checked database function", async () => {
      const [admin, coach, provider] = await Promise.all([as(DEMO_ACCOUNTS.administrator.email), as(DEMO_ACCOUNTS.coach.email), as(DEMO_ACCOUNTS.provider_coach.email)]);
      const { providerA } = await demoProviders(db());
      const [a] = await municipalities();
      const contract = await createContract(admin, providerA, [a!]);
      const { client } = await registerClient(coach, a!, { benefitStartDate: `${thisYear}-01-01` });
      const referral = (await referOnContract(coach, client.id, contract.id)).json();
      const accepted = (await act(provider, referral, 'accept')).json();
      expect((await act(provider, accepted, 'start', { startedOn: today })).statusCode).toBe(200);
      const res = await provider.send('POST', `/api/referrals/${referral.id}/ladder`, { measuredOn: today, occasion: 'trajectory_start', answers: step3, growthPotential: 4 });
      expect(res.statusCode).toBe(201);
      expect((await factsOf(client.id))[thisYear]).toMatchObject({ step_end: 3 });
      await expectInStep();
    });
  },
  { setup: async ({ database, config }) => void (await seedDemo(database.db, { clients: 40, pseudonymKey: config.pseudonymKey })) },
);
