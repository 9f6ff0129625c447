import { expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo/demo-accounts.ts';
import { seedDemo } from '../demo/demo-seed.ts';
import { describeEachDatabase, login } from '../../test/test-app.ts';
import { nextBsn, registerClient } from '../../test/fixtures.ts';
import { todayIso } from '../../../shared/dates.ts';

describeEachDatabase(
  'client registration and editing',
  (t) => {
    const db = () => t().database.db;
    const coach = () => login(t().app, DEMO_ACCOUNTS.coach.email, DEMO_PASSWORD);
    const municipalityId = async () => (await db().selectFrom('municipalities').select('id').orderBy('cbs_code').executeTakeFirstOrThrow()).id;

    it('registers a client into the coach caseload with a number, an ETag, a timeline entry and a log record', async () => {
      const s = await coach();
      const m = await municipalityId();
      const bsn = nextBsn();
      const res = await s.send('POST', '/api/clients', {
        bsn, firstName: 'Aisha', lastName: 'Bakkal', dateOfBirth: '1990-02-03', municipalityId: m, postcode: '4001ab', phone: '0612345678',
        targetGroups: ['statushouder', 'statushouder'], route: 'vrijwilliger', benefitType: 'bijstand', benefitStartDate: '2025-01-01',
      });
      expect(res.statusCode).toBe(201);
      const body = res.json();
      expect(body).toMatchObject({
        bsn, firstName: 'Aisha', route: 'vrijwilliger', targetGroups: ['statushouder'], version: 1,
        address: { postcode: '4001 AB' }, coach: { displayName: DEMO_ACCOUNTS.coach.displayName }, policies: { update: true, measureLadder: true },
        ladder: { step: null, overdue: true }, annualConversation: { required: true, overdue: true },
      });
      expect(body.clientNumber).toMatch(/^C\d+$/);
      expect(res.headers.etag).toBe('"1"');
      const events = await db().selectFrom('timeline_events').select('kind').where('client_id', '=', body.id).execute();
      expect(events.map((e) => e.kind)).toEqual(['client.registered']);
      const history = await s.get(`/api/clients/${body.id}/route-history`);
      expect(history.json().items).toMatchObject([{ previousRoute: null, route: 'vrijwilliger', reason: 'Registratie' }]);
      const log = await db().selectFrom('processing_log').select('operation').where('operation', '=', 'clients.register').execute();
      expect(log.length).toBeGreaterThan(0);
    });

    it('refuses an invalid BSN, a BSN already registered, and warns about the same name and birth date', async () => {
      const s = await coach();
      const m = await municipalityId();
      const bad = await s.send('POST', '/api/clients', { bsn: '123456789', firstName: 'A', lastName: 'B', dateOfBirth: '1990-01-01', municipalityId: m });
      expect(bad.statusCode).toBe(422);
      expect(bad.json().errors[0].path).toBe('body.bsn');
      const { client } = await registerClient(s, m, { firstName: 'Jan', lastName: 'Dubbel', dateOfBirth: '1970-07-07' });
      const sameBsn = await s.send('POST', '/api/clients', { bsn: client.bsn, firstName: 'X', lastName: 'Y', dateOfBirth: '1990-01-01', municipalityId: m });
      expect(sameBsn.statusCode).toBe(409);
      expect(sameBsn.json().code).toBe('bsn_taken');
      const twin = { bsn: nextBsn(), firstName: 'jan', lastName: 'DUBBEL', dateOfBirth: '1970-07-07', municipalityId: m };
      const warned = await s.send('POST', '/api/clients', twin);
      expect(warned.statusCode).toBe(409);
      expect(warned.json()).toMatchObject({ code: 'possible_duplicate', duplicates: 1 });
      expect((await s.send('POST', '/api/clients', { ...twin, confirmDuplicate: true })).statusCode).toBe(201);
    });

    it('refuses fields a role may not set (mass assignment) and unknown municipalities', async () => {
      const s = await coach();
      const m = await municipalityId();
      const otherCoach = await db().selectFrom('users').select('id').where('email', '=', 'coach2@meedoen.demo').executeTakeFirstOrThrow();
      const assign = await s.send('POST', '/api/clients', { bsn: nextBsn(), firstName: 'A', lastName: 'B', dateOfBirth: '1990-01-01', municipalityId: m, coachId: otherCoach.id });
      expect(assign.json().code).toBe('field_not_allowed');
      const { client, etag } = await registerClient(s, m);
      for (const body of [{ bsn: nextBsn() }, { coachId: otherCoach.id }, { version: 9 }, { organisationId: m }, { route: 'werknemer' }]) {
        const res = await s.send('PATCH', `/api/clients/${client.id}`, body, { 'if-match': etag });
        expect({ body, status: res.statusCode }).toEqual({ body, status: 422 });
      }
      const unknown = await s.send('PATCH', `/api/clients/${client.id}`, { municipalityId: '00000000-0000-4000-8000-000000000000' }, { 'if-match': etag });
      expect(unknown.json().code).toBe('unknown_reference');
      const after = await s.get(`/api/clients/${client.id}`);
      expect(after.json().version).toBe(1);
    });

    it('requires If-Match, answers a stale write with 412 and the current state, and bumps the version', async () => {
      const s = await coach();
      const { client, etag } = await registerClient(s, await municipalityId());
      const none = await s.send('PATCH', `/api/clients/${client.id}`, { phone: '0611111111' });
      expect(none.statusCode).toBe(428);
      const first = await s.send('PATCH', `/api/clients/${client.id}`, { phone: '0611111111', city: 'Lingestad' }, { 'if-match': etag });
      expect(first.statusCode).toBe(200);
      expect(first.headers.etag).toBe('"2"');
      expect(first.json()).toMatchObject({ phone: '0611111111', address: { city: 'Lingestad' }, version: 2 });
      const stale = await s.send('PATCH', `/api/clients/${client.id}`, { phone: '0622222222' }, { 'if-match': etag });
      expect(stale.statusCode).toBe(412);
      expect(stale.json()).toMatchObject({ code: 'precondition_failed', current: { phone: '0611111111', version: 2 } });
      const reread = await s.get(`/api/clients/${client.id}`);
      expect(reread.json().phone).toBe('0611111111');
      const cleared = await s.send('PATCH', `/api/clients/${client.id}`, { phone: null, email: '' }, { 'if-match': '"2"' });
      expect(cleared.json()).toMatchObject({ phone: null, email: null, version: 3 });
    });

    it('changes the route with a reason and keeps the history; the same route again is refused', async () => {
      const s = await coach();
      const { client, etag } = await registerClient(s, await municipalityId(), { route: 'vrijwilliger' });
      const noReason = await s.send('PUT', `/api/clients/${client.id}/route`, { route: 'werknemer' }, { 'if-match': etag });
      expect(noReason.statusCode).toBe(422);
      const changed = await s.send('PUT', `/api/clients/${client.id}/route`, { route: 'werknemer', reason: 'Klaar voor betaald werk' }, { 'if-match': etag });
      expect(changed.statusCode).toBe(200);
      expect(changed.json().route).toBe('werknemer');
      const same = await s.send('PUT', `/api/clients/${client.id}/route`, { route: 'werknemer', reason: 'nogmaals' }, { 'if-match': String(changed.headers.etag) });
      expect(same.json().code).toBe('invalid_transition');
      const history = (await s.get(`/api/clients/${client.id}/route-history`)).json().items;
      expect(history).toMatchObject([
        { previousRoute: 'vrijwilliger', route: 'werknemer', reason: 'Klaar voor betaald werk', changedBy: { displayName: DEMO_ACCOUNTS.coach.displayName } },
        { previousRoute: null, route: 'vrijwilliger' },
      ]);
    });

    it('lets a team lead register for a coach of the team, not for a coach elsewhere', async () => {
      const lead = await login(t().app, DEMO_ACCOUNTS.team_lead.email, DEMO_PASSWORD);
      const m = await municipalityId();
      const own = await db().selectFrom('users').select('id').where('email', '=', DEMO_ACCOUNTS.coach.email).executeTakeFirstOrThrow();
      const elsewhere = await db().selectFrom('users').select('id').where('email', '=', 'coach2@meedoen.demo').executeTakeFirstOrThrow();
      const ok = await lead.send('POST', '/api/clients', { bsn: nextBsn(), firstName: 'T', lastName: 'L', dateOfBirth: '1980-01-01', municipalityId: m, coachId: own.id });
      expect(ok.statusCode).toBe(201);
      expect(ok.json().coach.id).toBe(own.id);
      const no = await lead.send('POST', '/api/clients', { bsn: nextBsn(), firstName: 'T', lastName: 'L', dateOfBirth: '1980-01-01', municipalityId: m, coachId: elsewhere.id });
      expect(no.json().code).toBe('not_in_team');
    });

    it('records a move with its date: not in the future, not before the current municipality, today when left out', async () => {
      const s = await coach();
      const [a, b] = (await db().selectFrom('municipalities').select('id').orderBy('cbs_code').execute()).map((m) => m.id);
      const { client, etag } = await registerClient(s, a!, { benefitStartDate: '2024-03-01' });
      const move = (body: Record<string, unknown>, version: string) => s.send('PATCH', `/api/clients/${client.id}`, body, { 'if-match': version });
      const history = async () =>
        (await db().selectFrom('client_municipality_history').select(['municipality_id', 'from_on']).where('client_id', '=', client.id).orderBy('from_on').orderBy('id').execute()).map((h) => [h.municipality_id, h.from_on]);

      const future = await move({ municipalityId: b, movedOn: '2999-01-01' }, etag);
      expect(future.statusCode).toBe(422);
      expect(future.json()).toMatchObject({ code: 'validation_failed', field: 'movedOn' });
      // The client lives in the first municipality since the benefit started: a move cannot lie before that.
      const early = await move({ municipalityId: b, movedOn: '2024-02-29' }, etag);
      expect(early.statusCode).toBe(422);
      expect(early.json()).toMatchObject({ field: 'movedOn', notBefore: '2024-03-01' });
      expect(await history()).toEqual([[a, '2024-03-01']]);

      const moved = await move({ municipalityId: b, movedOn: '2024-03-01' }, etag);
      expect(moved.statusCode).toBe(200);
      expect(moved.json().municipality.id).toBe(b);
      // Back again without a date: the move counts from today.
      const back = await move({ municipalityId: a }, String(moved.headers.etag));
      expect(back.statusCode).toBe(200);
      expect(await history()).toEqual([[a, '2024-03-01'], [b, '2024-03-01'], [a, todayIso()]]);
    });

    it('keeps providers, partners, policy officers and clients away from writing and from the desk sections', async () => {
      const s = await coach();
      const { client, etag } = await registerClient(s, await municipalityId());
      for (const role of ['provider_coach', 'partner', 'policy_officer', 'administrator', 'client'] as const) {
        const other = await login(t().app, DEMO_ACCOUNTS[role].email, DEMO_PASSWORD);
        expect((await other.send('PATCH', `/api/clients/${client.id}`, { phone: '0600000000' }, { 'if-match': etag })).statusCode).toBe(403);
        expect((await other.send('POST', '/api/clients', { bsn: nextBsn(), firstName: 'A', lastName: 'B', dateOfBirth: '1990-01-01', municipalityId: client.municipality.id })).statusCode).toBe(403);
        for (const section of ['timeline', 'contacts', 'signals', 'route-history']) {
          expect({ role, section, status: (await other.get(`/api/clients/${client.id}/${section}`)).statusCode }).toEqual({ role, section, status: 403 });
        }
      }
      const outsider = await login(t().app, 'coach2@meedoen.demo', DEMO_PASSWORD);
      expect((await outsider.send('PATCH', `/api/clients/${client.id}`, { phone: '0600000000' }, { 'if-match': etag })).statusCode).toBe(404);
      expect((await outsider.get(`/api/clients/${client.id}/timeline`)).statusCode).toBe(404);
    });
  },
  { setup: async ({ database, config }) => void (await seedDemo(database.db, { clients: 16, pseudonymKey: config.pseudonymKey })) },
);
