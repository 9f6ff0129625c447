import { expect, it } from 'vitest';
import { todayIso } from '../../../shared/dates.ts';
import { DEMO_ACCOUNTS } from '../demo/demo-accounts.ts';
import { seedDemo } from '../demo/demo-seed.ts';
import { describeEachDatabase, type Session } from '../../test/test-app.ts';
import { workFixtures } from './work.fixtures.ts';

/**
 * Who reaches a client's placements, work profile, beschut werk applications, school record and
 * tegenprestatie: the coach and team lead on the dossier; the client reads their own; another
 * team's coach gets 404; providers, partners and policy officers get nothing at all.
 */
describeEachDatabase(
  'placements and the work record: access per role',
  (t) => {
    const f = workFixtures(t);
    const today = todayIso();
    const reads = (id: string) => [`/api/clients/${id}/placements`, `/api/clients/${id}/work-profile`, `/api/clients/${id}/beschut-werk`, `/api/clients/${id}/school-record`, `/api/clients/${id}/tegenprestatie`];
    const writes = (id: string): [method: 'POST' | 'PUT', url: string, body: unknown][] => [
      ['POST', `/api/clients/${id}/placements`, { kind: 'vrijwilligerswerk', startsOn: today }],
      ['PUT', `/api/clients/${id}/work-profile`, { doelgroepregister: false, wswHistory: false }],
      ['POST', `/api/clients/${id}/beschut-werk`, { requestedOn: today }],
      ['POST', `/api/clients/${id}/tegenprestatie`, { decision: 'niet_opgelegd', legalGround: 'Participatiewet art. 9', decidedOn: today }],
    ];
    const statuses = async (s: Session, urls: string[]) => Promise.all(urls.map(async (u) => (await s.get(u)).statusCode));

    /** The demo client's own record (the first client of the demo coach), with one placement. */
    async function ownClient() {
      const db = t().database.db;
      const user = await db.selectFrom('users').select('client_id').where('email', '=', DEMO_ACCOUNTS.client.email).executeTakeFirstOrThrow();
      return user.client_id!;
    }

    it('the coach and the team lead of the dossier read and write everything', async () => {
      const coach = await f.coach();
      const client = await f.newClient(coach);
      expect(await statuses(coach, reads(client.id))).toEqual([200, 200, 200, 200, 200]);
      const lead = await f.as(DEMO_ACCOUNTS.team_lead.email);
      expect(await statuses(lead, reads(client.id))).toEqual([200, 200, 200, 200, 200]);
      for (const [method, url, body] of writes(client.id)) {
        const res = await lead.send(method, url, body, method === 'PUT' ? { 'if-match': '"0"' } : {});
        expect(res.statusCode, url).toBeLessThan(300);
      }
    });

    it("another team's coach gets 404 for the client, and cannot touch the client's placement", async () => {
      const coach = await f.coach();
      const client = await f.newClient(coach);
      const placement = (await coach.send('POST', `/api/clients/${client.id}/placements`, { kind: 'mantelzorg', startsOn: today })).json();
      const outsider = await f.as('coach2@meedoen.demo');
      expect(await statuses(outsider, reads(client.id))).toEqual([404, 404, 404, 404, 404]);
      for (const [method, url, body] of writes(client.id)) expect((await outsider.send(method, url, body, { 'if-match': '"0"' })).statusCode, url).toBe(404);
      expect((await outsider.send('PATCH', `/api/placements/${placement.id}`, { hoursPerWeek: 4 }, { 'if-match': '"1"' })).statusCode).toBe(404);
      expect((await outsider.send('POST', `/api/placements/${placement.id}/end`, { endedOn: today, outcome: 'afgerond' }, { 'if-match': '"1"' })).statusCode).toBe(404);
    });

    it('providers, partners and policy officers get nothing, even for a client referred to them', async () => {
      const db = t().database.db;
      for (const role of ['provider_coach', 'partner', 'policy_officer'] as const) {
        const user = await db.selectFrom('users').select(['external_organisation_id']).where('email', '=', DEMO_ACCOUNTS[role].email).executeTakeFirstOrThrow();
        const referred = user.external_organisation_id
          ? await db.selectFrom('referrals').select('client_id').where('external_organisation_id', '=', user.external_organisation_id).where('status', 'in', ['requested', 'accepted', 'active']).executeTakeFirst()
          : undefined;
        const clientId = referred?.client_id ?? (await ownClient());
        const s = await f.as(DEMO_ACCOUNTS[role].email);
        expect(await statuses(s, reads(clientId)), role).toEqual([403, 403, 403, 403, 403]);
        for (const [method, url, body] of writes(clientId)) expect((await s.send(method, url, body, { 'if-match': '"0"' })).statusCode, `${role} ${url}`).toBe(403);
        expect((await s.get('/api/youth/back-in-education')).statusCode, role).toBe(403);
      }
    });

    it('a client reads only their own placements and record, and changes nothing', async () => {
      const coach = await f.coach();
      const own = await ownClient();
      await coach.send('POST', `/api/clients/${own}/placements`, { kind: 'vrijwilligerswerk', startsOn: today, activity: 'Voorlezen in de bibliotheek' });
      const me = await f.as(DEMO_ACCOUNTS.client.email);
      const mine = await me.get(`/api/clients/${own}/placements`);
      expect(mine.statusCode).toBe(200);
      expect(mine.json().policies.create).toBe(false);
      expect(mine.json().items[0]).toMatchObject({ activity: 'Voorlezen in de bibliotheek', policies: { update: false, end: false } });
      expect(await statuses(me, reads(own))).toEqual([200, 200, 200, 200, 200]);
      for (const [method, url, body] of writes(own)) expect((await me.send(method, url, body, { 'if-match': '"0"' })).statusCode, url).toBe(403);
      const other = await f.newClient(coach);
      expect(await statuses(me, reads(other.id))).toEqual([404, 404, 404, 404, 404]);
    });
  },
  { setup: async ({ database, config }) => void (await seedDemo(database.db, { clients: 24, pseudonymKey: config.pseudonymKey })) },
);
