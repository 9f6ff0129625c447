import { expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../demo/demo-accounts.ts';
import { seedDemo } from '../demo/demo-seed.ts';
import { describeEachDatabase } from '../../test/test-app.ts';
import { groupModuleHelpers, referDirectly } from './group-modules.fixtures.ts';

type Overview = {
  version: number;
  counts: Record<string, number>;
  participants: { enrolmentId: string; status: string; client: { id: string } | null }[];
  waitingList: { enrolmentId: string; position: number; priority: boolean; client: { id: string } | null }[];
  candidates: { enrolmentId: string; status: string; intakeNote: string | null; endReason: string | null; client: { id: string } | null }[];
};

describeEachDatabase(
  'group modules: capacity, waiting list and collective start',
  (t) => {
    const h = groupModuleHelpers(t);
    const overview = async (cohortId: string): Promise<Overview> => (await (await h.as(DEMO_ACCOUNTS.coach.email)).get(`/api/cohorts/${cohortId}`)).json();

    it('places clients up to the capacity, then keeps a waiting list: prioritised first, then first come, first served', async () => {
      const coach = await h.as(DEMO_ACCOUNTS.coach.email);
      const { cohort } = await h.moduleWithCohort({ capacity: 2 });
      const [a, b, c, d, e] = await h.clientsOf(coach, 5);
      const enrol = (clientId: string, priority?: boolean) => coach.send('POST', `/api/cohorts/${cohort.id}/enrolments`, { clientId, ...(priority ? { priority } : {}) });

      expect((await enrol(a!.id)).json()).toMatchObject({ status: 'placed', position: null });
      expect((await enrol(b!.id)).json()).toMatchObject({ status: 'placed' });
      const waitingC = await enrol(c!.id);
      expect(waitingC.statusCode).toBe(201);
      expect(waitingC.json()).toMatchObject({ status: 'waiting', position: 1 });
      expect((await enrol(d!.id)).json()).toMatchObject({ status: 'waiting', position: 2 });
      // Priority jumps the queue.
      expect((await enrol(e!.id, true)).json()).toMatchObject({ status: 'waiting', position: 1, priority: true });
      const again = await enrol(a!.id);
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('already_enrolled');

      let o = await overview(cohort.id);
      expect(o.counts).toEqual({ placed: 2, waiting: 3, invited: 0, selected: 0, free: 0 });
      expect(o.waitingList.map((w) => [w.client?.id, w.position])).toEqual([[e!.id, 1], [c!.id, 2], [d!.id, 3]]);

      // The coach gives d priority as well: prioritised clients among themselves go by request time, so d (earlier) goes before e.
      const dEnrolment = o.waitingList.find((w) => w.client?.id === d!.id)!;
      expect((await coach.send('POST', `/api/enrolments/${dEnrolment.enrolmentId}/priority`, { priority: true })).json()).toMatchObject({ position: 1, priority: true });
      o = await overview(cohort.id);
      expect(o.waitingList.map((w) => w.client?.id)).toEqual([d!.id, e!.id, c!.id]);

      // Leaving frees the seat: the first on the waiting list is placed at once, with a timeline event.
      const aEnrolment = o.participants.find((p) => p.client?.id === a!.id)!;
      const left = await coach.send('POST', `/api/enrolments/${aEnrolment.enrolmentId}/leave`, { reason: 'Verhuisd' });
      expect(left.statusCode).toBe(200);
      expect(left.json().status).toBe('left');
      o = await overview(cohort.id);
      expect(o.participants.map((p) => p.client?.id).sort()).toEqual([b!.id, d!.id].sort());
      const timeline = (await coach.get(`/api/clients/${d!.id}/timeline`)).json().items;
      expect(timeline[0]).toMatchObject({ kind: 'module.placed' });
      expect(timeline[0].summary).toMatch(/^Geplaatst in Testmodule .* vanaf de wachtlijst$/);

      // Completing frees the seat too.
      const bEnrolment = o.participants.find((p) => p.client?.id === b!.id)!;
      expect((await coach.send('POST', `/api/enrolments/${bEnrolment.enrolmentId}/complete`, {})).json().status).toBe('completed');
      o = await overview(cohort.id);
      expect(o.participants.filter((p) => p.status === 'placed').map((p) => p.client?.id).sort()).toEqual([d!.id, e!.id].sort());
      expect(o.waitingList.map((w) => [w.client?.id, w.position])).toEqual([[c!.id, 1]]);
      expect((await coach.send('POST', `/api/enrolments/${bEnrolment.enrolmentId}/complete`, {})).json().code).toBe('invalid_transition');

      // Raising the capacity places the waiting client; the edit needs If-Match.
      const lead = await h.as(DEMO_ACCOUNTS.team_lead.email);
      expect((await lead.send('PATCH', `/api/cohorts/${cohort.id}`, { capacity: 3 })).statusCode).toBe(428);
      expect((await lead.send('PATCH', `/api/cohorts/${cohort.id}`, { capacity: 3 }, { 'if-match': `"${o.version + 1}"` })).statusCode).toBe(412);
      const lower = await lead.send('PATCH', `/api/cohorts/${cohort.id}`, { capacity: 1 }, { 'if-match': `"${o.version}"` });
      expect(lower.json()).toMatchObject({ code: 'validation_failed' });
      const raised = await lead.send('PATCH', `/api/cohorts/${cohort.id}`, { capacity: 3 }, { 'if-match': `"${o.version}"` });
      expect(raised.statusCode).toBe(200);
      expect(raised.headers.etag).toBe(`"${o.version + 1}"`);
      expect(raised.json().counts).toMatchObject({ placed: 3, waiting: 0, free: 0 });
      // The coach (no cohorts:manage) cannot change a cohort.
      expect((await coach.send('PATCH', `/api/cohorts/${cohort.id}`, { capacity: 9 }, { 'if-match': `"${o.version + 1}"` })).statusCode).toBe(403);

      const mine = (await coach.get(`/api/clients/${c!.id}/enrolments`)).json().items;
      expect(mine).toEqual([expect.objectContaining({ cohortId: cohort.id, status: 'placed', position: null, attendanceRate: null })]);
      const log = await h.db().selectFrom('processing_log').select('operation').where('operation', 'like', 'enrolments.%').execute();
      expect(log.map((l) => l.operation)).toEqual(expect.arrayContaining(['enrolments.enrol', 'enrolments.leave', 'enrolments.place-from-waiting-list']));
    });

    it('a provider’s module needs an open referral to that provider', async () => {
      const coach = await h.as(DEMO_ACCOUNTS.coach.email);
      const { own } = await h.providers();
      const { cohort } = await h.moduleWithCohort({ providerId: own, capacity: 1 });
      const [a, b] = await h.clientsOf(coach, 2);
      const refused = await coach.send('POST', `/api/cohorts/${cohort.id}/enrolments`, { clientId: a!.id });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().code).toBe('not_referred');
      await referDirectly(h.db(), { clientId: a!.id, providerId: own, status: 'completed' });
      expect((await coach.send('POST', `/api/cohorts/${cohort.id}/enrolments`, { clientId: a!.id })).json().code).toBe('not_referred');
      const referralId = await referDirectly(h.db(), { clientId: a!.id, providerId: own });
      expect((await coach.send('POST', `/api/cohorts/${cohort.id}/enrolments`, { clientId: a!.id })).json()).toMatchObject({ status: 'placed' });
      const row = await h.db().selectFrom('enrolments').select('referral_id').where('cohort_id', '=', cohort.id).executeTakeFirstOrThrow();
      expect(row.referral_id).toBe(referralId);

      // The provider coach enrols a client referred to them; one without a referral is not theirs to find.
      await referDirectly(h.db(), { clientId: b!.id, providerId: own });
      const provider = await h.as(DEMO_ACCOUNTS.provider_coach.email);
      const [stranger] = await h.clientsOf(coach, 1);
      expect((await provider.send('POST', `/api/cohorts/${cohort.id}/enrolments`, { clientId: stranger!.id })).statusCode).toBe(404);
      expect((await provider.send('POST', `/api/cohorts/${cohort.id}/enrolments`, { clientId: b!.id })).json()).toMatchObject({ status: 'waiting', position: 1 });

      // When a's referral ends, a still holds the seat: the provider's seat count does not go down.
      await h.db().updateTable('referrals').set({ status: 'completed' }).where('client_id', '=', a!.id).execute();
      const seen = (await provider.get(`/api/cohorts/${cohort.id}`)).json();
      expect(seen.counts).toMatchObject({ placed: 1, waiting: 1, free: 0 });
      expect(seen.participants).toEqual([]);
      expect(seen.waitingList.map((w: { client: { id: string } }) => w.client.id)).toEqual([b!.id]);
    });

    it('starts a collective cohort: invite, select after intake, start the selected together, close the other invitations', async () => {
      const coach = await h.as(DEMO_ACCOUNTS.coach.email);
      const lead = await h.as(DEMO_ACCOUNTS.team_lead.email);
      const { cohort } = await h.moduleWithCohort({ capacity: 2, collective: true, planner: lead });
      const [a, b, c, d, e, late] = await h.clientsOf(coach, 6);
      // e is invited but the intake never gets an outcome.
      const invited = await coach.send('POST', `/api/cohorts/${cohort.id}/invitations`, { clientIds: [a!.id, b!.id, c!.id, d!.id, e!.id] });
      expect(invited.statusCode).toBe(201);
      expect(invited.json().items).toHaveLength(5);
      expect((await coach.send('POST', `/api/cohorts/${cohort.id}/invitations`, { clientIds: [a!.id] })).json().code).toBe('already_enrolled');
      // Before the start, a direct enrolment waits: the seats are for the selected group.
      expect((await coach.send('POST', `/api/cohorts/${cohort.id}/enrolments`, { clientId: late!.id })).json()).toMatchObject({ status: 'waiting' });

      const byClient = new Map(invited.json().items.map((i: { clientId: string; enrolmentId: string }) => [i.clientId, i.enrolmentId]));
      for (const [client, selected] of [[a, true], [b, true], [c, true], [d, false]] as const) {
        const res = await coach.send('POST', `/api/enrolments/${byClient.get(client!.id)}/selection`, { selected, intakeNote: selected ? 'Gemotiveerd' : 'Past nu niet' });
        expect(res.json().status).toBe(selected ? 'selected' : 'not_selected');
      }
      let o = await overview(cohort.id);
      expect(o.counts).toMatchObject({ placed: 0, waiting: 1, invited: 1, selected: 3, free: 2 });
      expect(o.candidates.find((x) => x.client?.id === d!.id)).toMatchObject({ status: 'not_selected', intakeNote: 'Past nu niet', endReason: null });

      expect((await coach.send('POST', `/api/cohorts/${cohort.id}/start`, {})).statusCode).toBe(403);
      const started = await lead.send('POST', `/api/cohorts/${cohort.id}/start`, {});
      expect(started.statusCode).toBe(200);
      expect(started.json()).toMatchObject({ status: 'lopend', counts: { placed: 2, waiting: 2, invited: 0, selected: 0, free: 0 } });
      o = await overview(cohort.id);
      expect(o.participants.map((p) => p.client?.id).sort()).toEqual([a!.id, b!.id].sort());
      // Nobody stays invited: the undecided invitee ends not selected with the reason, and both
      // not-selected invitations are closed in the start's transaction.
      const candidate = (id: string) => o.candidates.find((x) => x.client?.id === id);
      expect(o.candidates).toHaveLength(2);
      expect(candidate(d!.id)).toMatchObject({ status: 'not_selected', intakeNote: 'Past nu niet', endReason: null });
      expect(candidate(e!.id)).toMatchObject({ status: 'not_selected', intakeNote: null, endReason: 'Geen selectie vastgelegd vóór de start van de groep' });
      const closed = await h.db().selectFrom('enrolments').select(['client_id', 'status', 'ended_at']).where('cohort_id', '=', cohort.id).where('status', 'in', ['invited', 'not_selected']).execute();
      expect(closed.map((r) => [r.client_id, r.status, r.ended_at !== null]).sort()).toEqual([[d!.id, 'not_selected', true], [e!.id, 'not_selected', true]].sort());
      expect((await coach.get(`/api/clients/${e!.id}/enrolments`)).json().items[0].status).toBe('not_selected');
      const eTimeline = (await coach.get(`/api/clients/${e!.id}/timeline`)).json().items;
      expect(eTimeline[0]).toMatchObject({ kind: 'module.not_selected' });
      expect((await coach.get(`/api/clients/${d!.id}/timeline`)).json().items[0]).toMatchObject({ kind: 'module.not_started' });
      // The selected client beyond the capacity waits first: the invitation came before the direct enrolment.
      expect(o.waitingList.map((w) => w.client?.id)).toEqual([c!.id, late!.id]);
      expect((await lead.send('POST', `/api/cohorts/${cohort.id}/start`, {})).json().code).toBe('invalid_transition');
      expect((await coach.send('POST', `/api/enrolments/${byClient.get(d!.id)}/selection`, { selected: true })).statusCode).toBe(409);
      expect((await coach.send('POST', `/api/enrolments/${byClient.get(e!.id)}/selection`, { selected: true })).statusCode).toBe(409);
      const timeline = (await coach.get(`/api/clients/${a!.id}/timeline`)).json().items.map((x: { kind: string }) => x.kind);
      expect(timeline.slice(0, 3)).toEqual(['module.placed', 'module.selected', 'module.invited']);

      // Finishing the cohort completes the participants and ends the waiting list.
      const finished = await lead.send('PATCH', `/api/cohorts/${cohort.id}`, { status: 'afgerond' }, { 'if-match': `"${o.version}"` });
      expect(finished.json()).toMatchObject({ status: 'afgerond', counts: { placed: 0, waiting: 0 } });
      expect((await coach.get(`/api/clients/${a!.id}/enrolments`)).json().items[0].status).toBe('completed');
      expect((await coach.get(`/api/clients/${c!.id}/enrolments`)).json().items[0].status).toBe('left');
      expect((await coach.send('POST', `/api/cohorts/${cohort.id}/enrolments`, { clientId: d!.id })).json().code).toBe('closed_to_changes');
    });

    it('never places more clients than there are seats, however many enrol at once', async (test) => {
      // PGlite runs on one connection, so its transactions cannot overlap; the race exists only
      // with a pool of connections, as on PostgreSQL.
      if (t().kind !== 'postgres') test.skip();
      const coach = await h.as(DEMO_ACCOUNTS.coach.email);
      const { cohort } = await h.moduleWithCohort({ capacity: 3 });
      const clients = await h.clientsOf(coach, 10);
      const results = await Promise.all(clients.map((c) => coach.send('POST', `/api/cohorts/${cohort.id}/enrolments`, { clientId: c.id })));
      expect(results.map((r) => r.statusCode)).toEqual(Array(10).fill(201));
      const statuses = results.map((r) => r.json().status);
      expect(statuses.filter((s) => s === 'placed')).toHaveLength(3);
      expect(results.filter((r) => r.json().status === 'waiting').map((r) => r.json().position).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      const placed = await h.db().selectFrom('enrolments').select('id').where('cohort_id', '=', cohort.id).where('status', '=', 'placed').execute();
      expect(placed).toHaveLength(3);
    });
  },
  { setup: async ({ database, config }) => void (await seedDemo(database.db, { clients: 12, pseudonymKey: config.pseudonymKey })) },
);
