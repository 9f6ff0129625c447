import { expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo/demo-accounts.ts';
import { seedDemo } from '../demo/demo-seed.ts';
import { describeEachDatabase, login } from '../../test/test-app.ts';

describeEachDatabase(
  'appointments',
  (t) => {
    const db = () => t().database.db;
    const as = (email: string) => login(t().app, email, DEMO_PASSWORD);
    const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
    const demoClient = async () => {
      const user = await db().selectFrom('users').select('client_id').where('email', '=', DEMO_ACCOUNTS.client.email).executeTakeFirstOrThrow();
      return user.client_id!;
    };

    it('a coach plans an appointment; it is on the dossier, the timeline, the log and the client’s own page', async () => {
      const clientId = await demoClient();
      const coach = await as(DEMO_ACCOUNTS.coach.email);
      const startsAt = inDays(2);
      const res = await coach.send('POST', `/api/clients/${clientId}/appointments`, { startsAt, durationMinutes: 30, location: 'Stationsplein 4, Lingestad', purpose: 'Plan bespreken' });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ status: 'gepland', location: 'Stationsplein 4, Lingestad', with: { displayName: DEMO_ACCOUNTS.coach.displayName, role: 'coach' }, policies: { cancel: true } });
      expect(new Date(res.json().endsAt).getTime() - new Date(res.json().startsAt).getTime()).toBe(30 * 60_000);

      const list = (await coach.get(`/api/clients/${clientId}/appointments`)).json();
      expect(list.policies.schedule).toBe(true);
      expect(list.items.map((a: { id: string }) => a.id)).toContain(res.json().id);
      const timeline = (await coach.get(`/api/clients/${clientId}/timeline?limit=5`)).json().items;
      expect(timeline[0]).toMatchObject({ kind: 'appointment.scheduled' });
      const logged = await db().selectFrom('processing_log').select('operation').where('operation', '=', 'appointments.schedule').execute();
      expect(logged.length).toBeGreaterThan(0);

      const client = await as(DEMO_ACCOUNTS.client.email);
      const portal = (await client.get('/api/me/portal')).json();
      const mine = portal.appointments.find((a: { id: string }) => a.id === res.json().id);
      expect(mine).toMatchObject({ purpose: 'Plan bespreken', policies: { cancel: false } });
    });

    it('refuses an appointment in the past, and one with someone outside the service', async () => {
      const clientId = await demoClient();
      const coach = await as(DEMO_ACCOUNTS.coach.email);
      const past = await coach.send('POST', `/api/clients/${clientId}/appointments`, { startsAt: inDays(-1), durationMinutes: 30, location: 'Kantoor', purpose: 'Gesprek' });
      expect(past.statusCode).toBe(422);
      const provider = await db().selectFrom('users').select('id').where('email', '=', DEMO_ACCOUNTS.provider_coach.email).executeTakeFirstOrThrow();
      const outsider = await coach.send('POST', `/api/clients/${clientId}/appointments`, { startsAt: inDays(1), durationMinutes: 30, location: 'Kantoor', purpose: 'Gesprek', withUserId: provider.id });
      expect(outsider.json().code).toBe('unknown_reference');
    });

    it('cancels a planned appointment once, with a reason the client sees', async () => {
      const clientId = await demoClient();
      const coach = await as(DEMO_ACCOUNTS.coach.email);
      const planned = (await coach.send('POST', `/api/clients/${clientId}/appointments`, { startsAt: inDays(5), durationMinutes: 60, location: 'Kantoor', purpose: 'Solliciteren oefenen' })).json();
      const cancelled = await coach.send('POST', `/api/clients/${clientId}/appointments/${planned.id}/cancel`, { reason: 'Coach is ziek' });
      expect(cancelled.statusCode).toBe(200);
      expect(cancelled.json()).toMatchObject({ status: 'geannuleerd', cancelReason: 'Coach is ziek', policies: { cancel: false } });
      const again = await coach.send('POST', `/api/clients/${clientId}/appointments/${planned.id}/cancel`, { reason: 'Nog eens' });
      expect(again.statusCode).toBe(409);
      const portal = (await (await as(DEMO_ACCOUNTS.client.email)).get('/api/me/portal')).json();
      expect(portal.appointments.find((a: { id: string }) => a.id === planned.id)).toMatchObject({ status: 'geannuleerd', cancelReason: 'Coach is ziek' });
    });

    it('keeps appointments inside the dossier boundary', async () => {
      const clientId = await demoClient();
      const outsider = await as('coach2@meedoen.demo');
      expect((await outsider.get(`/api/clients/${clientId}/appointments`)).statusCode).toBe(404);
      expect((await outsider.send('POST', `/api/clients/${clientId}/appointments`, { startsAt: inDays(1), durationMinutes: 30, location: 'X', purpose: 'Y' })).statusCode).toBe(404);
      for (const email of [DEMO_ACCOUNTS.provider_coach.email, DEMO_ACCOUNTS.client.email, DEMO_ACCOUNTS.policy_officer.email]) {
        expect((await (await as(email)).get(`/api/clients/${clientId}/appointments`)).statusCode).toBe(403);
      }
    });
  },
  { setup: async ({ database, config }) => void (await seedDemo(database.db, { clients: 30, pseudonymKey: config.pseudonymKey })) },
);
