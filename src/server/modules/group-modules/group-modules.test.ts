import { expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../demo/demo-accounts.ts';
import { seedDemo } from '../demo/demo-seed.ts';
import { describeEachDatabase } from '../../test/test-app.ts';
import { addProviderCoach, groupModuleHelpers, referDirectly } from './group-modules.fixtures.ts';

describeEachDatabase(
  'group modules: modules, cohorts, the provider boundary, privacy and attendance',
  (t) => {
    const h = groupModuleHelpers(t);

    it('an administrator adds modules; cohorts are planned by whoever runs the module', async () => {
      const admin = await h.as(DEMO_ACCOUNTS.administrator.email);
      const { own } = await h.providers();
      const created = await admin.send('POST', '/api/modules', { name: `Omgaan met stress ${t().kind}`, description: 'Acht bijeenkomsten', providerId: own });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({ provider: { id: own }, active: true, upcomingCohorts: 0, policies: { update: true, planCohort: true } });
      expect((await admin.send('POST', '/api/modules', { name: `omgaan MET stress ${t().kind}`, providerId: own })).json().code).toBe('conflict');
      const partner = await h.db().selectFrom('external_organisations').select('id').where('kind', '=', 'partner').executeTakeFirstOrThrow();
      expect((await admin.send('POST', '/api/modules', { name: 'Bij een partner', providerId: partner.id })).json().code).toBe('unknown_reference');
      const coach = await h.as(DEMO_ACCOUNTS.coach.email);
      expect((await coach.send('POST', '/api/modules', { name: 'Mag niet' })).statusCode).toBe(403);

      const moduleId = created.json().id;
      const lead = await h.as(DEMO_ACCOUNTS.team_lead.email);
      const cohort = { label: 'Voorjaar', startsOn: '2027-03-01', endsOn: '2027-05-01', capacity: 8, location: 'Wijkcentrum' };
      // A team lead runs the service's own modules, not a provider's; the provider coach runs its own.
      expect((await lead.send('POST', `/api/modules/${moduleId}/cohorts`, cohort)).statusCode).toBe(403);
      const provider = await h.as(DEMO_ACCOUNTS.provider_coach.email);
      expect((await provider.send('POST', `/api/modules/${moduleId}/cohorts`, { ...cohort, endsOn: '2027-01-01' })).json().code).toBe('validation_failed');
      const planned = await provider.send('POST', `/api/modules/${moduleId}/cohorts`, cohort);
      expect(planned.statusCode).toBe(201);
      expect(planned.headers.etag).toBe('"1"');
      expect(planned.json()).toMatchObject({ moduleName: `Omgaan met stress ${t().kind}`, status: 'gepland', counts: { placed: 0, free: 8 }, policies: { update: true, manage: true, enrol: true } });
      const session = await provider.send('POST', `/api/cohorts/${planned.json().id}/sessions`, { startsAt: '2027-03-01T09:00:00Z', endsAt: '2027-03-01T11:00:00Z', topic: 'Kennismaking' });
      expect(session.statusCode).toBe(201);
      expect(session.json()).toMatchObject({ topic: 'Kennismaking', attendance: { aanwezig: 0, afgemeld: 0, afwezig: 0 } });
      const changed = await provider.send('PATCH', `/api/cohorts/${planned.json().id}`, { location: 'Bibliotheek' }, { 'if-match': '"1"' });
      expect(changed.json()).toMatchObject({ location: 'Bibliotheek', version: 2 });

      const listed = (await coach.get('/api/modules')).json().items.find((m: { id: string }) => m.id === moduleId);
      expect(listed).toMatchObject({ upcomingCohorts: 1, policies: { update: false, planCohort: false } });
      expect((await coach.get(`/api/modules/${moduleId}/cohorts`)).json().items).toHaveLength(1);

      // A change names the version it started from (If-Match), like every other update.
      expect(created.headers.etag).toBe('"1"');
      const unconditional = await admin.send('PATCH', `/api/modules/${moduleId}`, { active: false });
      expect(unconditional.statusCode).toBe(428);
      expect(unconditional.headers['content-type']).toContain('application/problem+json');
      const renamed = await admin.send('PATCH', `/api/modules/${moduleId}`, { description: 'Zes bijeenkomsten' }, { 'if-match': '"1"' });
      expect(renamed.headers.etag).toBe('"2"');
      expect(renamed.json()).toMatchObject({ description: 'Zes bijeenkomsten', version: 2 });
      const stale = await admin.send('PATCH', `/api/modules/${moduleId}`, { active: false }, { 'if-match': '"1"' });
      expect(stale.statusCode).toBe(412);
      expect(stale.headers['content-type']).toContain('application/problem+json');
      const deactivated = await admin.send('PATCH', `/api/modules/${moduleId}`, { active: false }, { 'if-match': '"2"' });
      expect(deactivated.json()).toMatchObject({ active: false, version: 3, policies: { planCohort: false } });
      expect((await provider.send('POST', `/api/modules/${moduleId}/cohorts`, cohort)).json().code).toBe('closed_to_changes');
    });

    it('a provider coach reaches only their own organisation’s modules and cohorts', async () => {
      const { own, other } = await h.providers();
      const mine = await h.moduleWithCohort({ providerId: own, capacity: 4 });
      const theirs = await h.moduleWithCohort({ providerId: other, capacity: 4 });
      const service = await h.moduleWithCohort({ providerId: null, capacity: 4 });
      const provider = await h.as(DEMO_ACCOUNTS.provider_coach.email);

      const modules = (await provider.get('/api/modules')).json().items;
      expect(modules.every((m: { provider: { id: string } | null }) => m.provider?.id === own)).toBe(true);
      expect(modules.map((m: { id: string }) => m.id)).toContain(mine.module.id);
      for (const foreign of [theirs, service]) {
        expect((await provider.get(`/api/modules/${foreign.module.id}/cohorts`)).statusCode).toBe(404);
        expect((await provider.get(`/api/cohorts/${foreign.cohort.id}`)).statusCode).toBe(404);
        expect((await provider.send('PATCH', `/api/cohorts/${foreign.cohort.id}`, { capacity: 9 }, { 'if-match': '"1"' })).statusCode).toBe(404);
        expect((await provider.send('POST', `/api/cohorts/${foreign.cohort.id}/sessions`, { startsAt: '2027-03-01T09:00:00Z' })).statusCode).toBe(404);
        expect((await provider.send('POST', `/api/modules/${foreign.module.id}/cohorts`, { label: 'x', startsOn: '2027-03-01', capacity: 3 })).statusCode).toBe(404);
        expect((await provider.send('POST', `/api/cohorts/${foreign.cohort.id}/start`, {})).statusCode).toBe(404);
      }
      expect((await provider.get(`/api/cohorts/${mine.cohort.id}`)).statusCode).toBe(200);

      // Another provider's coach gets 404 for the first provider's enrolments, sessions and clients.
      await addProviderCoach(h.db(), other, `tweede-aanbieder-${t().kind}@meedoen.demo`);
      const second = await h.as(`tweede-aanbieder-${t().kind}@meedoen.demo`);
      const coach = await h.as(DEMO_ACCOUNTS.coach.email);
      const [client] = await h.clientsOf(coach, 1);
      await referDirectly(h.db(), { clientId: client!.id, providerId: own });
      const enrolment = (await provider.send('POST', `/api/cohorts/${mine.cohort.id}/enrolments`, { clientId: client!.id })).json();
      const session = (await provider.send('POST', `/api/cohorts/${mine.cohort.id}/sessions`, { startsAt: '2027-03-01T09:00:00Z' })).json();
      expect((await second.get(`/api/cohorts/${mine.cohort.id}`)).statusCode).toBe(404);
      expect((await second.send('POST', `/api/enrolments/${enrolment.enrolmentId}/leave`, { reason: 'weg' })).statusCode).toBe(404);
      expect((await second.get(`/api/sessions/${session.id}/attendance`)).statusCode).toBe(404);
      expect((await second.get(`/api/clients/${client!.id}/enrolments`)).statusCode).toBe(404);
      expect((await second.send('POST', `/api/cohorts/${theirs.cohort.id}/enrolments`, { clientId: client!.id })).statusCode).toBe(404);
      // The first provider sees its own enrolment in the client's modules, not the service's.
      const staffSide = await coach.send('POST', `/api/cohorts/${service.cohort.id}/enrolments`, { clientId: client!.id });
      expect(staffSide.statusCode).toBe(201);
      expect((await provider.get(`/api/clients/${client!.id}/enrolments`)).json().items.map((i: { cohortId: string }) => i.cohortId)).toEqual([mine.cohort.id]);
      expect((await coach.get(`/api/clients/${client!.id}/enrolments`)).json().items).toHaveLength(2);
    });

    it('the cohort overview names only clients in the caller’s scope, and logs only those', async () => {
      const { cohort } = await h.moduleWithCohort({ capacity: 5 });
      const coach = await h.as(DEMO_ACCOUNTS.coach.email);
      const colleague = await h.as('coach2@meedoen.demo');
      const [mine] = await h.clientsOf(coach, 1);
      const [theirs] = await h.clientsOf(colleague, 1);
      // coach2 works in another team: the coach cannot even enrol that client.
      expect((await coach.send('POST', `/api/cohorts/${cohort.id}/enrolments`, { clientId: theirs!.id })).statusCode).toBe(404);
      await coach.send('POST', `/api/cohorts/${cohort.id}/enrolments`, { clientId: mine!.id });
      await colleague.send('POST', `/api/cohorts/${cohort.id}/enrolments`, { clientId: theirs!.id });

      const res = await coach.get(`/api/cohorts/${cohort.id}`);
      expect(res.statusCode).toBe(200);
      const o = res.json();
      expect(o.counts.placed).toBe(2);
      const named = o.participants.filter((p: { client: unknown }) => p.client);
      expect(named).toEqual([expect.objectContaining({ client: { id: mine!.id, name: `${mine!.firstName} ${mine!.lastName}`, clientNumber: expect.any(String) } })]);
      const other = o.participants.find((p: { client: unknown }) => p.client === null);
      expect(other.policies).toEqual({ leave: false, complete: false, prioritise: false, select: false });
      expect(res.body).not.toContain(theirs!.lastName);
      expect((await coach.send('POST', `/api/enrolments/${other.enrolmentId}/leave`, { reason: 'weg' })).statusCode).toBe(404);

      const pseudonyms = await h.db().selectFrom('clients').select(['id', 'bsn_pseudonym']).where('id', 'in', [mine!.id, theirs!.id]).execute();
      const coachUser = await h.db().selectFrom('users').select('id').where('email', '=', DEMO_ACCOUNTS.coach.email).executeTakeFirstOrThrow();
      const logged = await h.db().selectFrom('processing_log').select('data_subject_id').where('operation', '=', 'cohorts.read').where('user_id', '=', coachUser.id).execute();
      const subjects = new Set(logged.map((l) => l.data_subject_id));
      expect(subjects.has(pseudonyms.find((p) => p.id === mine!.id)!.bsn_pseudonym)).toBe(true);
      expect(subjects.has(pseudonyms.find((p) => p.id === theirs!.id)!.bsn_pseudonym)).toBe(false);

      // An administrator runs the module but sees no client at all.
      const admin = (await (await h.as(DEMO_ACCOUNTS.administrator.email)).get(`/api/cohorts/${cohort.id}`)).json();
      expect(admin.participants.map((p: { client: unknown }) => p.client)).toEqual([null, null]);
    });

    it('records attendance per session and derives the attendance rate', async () => {
      const lead = await h.as(DEMO_ACCOUNTS.team_lead.email);
      const coach = await h.as(DEMO_ACCOUNTS.coach.email);
      const { cohort } = await h.moduleWithCohort({ capacity: 2, planner: lead });
      const [a, b, c] = await h.clientsOf(coach, 3);
      const ids = [];
      for (const client of [a, b, c]) ids.push((await coach.send('POST', `/api/cohorts/${cohort.id}/enrolments`, { clientId: client!.id })).json().enrolmentId);
      const [ea, eb, ec] = ids;
      const s1 = (await lead.send('POST', `/api/cohorts/${cohort.id}/sessions`, { startsAt: '2027-03-01T09:00:00+01:00', topic: 'Week 1' })).json();
      const s2 = (await lead.send('POST', `/api/cohorts/${cohort.id}/sessions`, { startsAt: '2027-03-08T09:00:00+01:00', topic: 'Week 2' })).json();

      const before = (await coach.get(`/api/sessions/${s1.id}/attendance`)).json().items;
      expect(before.map((i: { enrolmentId: string; status: null }) => [i.enrolmentId, i.status]).sort()).toEqual([[ea, null], [eb, null]].sort());
      // The waiting client is not a participant yet.
      const waiting = await coach.send('PUT', `/api/sessions/${s1.id}/attendance`, { items: [{ enrolmentId: ec, status: 'aanwezig' }] });
      expect(waiting.json()).toMatchObject({ code: 'unknown_reference', field: 'items.0.enrolmentId' });

      const first = await coach.send('PUT', `/api/sessions/${s1.id}/attendance`, { items: [{ enrolmentId: ea, status: 'aanwezig' }, { enrolmentId: eb, status: 'afgemeld', note: 'Ziek' }] });
      expect(first.statusCode).toBe(200);
      expect(first.json().items.find((i: { enrolmentId: string }) => i.enrolmentId === eb)).toMatchObject({ status: 'afgemeld', note: 'Ziek', client: { id: b!.id } });
      await coach.send('PUT', `/api/sessions/${s2.id}/attendance`, { items: [{ enrolmentId: ea, status: 'afwezig' }, { enrolmentId: eb, status: 'aanwezig' }] });
      // A correction overwrites.
      await coach.send('PUT', `/api/sessions/${s2.id}/attendance`, { items: [{ enrolmentId: ea, status: 'aanwezig' }] });

      const o = (await coach.get(`/api/cohorts/${cohort.id}`)).json();
      expect(o.sessions.map((s: { topic: string; attendance: object }) => [s.topic, s.attendance])).toEqual([
        ['Week 1', { aanwezig: 1, afgemeld: 1, afwezig: 0 }],
        ['Week 2', { aanwezig: 2, afgemeld: 0, afwezig: 0 }],
      ]);
      const rate = (enrolmentId: string) => o.participants.find((p: { enrolmentId: string }) => p.enrolmentId === enrolmentId).attendanceRate;
      expect(rate(ea)).toBe(1);
      expect(rate(eb)).toBe(0.5);
      expect((await coach.get(`/api/clients/${b!.id}/enrolments`)).json().items[0].attendanceRate).toBe(0.5);

      // A provider coach keeps no attendance of the service's own modules.
      const provider = await h.as(DEMO_ACCOUNTS.provider_coach.email);
      expect((await provider.get(`/api/sessions/${s1.id}/attendance`)).statusCode).toBe(404);
      const policy = await h.as(DEMO_ACCOUNTS.policy_officer.email);
      expect((await policy.get(`/api/sessions/${s1.id}/attendance`)).statusCode).toBe(403);
      expect((await policy.get(`/api/cohorts/${cohort.id}`)).statusCode).toBe(403);
    });

    it('a provider coach records attendance of their own cohort’s referred participants', async () => {
      const { own } = await h.providers();
      const provider = await h.as(DEMO_ACCOUNTS.provider_coach.email);
      const coach = await h.as(DEMO_ACCOUNTS.coach.email);
      const { cohort } = await h.moduleWithCohort({ providerId: own, capacity: 3, planner: provider });
      const [a] = await h.clientsOf(coach, 1);
      await referDirectly(h.db(), { clientId: a!.id, providerId: own });
      const enrolment = (await provider.send('POST', `/api/cohorts/${cohort.id}/enrolments`, { clientId: a!.id })).json();
      const session = (await provider.send('POST', `/api/cohorts/${cohort.id}/sessions`, { startsAt: '2027-03-01T09:00:00Z' })).json();
      const res = await provider.send('PUT', `/api/sessions/${session.id}/attendance`, { items: [{ enrolmentId: enrolment.enrolmentId, status: 'aanwezig' }] });
      expect(res.statusCode).toBe(200);
      expect(res.json().items).toEqual([{ enrolmentId: enrolment.enrolmentId, client: expect.objectContaining({ id: a!.id }), status: 'aanwezig', note: null }]);
      // The coach (not the provider's staff) does not keep the provider's attendance.
      expect((await coach.send('PUT', `/api/sessions/${session.id}/attendance`, { items: [{ enrolmentId: enrolment.enrolmentId, status: 'afwezig' }] })).statusCode).toBe(403);
      const completed = await provider.send('POST', `/api/enrolments/${enrolment.enrolmentId}/complete`, {});
      expect(completed.json().status).toBe('completed');
      const timeline = (await coach.get(`/api/clients/${a!.id}/timeline`)).json().items.map((e: { kind: string }) => e.kind);
      expect(timeline.slice(0, 2)).toEqual(['module.completed', 'module.placed']);
    });
  },
  { setup: async ({ database, config }) => void (await seedDemo(database.db, { clients: 12, pseudonymKey: config.pseudonymKey })) },
);
