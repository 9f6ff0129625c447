import { expect, it } from 'vitest';
import { addMonths, todayIso } from '../../../shared/dates.ts';
import { nextReferralStatus, OPEN_REFERRAL_STATUSES, REFERRAL_KINDS, REFERRAL_STATUSES, type ReferralKind, type ReferralStatus } from '../../../shared/referrals.ts';
import { registerClient } from '../../test/fixtures.ts';
import { describeEachDatabase, login, type Session } from '../../test/test-app.ts';
import { act, addDemoUser, createContract, demoProviders, referOnContract } from '../../test/trajectory-fixtures.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo/demo-accounts.ts';
import { seedDemo } from '../demo/demo-seed.ts';

const today = todayIso();
const answers = { paidWork: false, unpaidWorkWithResponsibility: false, organisedActivityWeekly: true };

/** A valid body for every action, so that only the referral's state decides. */
const ACTIONS: Record<string, { path: string; body: unknown; by: 'external' | 'coach' }> = {
  accept: { path: 'accept', body: {}, by: 'external' },
  refuse: { path: 'refuse', body: { reason: 'Geen plek in de groep' }, by: 'external' },
  start: { path: 'start', body: { startedOn: today }, by: 'external' },
  complete: { path: 'complete', body: { endedOn: today, adviceNextStep: 'werk', advice: 'Klaar voor werk' }, by: 'external' },
  stop: { path: 'stop', body: { endedOn: today, stopReason: 'ziekte', note: 'Langdurig ziek' }, by: 'external' },
  transfer: { path: 'transfer', body: { endedOn: today, to: 'work_trajectory', note: 'Naar werkgericht traject' }, by: 'external' },
  withdraw: { path: 'withdraw', body: { reason: 'Cliënt verhuist' }, by: 'coach' },
  receive: { path: 'receive', body: {}, by: 'external' },
  reportOutcome: { path: 'outcome', body: { outcome: 'Taalcursus gestart' }, by: 'external' },
  reportProgress: { path: 'progress', body: { reportedOn: today, summary: 'Komt trouw' }, by: 'external' },
  proposeExtension: { path: 'extension', body: { until: addMonths(today, 3), motivation: 'Groeit zichtbaar' }, by: 'external' },
};

/** Whether the transitions table (and the rules beside it) allows an action from a state. */
function allowed(kind: ReferralKind, status: ReferralStatus, action: string): boolean {
  if (action === 'reportProgress' || action === 'proposeExtension') return kind === 'trajectory' && status === 'active';
  return nextReferralStatus(kind, status, action as Parameters<typeof nextReferralStatus>[2]) !== null;
}

describeEachDatabase(
  'referral and trajectory lifecycle',
  (t) => {
    const db = () => t().database.db;
    const as = (email: string) => login(t().app, email, DEMO_PASSWORD);
    const municipality = async () => (await db().selectFrom('municipalities').select('id').orderBy('name').executeTakeFirstOrThrow()).id;

    /** A fresh client of the demo coach referred on a fresh contract of the demo provider. */
    async function referred(contractOverrides: Record<string, unknown> = {}, referOverrides: Record<string, unknown> = {}) {
      const [admin, coach, provider] = await Promise.all([as(DEMO_ACCOUNTS.administrator.email), as(DEMO_ACCOUNTS.coach.email), as(DEMO_ACCOUNTS.provider_coach.email)]);
      const { providerA, providerB } = await demoProviders(db());
      const m = await municipality();
      const contract = await createContract(admin, providerA, [m], contractOverrides);
      const { client } = await registerClient(coach, m, { phone: '06 12345678', street: 'Dorpsstraat' });
      const res = await referOnContract(coach, client.id, contract.id, referOverrides);
      expect(res.statusCode).toBe(201);
      return { admin, coach, provider, contract, client, referral: res.json(), providerA, providerB, m };
    }
    async function toActive(provider: Session, referral: { id: string; version: number }) {
      const accepted = (await act(provider, referral, 'accept')).json();
      return (await act(provider, accepted, 'start', { startedOn: today })).json();
    }
    const timeline = async (coach: Session, clientId: string) => (await coach.get(`/api/clients/${clientId}/timeline?limit=100`)).json().items.map((e: { summary: string }) => e.summary);

    it('runs a trajectory from referral to completion with measurements, progress, timeline and processing log', async () => {
      const { coach, provider, contract, client, referral } = await referred();
      expect(referral).toMatchObject({ kind: 'trajectory', status: 'requested', version: 1, contract: { id: contract.id }, sharedFields: ['date_of_birth'], consentGiven: true, requestedBy: { displayName: DEMO_ACCOUNTS.coach.displayName } });
      expect(referral.transitions).toMatchObject([{ fromStatus: null, toStatus: 'requested' }]);
      // Staff see all client data; the provider only what the referral shares.
      expect(referral.clientData).toMatchObject({ dateOfBirth: client.dateOfBirth, phone: '06 12345678', street: 'Dorpsstraat' });
      const seen = await provider.get(`/api/referrals/${referral.id}`);
      expect(seen.headers.etag).toBe('"1"');
      expect(seen.json().clientData).toEqual({ dateOfBirth: client.dateOfBirth });
      expect(seen.json().policies).toMatchObject({ accept: true, refuse: true, start: false, withdraw: false });

      const accepted = await act(provider, referral, 'accept');
      expect(accepted.statusCode).toBe(200);
      expect(accepted.headers.etag).toBe('"2"');
      expect(accepted.json()).toMatchObject({ status: 'accepted', providerCoach: { displayName: DEMO_ACCOUNTS.provider_coach.displayName } });
      const started = (await act(provider, accepted.json(), 'start', { startedOn: today })).json();
      expect(started).toMatchObject({ status: 'active', startedOn: today, plannedEndOn: addMonths(today, 6), missingMeasurement: 'start' });
      // The lists read the referral's own flags (migration 0028), which a measurement sets: under the backstop too.
      const listed = async (as: Session, status: 'open' | 'closed') => (await as.get(`/api/referrals?status=${status}&limit=200`)).json().items.find((i: { id: string }) => i.id === referral.id);
      expect(await listed(provider, 'open')).toMatchObject({ missingMeasurement: 'start' });

      const start = await provider.send('POST', `/api/referrals/${referral.id}/ladder`, { measuredOn: today, occasion: 'trajectory_start', answers, growthPotential: 4 });
      expect(start.statusCode).toBe(201);
      expect(start.json()).toMatchObject({ step: 3, occasion: 'trajectory_start' });
      expect((await provider.send('POST', `/api/referrals/${referral.id}/ladder`, { measuredOn: today, occasion: 'intake', answers, growthPotential: 4 })).statusCode).toBe(422);
      const progress = await provider.send('POST', `/api/referrals/${referral.id}/progress`, { reportedOn: today, summary: 'Eerste weken goed verlopen' });
      expect(progress.statusCode).toBe(200);
      expect(progress.json()).toMatchObject({ missingMeasurement: null, version: started.version, progress: [{ summary: 'Eerste weken goed verlopen' }], measurements: [{ step: 3 }] });
      expect(await listed(provider, 'open')).toMatchObject({ missingMeasurement: null });

      const completed = await act(provider, progress.json(), 'complete', { endedOn: today, adviceNextStep: 'vrijwilligerswerk', advice: 'Vrijwilligerswerk bij de kringloop' });
      expect(completed.statusCode).toBe(200);
      expect(completed.json()).toMatchObject({ status: 'completed', adviceNextStep: 'vrijwilligerswerk', clientData: {} });
      expect(completed.json().transitions.map((x: { toStatus: string }) => x.toStatus)).toEqual(['requested', 'accepted', 'active', 'completed']);
      // Access ends at once; the coach sees the end measurement is missing and records it.
      expect((await provider.get(`/api/referrals/${referral.id}`)).statusCode).toBe(404);
      expect((await provider.get(`/api/clients/${client.id}`)).statusCode).toBe(404);
      expect((await coach.get(`/api/referrals/${referral.id}`)).json()).toMatchObject({ missingMeasurement: 'end', policies: { measureLadder: true } });
      expect(await listed(coach, 'closed')).toMatchObject({ missingMeasurement: 'end' });
      expect((await coach.send('POST', `/api/referrals/${referral.id}/ladder`, { measuredOn: today, occasion: 'trajectory_end', answers: { paidWork: false, unpaidWorkWithResponsibility: true }, growthPotential: 5 })).statusCode).toBe(201);
      expect((await coach.get(`/api/referrals/${referral.id}`)).json().missingMeasurement).toBeNull();
      expect(await listed(coach, 'closed')).toMatchObject({ missingMeasurement: null });
      expect((await coach.get(`/api/clients/${client.id}`)).json().ladder).toMatchObject({ step: 4, growthPotential: 5 });

      const events = await timeline(coach, client.id);
      for (const text of ['Verwezen naar', 'geaccepteerd', `gestart op ${today}`, 'Voortgang traject', 'afgerond; advies: vrijwilligerswerk', 'Participatieladder: trede 3 → 4']) {
        expect(events.some((s: string) => s.includes(text))).toBe(true);
      }
      const pseudonym = (await db().selectFrom('clients').select('bsn_pseudonym').where('id', '=', client.id).executeTakeFirstOrThrow()).bsn_pseudonym;
      const logged = await db()
        .selectFrom('processing_log as l')
        .innerJoin('processing_activities as a', 'a.id', 'l.processing_activity_id')
        .select(['l.operation'])
        .where('l.data_subject_id', '=', pseudonym)
        .where('a.code', '=', 'referral')
        .execute();
      expect(logged.map((l) => l.operation)).toEqual(
        expect.arrayContaining(['referrals.refer', 'referrals.read', 'referrals.accept', 'referrals.start', 'referrals.measure-ladder', 'referrals.report-progress', 'referrals.complete']),
      );
    });

    it('allows every transition in the table and refuses every other one (409, or 404 once the external organisation lost access)', async () => {
      const { contract, providerA, coach, provider, m } = await referred();
      const partner = await as(DEMO_ACCOUNTS.partner.email);
      const partnerOrg = (await db().selectFrom('users').select('external_organisation_id').where('email', '=', DEMO_ACCOUNTS.partner.email).executeTakeFirstOrThrow()).external_organisation_id!;
      const { organisationId } = await demoProviders(db());
      const failures: string[] = [];
      for (const kind of REFERRAL_KINDS) {
        for (const status of REFERRAL_STATUSES) {
          const { client } = await registerClient(coach, m);
          for (const [action, spec] of Object.entries(ACTIONS)) {
            const row = await db()
              .insertInto('referrals')
              .values({
                organisation_id: organisationId,
                client_id: client.id,
                external_organisation_id: kind === 'trajectory' ? providerA : partnerOrg,
                kind,
                contract_id: kind === 'trajectory' ? contract.id : null,
                status,
                started_on: ['active', 'completed', 'stopped', 'transferred'].includes(status) ? today : null,
                planned_end_on: status === 'active' ? addMonths(today, 1) : null,
              })
              .returning(['id', 'version'])
              .executeTakeFirstOrThrow();
            const session = spec.by === 'coach' ? coach : kind === 'trajectory' ? provider : partner;
            const res = await act(session, row, spec.path, spec.body);
            const open = (OPEN_REFERRAL_STATUSES as readonly string[]).includes(status);
            const expected = allowed(kind, status, action) ? 200 : spec.by === 'external' && !open ? 404 : 409;
            if (res.statusCode !== expected) failures.push(`${kind} ${status} ${action}: ${res.statusCode} (expected ${expected}) ${res.body.slice(0, 120)}`);
            if (expected === 409 && res.json().code !== 'invalid_transition') failures.push(`${kind} ${status} ${action}: code ${res.json().code}`);
            // Nothing changed by a refused action.
            if (expected !== 200) {
              const after = await db().selectFrom('referrals').select(['status', 'version']).where('id', '=', row.id).executeTakeFirstOrThrow();
              if (after.status !== status || after.version !== row.version) failures.push(`${kind} ${status} ${action}: changed`);
            }
          }
        }
      }
      expect(failures).toEqual([]);
    });

    it('the coach withdraws an open referral and the provider loses access at once; no one else may withdraw', async () => {
      const { coach, provider, client, referral } = await referred();
      const accepted = (await act(provider, referral, 'accept')).json();
      expect((await act(provider, accepted, 'withdraw', { reason: 'x' })).statusCode).toBe(403);
      const outsider = await as('coach2@meedoen.demo');
      expect((await act(outsider, accepted, 'withdraw', { reason: 'x' })).statusCode).toBe(404);
      const withdrawn = await act(coach, accepted, 'withdraw', { reason: 'Cliënt heeft zelf werk gevonden' });
      expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', withdrawalReason: 'Cliënt heeft zelf werk gevonden' });
      expect((await provider.get(`/api/clients/${client.id}`)).statusCode).toBe(404);
      expect((await provider.get('/api/referrals')).json().items.map((r: { id: string }) => r.id)).not.toContain(referral.id);
      expect(await timeline(coach, client.id)).toContain(`Verwijzing naar ${accepted.organisation.name} (${accepted.contract.product}) ingetrokken: Cliënt heeft zelf werk gevonden`);
    });

    it('the provider proposes an extension of up to a year; the coach approves or refuses it, with a task in between', async () => {
      const { coach, provider, client, referral } = await referred();
      let active = await toActive(provider, referral);
      const plannedEnd = active.plannedEndOn;
      expect((await act(provider, active, 'extension', { until: addMonths(plannedEnd, 13), motivation: 'Meer tijd nodig' })).json()).toMatchObject({ code: 'extension_too_long', latest: addMonths(plannedEnd, 12) });
      expect((await act(provider, active, 'extension', { until: plannedEnd, motivation: 'Meer tijd nodig' })).json().code).toBe('validation_failed');
      const proposed = await act(provider, active, 'extension', { until: addMonths(plannedEnd, 12), motivation: 'Groeit zichtbaar, nog een jaar' });
      expect(proposed.json()).toMatchObject({ extensionStatus: 'proposed', extensionUntil: addMonths(plannedEnd, 12), policies: { proposeExtension: false, decideExtension: false } });
      expect((await act(provider, proposed.json(), 'extension', { until: addMonths(plannedEnd, 2), motivation: 'x' })).json().code).toBe('invalid_transition');
      const tasks = async () => (await coach.get(`/api/tasks?clientId=${client.id}`)).json().items.map((x: { kind: string }) => x.kind);
      expect(await tasks()).toContain('verlenging_beoordelen');
      expect((await act(provider, proposed.json(), 'extension-decision', { approve: true })).statusCode).toBe(403);
      const coachView = (await coach.get(`/api/referrals/${referral.id}`)).json();
      expect(coachView.policies.decideExtension).toBe(true);
      const approved = await act(coach, coachView, 'extension-decision', { approve: true });
      expect(approved.json()).toMatchObject({ extensionStatus: 'approved', plannedEndOn: addMonths(plannedEnd, 12) });
      expect(await tasks()).not.toContain('verlenging_beoordelen');
      expect((await act(coach, approved.json(), 'extension-decision', { approve: true })).json().code).toBe('invalid_transition');

      active = (await provider.get(`/api/referrals/${referral.id}`)).json();
      const again = (await act(provider, active, 'extension', { until: addMonths(active.plannedEndOn, 6), motivation: 'Nog wat langer' })).json();
      const refused = await act(coach, again, 'extension-decision', { approve: false, note: 'Eerst afronden' });
      expect(refused.json()).toMatchObject({ extensionStatus: 'refused', plannedEndOn: addMonths(plannedEnd, 12) });
      expect(await timeline(coach, client.id)).toEqual(expect.arrayContaining([expect.stringContaining('goedgekeurd'), expect.stringContaining('afgewezen: Eerst afronden')]));
    });

    it('a refusal puts a task on the coach’s list, which a new referral answers', async () => {
      const { coach, provider, client, referral, admin, providerB, m } = await referred();
      const refused = await act(provider, referral, 'refuse', { reason: 'Cliënt past niet in de doelgroep' });
      expect(refused.json()).toMatchObject({ status: 'refused', refusalReason: 'Cliënt past niet in de doelgroep' });
      const tasks = async () => (await coach.get(`/api/tasks?clientId=${client.id}`)).json().items.map((x: { kind: string }) => x.kind);
      expect(await tasks()).toContain('verwijzing_beoordelen');
      expect((await coach.get('/api/referrals?needsDecision=true&status=all')).json().items.map((r: { id: string }) => r.id)).toContain(referral.id);
      const other = await createContract(admin, providerB, [m]);
      expect((await referOnContract(coach, client.id, other.id)).statusCode).toBe(201);
      expect(await tasks()).not.toContain('verwijzing_beoordelen');
    });

    it('refuses a referral beyond capacity, outside the contract, twice to one provider, or without consent or legal ground', async () => {
      const { coach, admin, provider, referral, contract, providerA, m } = await referred({ capacity: 1 });
      const { client: second } = await registerClient(coach, m);
      expect((await referOnContract(coach, second.id, contract.id)).json()).toMatchObject({ code: 'contract_full' });
      // A refused referral frees its place.
      await act(provider, referral, 'refuse', { reason: 'Vol' });
      expect((await referOnContract(coach, second.id, contract.id)).statusCode).toBe(201);

      const expired = await createContract(admin, providerA, [m], { startsOn: addMonths(today, -14), endsOn: addMonths(today, -2) });
      const { client: third } = await registerClient(coach, m);
      expect((await referOnContract(coach, third.id, expired.id)).json()).toMatchObject({ code: 'contract_not_applicable', reason: 'period' });
      const otherMunicipality = (await db().selectFrom('municipalities').select('id').where('id', '!=', m).executeTakeFirstOrThrow()).id;
      const elsewhere = await createContract(admin, providerA, [otherMunicipality]);
      const res = await referOnContract(coach, third.id, elsewhere.id);
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ code: 'contract_not_applicable', reason: 'municipality' });
      expect((await referOnContract(coach, third.id, '00000000-0000-4000-8000-000000000000')).json()).toMatchObject({ code: 'unknown_reference' });

      // One open referral per provider: a second product of the same provider is refused.
      const another = await createContract(admin, providerA, [m], { product: 'Focus op werk trede 3–4' });
      expect((await referOnContract(coach, second.id, another.id)).json()).toMatchObject({ code: 'already_referred' });

      const noGround = await referOnContract(coach, third.id, another.id, { consentGiven: false });
      expect(noGround.statusCode).toBe(422);
      expect(noGround.json()).toMatchObject({ code: 'validation_failed', field: 'legalGround' });
      const withGround = await referOnContract(coach, third.id, another.id, { consentGiven: false, legalGround: 'Participatiewet art. 7' });
      expect(withGround.json()).toMatchObject({ consentGiven: false, legalGround: 'Participatiewet art. 7' });

      // An inactive provider takes no referrals.
      const { client: fourth } = await registerClient(coach, m);
      const inactive = await admin.send('POST', '/api/providers', { name: 'Slapende Stichting' });
      const sleepy = await createContract(admin, inactive.json().id, [m]);
      await admin.send('PATCH', `/api/providers/${inactive.json().id}`, { active: false });
      expect((await referOnContract(coach, fourth.id, sleepy.id)).json()).toMatchObject({ code: 'contract_not_applicable', reason: 'provider_inactive' });
    });

    it('requires the current version on every transition (428 without If-Match, 412 when stale)', async () => {
      const { provider, referral } = await referred();
      expect((await provider.send('POST', `/api/referrals/${referral.id}/accept`, {})).statusCode).toBe(428);
      expect((await provider.send('POST', `/api/referrals/${referral.id}/accept`, {}, { 'if-match': '"9"' })).statusCode).toBe(412);
      const accepted = await act(provider, referral, 'accept');
      expect(accepted.statusCode).toBe(200);
      const stale = await act(provider, referral, 'start', { startedOn: today });
      expect(stale.statusCode).toBe(412);
      expect(stale.json().currentVersion).toBe(2);
    });

    it('a transfer to another provider creates that provider’s referral; the first provider’s access ends', async () => {
      const { coach, provider, admin, client, referral, providerB, m } = await referred();
      await addDemoUser(db(), { email: 'overname@meedoen.demo', displayName: 'Overname Coach', role: 'provider_coach', externalOrganisationId: providerB });
      const b = await as('overname@meedoen.demo');
      const active = await toActive(provider, referral);
      const full = await createContract(admin, providerB, [m], { capacity: 1, product: 'Vol' });
      const { client: other } = await registerClient(coach, m);
      await referOnContract(coach, other.id, full.id);
      expect((await act(provider, active, 'transfer', { endedOn: today, to: 'provider', contractId: full.id, note: 'x' })).json().code).toBe('contract_full');
      expect((await act(provider, active, 'transfer', { endedOn: today, to: 'provider', note: 'x' })).json()).toMatchObject({ code: 'validation_failed', field: 'contractId' });

      const work = await createContract(admin, providerB, [m], { product: 'Focus op werk trede 3–4' });
      const transferred = await act(provider, active, 'transfer', { endedOn: today, to: 'provider', contractId: work.id, note: 'Toe aan werkgerichte begeleiding' });
      expect(transferred.statusCode).toBe(200);
      expect(transferred.json()).toMatchObject({ status: 'transferred', transferredTo: 'provider', endNote: 'Toe aan werkgerichte begeleiding' });
      expect((await provider.get(`/api/clients/${client.id}`)).statusCode).toBe(404);

      const coachView = (await coach.get(`/api/referrals/${referral.id}`)).json();
      expect(coachView.nextReferralId).toBeTruthy();
      const next = (await coach.get(`/api/referrals/${coachView.nextReferralId}`)).json();
      expect(next).toMatchObject({ status: 'requested', organisation: { id: providerB }, contract: { id: work.id }, sharedFields: ['date_of_birth'], consentGiven: true });
      expect(next.question).toContain('Toe aan werkgerichte begeleiding');
      expect((await b.get('/api/referrals')).json().items.map((r: { id: string }) => r.id)).toContain(next.id);
      expect((await b.get(`/api/referrals/${next.id}`)).json().clientData).toEqual({ dateOfBirth: client.dateOfBirth });
      expect(await timeline(coach, client.id)).toEqual(expect.arrayContaining([expect.stringContaining('overgedragen aan'), expect.stringContaining('na overdracht')]));
    });

    it('the coach may move a running trajectory to another provider, choosing the contract', async () => {
      const { coach, provider, admin, referral, providerB, m } = await referred();
      const active = await toActive(provider, referral);
      const work = await createContract(admin, providerB, [m], { product: 'Werkfit' });
      expect((await coach.get(`/api/referrals/${referral.id}`)).json().policies.transfer).toBe(true);
      const moved = await act(coach, active, 'transfer', { endedOn: today, to: 'provider', contractId: work.id, note: 'Besloten in het regieoverleg' });
      expect(moved.statusCode).toBe(200);
      expect(moved.json()).toMatchObject({ status: 'transferred', transferredTo: 'provider' });
      const next = (await coach.get(`/api/referrals/${moved.json().nextReferralId}`)).json();
      expect(next).toMatchObject({ status: 'requested', organisation: { id: providerB }, contract: { id: work.id } });
    });

    it('a partner referral from a signal escalation: the partner receives it and reports the outcome back to the escalation', async () => {
      const coach = await as(DEMO_ACCOUNTS.coach.email);
      const partner = await as(DEMO_ACCOUNTS.partner.email);
      const partnerOrg = (await db().selectFrom('users').select('external_organisation_id').where('email', '=', DEMO_ACCOUNTS.partner.email).executeTakeFirstOrThrow()).external_organisation_id!;
      const { client } = await registerClient(coach, await municipality());
      const signal = (await coach.send('POST', `/api/clients/${client.id}/signals`, { domain: 'laaggeletterdheid', severity: 'middel', description: 'Kan brieven niet lezen' })).json();
      const escalated = await coach.send('POST', `/api/signals/${signal.id}/escalations`, { targetKind: 'partner', externalOrganisationId: partnerOrg, question: 'Taalcursus mogelijk?', dueOn: addMonths(today, 1) });
      expect(escalated.statusCode).toBe(201);
      // A second partner referral to the same partner while one is open is refused.
      const twice = await coach.send('POST', `/api/clients/${client.id}/referrals`, { kind: 'partner', partnerId: partnerOrg, question: 'Nog een', sharedFields: [], consentGiven: true });
      expect(twice.json().code).toBe('already_referred');

      const listed = (await partner.get('/api/referrals')).json().items.find((r: { client: { id: string } }) => r.client.id === client.id);
      expect(listed).toMatchObject({ kind: 'partner', status: 'requested', question: 'Taalcursus mogelijk?', contract: null, policies: { receive: true, reportOutcome: false, accept: false } });
      const detail = (await partner.get(`/api/referrals/${listed.id}`)).json();
      expect(detail).toMatchObject({ sharedFields: [], clientData: {}, legalGround: 'Participatiewet art. 7; verwijzing netwerkpartner' });
      const received = (await act(partner, detail, 'receive')).json();
      expect(received.status).toBe('accepted');
      const done = await act(partner, received, 'outcome', { outcome: 'Gestart met taalcursus in de bibliotheek' });
      expect(done.json()).toMatchObject({ status: 'completed', outcome: 'Gestart met taalcursus in de bibliotheek' });
      expect((await partner.get(`/api/clients/${client.id}`)).statusCode).toBe(404);

      const signals = (await coach.get(`/api/clients/${client.id}/signals`)).json().items;
      expect(signals[0]).toMatchObject({ status: 'in_behandeling', escalations: [{ status: 'teruggemeld', outcome: 'Gestart met taalcursus in de bibliotheek' }] });
      expect(await timeline(coach, client.id)).toContain(`Terugkoppeling ${listed.organisation.name}: Gestart met taalcursus in de bibliotheek`);
    });

    it('shows a provider its referrals waiting, in progress and open on the start page', async () => {
      const { provider, referral } = await referred();
      const providerOrg = (await db().selectFrom('users').select('external_organisation_id').where('email', '=', DEMO_ACCOUNTS.provider_coach.email).executeTakeFirstOrThrow()).external_organisation_id!;
      const count = async (statuses: ReferralStatus[]) =>
        Number((await db().selectFrom('referrals').select((eb) => eb.fn.countAll<number>().as('n')).where('external_organisation_id', '=', providerOrg).where('status', 'in', statuses).executeTakeFirstOrThrow()).n);
      await act(provider, referral, 'accept');
      const start = (await provider.get('/api/start')).json();
      expect(start.counts).toEqual({ requested: await count(['requested']), active: await count(['accepted', 'active']), open_referrals: await count(['requested', 'accepted', 'active']) });
      expect(start.counts.active).toBeGreaterThanOrEqual(1);
    });
  },
  { setup: async ({ database, config }) => void (await seedDemo(database.db, { clients: 20, pseudonymKey: config.pseudonymKey })) },
);
