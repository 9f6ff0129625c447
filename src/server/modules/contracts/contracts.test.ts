import { expect, it } from 'vitest';
import { addMonths, todayIso } from '../../../shared/dates.ts';
import type { ReferralStatus } from '../../db/schema.ts';
import { registerClient } from '../../test/fixtures.ts';
import { describeEachDatabase, login } from '../../test/test-app.ts';
import { createContract, demoProviders, referOnContract } from '../../test/trajectory-fixtures.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo/demo-accounts.ts';
import { seedDemo } from '../demo/demo-seed.ts';

describeEachDatabase(
  'providers, partners and contracts',
  (t) => {
    const db = () => t().database.db;
    const as = (email: string) => login(t().app, email, DEMO_PASSWORD);
    const municipalities = async () => (await db().selectFrom('municipalities').select(['id', 'name']).orderBy('name').execute()).map((m) => m.id);
    const today = todayIso();

    it('the administrator adds and changes a provider; coaches read the list; others may not change it', async () => {
      const admin = await as(DEMO_ACCOUNTS.administrator.email);
      const created = await admin.send('POST', '/api/providers', { name: 'Werkfit Lingedal', contactName: 'Anna Kok', contactEmail: 'anna@werkfit.example', contactPhone: '' });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({ name: 'Werkfit Lingedal', active: true, contactName: 'Anna Kok', contactPhone: null, contracts: 0, activeContracts: 0, policies: { update: true } });
      expect((await admin.send('POST', '/api/providers', { name: 'Werkfit Lingedal' })).statusCode).toBe(409);
      const id = created.json().id;
      const changed = await admin.send('PATCH', `/api/providers/${id}`, { active: false, contactPhone: '0345 123 456' });
      expect(changed.json()).toMatchObject({ active: false, contactPhone: '0345 123 456', contactName: 'Anna Kok' });

      const coach = await as(DEMO_ACCOUNTS.coach.email);
      const listed = (await coach.get('/api/providers')).json().items;
      expect(listed.find((p: { id: string }) => p.id === id)).toMatchObject({ active: false, policies: { update: false } });
      expect((await coach.send('POST', '/api/providers', { name: 'Nee' })).statusCode).toBe(403);
      expect((await coach.send('PATCH', `/api/providers/${id}`, { name: 'Nee' })).statusCode).toBe(403);
      const provider = await as(DEMO_ACCOUNTS.provider_coach.email);
      expect((await provider.get('/api/providers')).statusCode).toBe(403);
      expect((await provider.get('/api/contracts')).statusCode).toBe(403);
      // A partner is not a provider.
      const partner = await db().selectFrom('external_organisations').select('id').where('kind', '=', 'partner').executeTakeFirstOrThrow();
      expect((await admin.send('PATCH', `/api/providers/${partner.id}`, { name: 'X' })).statusCode).toBe(404);
    });

    it('the administrator adds a network partner with its kind; coaches see active partners with their kind', async () => {
      const admin = await as(DEMO_ACCOUNTS.administrator.email);
      const created = await admin.send('POST', '/api/external-organisations', { kind: 'partner', name: 'Sportclub Lingestad', partnerKind: 'sportclub', contactEmail: 'info@sport.example' });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({ kind: 'partner', partnerKind: 'sportclub', active: true, contactEmail: 'info@sport.example' });
      expect((await admin.send('POST', '/api/external-organisations', { kind: 'provider', name: 'X', partnerKind: 'overig' })).statusCode).toBe(422);
      const all = (await admin.get('/api/external-organisations')).json().items;
      expect(all.find((o: { id: string }) => o.id === created.json().id)).toMatchObject({ partnerKind: 'sportclub', contactName: null });

      const coach = await as(DEMO_ACCOUNTS.coach.email);
      expect((await coach.get('/api/partners')).json().items).toContainEqual({ id: created.json().id, name: 'Sportclub Lingestad', partnerKind: 'sportclub' });
      await admin.send('PATCH', `/api/external-organisations/${created.json().id}`, { active: false });
      expect((await coach.get('/api/partners')).json().items.map((p: { id: string }) => p.id)).not.toContain(created.json().id);
    });

    it('creates a contract with its municipalities and refuses what does not fit', async () => {
      const admin = await as(DEMO_ACCOUNTS.administrator.email);
      const { providerA } = await demoProviders(db());
      const [m1, m2] = await municipalities();
      const contract = await createContract(admin, providerA, [m1!, m2!], { capacity: 4, priceCents: 300_000 });
      expect(contract).toMatchObject({
        provider: { id: providerA },
        product: 'Sociale activering trede 1–2',
        ladderFrom: 1,
        ladderTo: 2,
        capacity: 4,
        durationMonths: 6,
        version: 1,
        use: { requested: 0, inUse: 0, completed: 0, ended: 0, available: 4, spentCents: 0, budgetCents: 1_200_000 },
        policies: { update: true },
      });
      expect(contract.municipalities.map((m: { id: string }) => m.id).sort()).toEqual([m1, m2].sort());

      const bad = async (overrides: Record<string, unknown>) => (await admin.send('POST', '/api/contracts', { providerId: providerA, product: 'X', startsOn: today, endsOn: today, priceCents: 1, capacity: 1, municipalityIds: [m1], ...overrides })).json();
      expect(await bad({ endsOn: addMonths(today, -1) })).toMatchObject({ code: 'validation_failed', field: 'endsOn' });
      expect(await bad({ ladderFrom: 4, ladderTo: 2 })).toMatchObject({ code: 'validation_failed', field: 'ladderTo' });
      expect(await bad({ municipalityIds: ['00000000-0000-4000-8000-000000000000'] })).toMatchObject({ code: 'unknown_reference', field: 'municipalityIds' });
      const partner = await db().selectFrom('external_organisations').select('id').where('kind', '=', 'partner').executeTakeFirstOrThrow();
      expect(await bad({ providerId: partner.id })).toMatchObject({ code: 'unknown_reference', field: 'providerId' });
      expect(await bad({ municipalityIds: [] })).toMatchObject({ code: 'validation_failed' });
      expect(await bad({ capacity: 0 })).toMatchObject({ code: 'validation_failed' });

      const coach = await as(DEMO_ACCOUNTS.coach.email);
      expect((await coach.send('POST', '/api/contracts', { providerId: providerA })).statusCode).toBe(403);
      const read = await coach.get(`/api/contracts/${contract.id}`);
      expect(read.headers.etag).toBe('"1"');
      expect(read.json().policies.update).toBe(false);
      const officer = await as(DEMO_ACCOUNTS.policy_officer.email);
      expect((await officer.get(`/api/contracts/${contract.id}`)).json().use.budgetCents).toBe(1_200_000);
    });

    it('changes a contract only with the current ETag, and keeps the provider of a contract with referrals', async () => {
      const admin = await as(DEMO_ACCOUNTS.administrator.email);
      const { providerA, providerB } = await demoProviders(db());
      const [m1, m2, m3] = await municipalities();
      const contract = await createContract(admin, providerA, [m1!]);
      const url = `/api/contracts/${contract.id}`;
      expect((await admin.send('PATCH', url, { capacity: 20 })).statusCode).toBe(428);
      expect((await admin.send('PATCH', url, { capacity: 20 }, { 'if-match': '"7"' })).statusCode).toBe(412);
      const changed = await admin.send('PATCH', url, { capacity: 20, municipalityIds: [m2, m3], notes: 'Verhoogd na evaluatie' }, { 'if-match': '"1"' });
      expect(changed.statusCode).toBe(200);
      expect(changed.headers.etag).toBe('"2"');
      expect(changed.json()).toMatchObject({ capacity: 20, version: 2, notes: 'Verhoogd na evaluatie', use: { available: 20 } });
      expect(changed.json().municipalities.map((m: { id: string }) => m.id).sort()).toEqual([m2, m3].sort());
      expect((await admin.send('PATCH', url, { capacity: 30 }, { 'if-match': '"1"' })).statusCode).toBe(412);
      expect((await admin.send('PATCH', url, { endsOn: addMonths(contract.startsOn, -1) }, { 'if-match': '"2"' })).json().code).toBe('validation_failed');

      // With a referral on it, the contract keeps its provider.
      const coach = await as(DEMO_ACCOUNTS.coach.email);
      const { client } = await registerClient(coach, m2!);
      expect((await referOnContract(coach, client.id, contract.id)).statusCode).toBe(201);
      const move = await admin.send('PATCH', url, { providerId: providerB }, { 'if-match': '"2"' });
      expect(move.json().code).toBe('closed_to_changes');
    });

    it('shows the use of a contract from its referrals per state', async () => {
      const admin = await as(DEMO_ACCOUNTS.administrator.email);
      const { providerA, organisationId } = await demoProviders(db());
      const [m1] = await municipalities();
      const contract = await createContract(admin, providerA, [m1!], { capacity: 8, priceCents: 100_000 });
      const counts: Partial<Record<ReferralStatus, number>> = { requested: 2, accepted: 1, active: 3, completed: 2, stopped: 1, transferred: 1, refused: 1, withdrawn: 1 };
      const clients = await db().selectFrom('clients').select('id').limit(12).execute();
      let i = 0;
      for (const [status, n] of Object.entries(counts) as [ReferralStatus, number][]) {
        for (let k = 0; k < n; k++) {
          await db()
            .insertInto('referrals')
            .values({ organisation_id: organisationId, client_id: clients[i++]!.id, external_organisation_id: providerA, kind: 'trajectory', contract_id: contract.id, status })
            .execute();
        }
      }
      const read = (await admin.get(`/api/contracts/${contract.id}`)).json();
      // inUse = accepted + active; ended = stopped + transferred; open = 2 + 1 + 3 of 8;
      // spent = price × started (active 3 + completed 2 + stopped 1 + transferred 1).
      expect(read.use).toEqual({ requested: 2, inUse: 4, completed: 2, ended: 2, available: 2, spentCents: 700_000, budgetCents: 800_000 });
      const listed = (await admin.get(`/api/contracts?providerId=${providerA}`)).json();
      expect(listed.items.find((c: { id: string }) => c.id === contract.id).use.available).toBe(2);
      expect(listed.total).toBe(listed.items.length);
    });

    it('two providers share the work in a transition year with overlapping contracts', async () => {
      const admin = await as(DEMO_ACCOUNTS.administrator.email);
      const { providerA, providerB } = await demoProviders(db());
      const [m1] = await municipalities();
      // A's contract runs out mid next year; B's starts before that: both apply in the overlap.
      const old = await createContract(admin, providerA, [m1!], { product: 'Focus op werk trede 3–4', startsOn: addMonths(today, -12), endsOn: addMonths(today, 3) });
      const next = await createContract(admin, providerB, [m1!], { product: 'Focus op werk trede 3–4', startsOn: addMonths(today, -2), endsOn: addMonths(today, 22) });
      const onDay = async (day: string) => (await admin.get(`/api/contracts?activeOn=${day}&municipalityId=${m1}`)).json().items.map((c: { id: string }) => c.id);
      expect(await onDay(today)).toEqual(expect.arrayContaining([old.id, next.id]));
      expect(await onDay(addMonths(today, 6))).toContain(next.id);
      expect(await onDay(addMonths(today, 6))).not.toContain(old.id);
      expect(await onDay(addMonths(today, -6))).not.toContain(next.id);

      // In the overlap a coach refers one client to each; each contract counts its own.
      const coach = await as(DEMO_ACCOUNTS.coach.email);
      const first = (await registerClient(coach, m1!)).client;
      const second = (await registerClient(coach, m1!)).client;
      expect((await referOnContract(coach, first.id, old.id)).statusCode).toBe(201);
      expect((await referOnContract(coach, second.id, next.id)).statusCode).toBe(201);
      // The same client may even go to both providers at once (different organisations).
      expect((await referOnContract(coach, first.id, next.id)).statusCode).toBe(201);
      expect((await admin.get(`/api/contracts/${old.id}`)).json().use).toMatchObject({ requested: 1, available: 9 });
      expect((await admin.get(`/api/contracts/${next.id}`)).json().use).toMatchObject({ requested: 2, available: 8 });
      const providers = (await admin.get('/api/providers')).json().items;
      expect(providers.find((p: { id: string }) => p.id === providerB).activeContracts).toBeGreaterThanOrEqual(1);
    });
  },
  { setup: async ({ database, config }) => void (await seedDemo(database.db, { clients: 30, pseudonymKey: config.pseudonymKey })) },
);
