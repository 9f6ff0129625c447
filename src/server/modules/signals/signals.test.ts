import { expect, it } from 'vitest';
import { addDays, addMonths, todayIso } from '../../../shared/dates.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo/demo-accounts.ts';
import { seedDemo } from '../demo/demo-seed.ts';
import { describeEachDatabase, login } from '../../test/test-app.ts';
import { registerClient } from '../../test/fixtures.ts';

describeEachDatabase(
  'signals, escalations, contact moments and the timeline',
  (t) => {
    const today = todayIso();
    const setup = async (overrides: Record<string, unknown> = {}) => {
      const s = await login(t().app, DEMO_ACCOUNTS.coach.email, DEMO_PASSWORD);
      const m = await t().database.db.selectFrom('municipalities').select('id').executeTakeFirstOrThrow();
      const { client } = await registerClient(s, m.id, overrides);
      return { s, client };
    };

    it('raises a signal, escalates it to the Kernteam, gets the outcome back, and closes it', async () => {
      const { s, client } = await setup();
      const raised = await s.send('POST', `/api/clients/${client.id}/signals`, { domain: 'schulden', severity: 'hoog', description: 'Huurachterstand van drie maanden', followUpOn: addMonths(today, 1) });
      expect(raised.statusCode).toBe(201);
      const signal = raised.json();
      expect((await s.get(`/api/clients/${client.id}`)).json().openSignalCount).toBe(1);

      const escalated = await s.send('POST', `/api/signals/${signal.id}/escalations`, { targetKind: 'kernteam', question: 'Integrale aanpak nodig', dueOn: addMonths(today, 1) });
      expect(escalated.statusCode).toBe(201);
      let listed = (await s.get(`/api/clients/${client.id}/signals`)).json().items[0];
      expect(listed).toMatchObject({ status: 'geescaleerd', escalations: [{ targetKind: 'kernteam', status: 'open' }], policies: { reportOutcome: true } });

      expect((await s.send('POST', `/api/escalations/${escalated.json().id}/outcome`, { outcome: 'Schuldhulpverlening gestart' })).statusCode).toBe(204);
      const again = await s.send('POST', `/api/escalations/${escalated.json().id}/outcome`, { outcome: 'nog een keer' });
      expect(again.json().code).toBe('invalid_transition');
      listed = (await s.get(`/api/clients/${client.id}/signals`)).json().items[0];
      expect(listed).toMatchObject({ status: 'in_behandeling', escalations: [{ status: 'teruggemeld', outcome: 'Schuldhulpverlening gestart' }] });

      const stale = await s.send('PATCH', `/api/signals/${signal.id}`, { status: 'afgerond' }, { 'if-match': `"${signal.version}"` });
      expect(stale.statusCode).toBe(412);
      const closed = await s.send('PATCH', `/api/signals/${signal.id}`, { status: 'afgerond' }, { 'if-match': `"${listed.version}"` });
      expect(closed.statusCode).toBe(200);
      expect((await s.get(`/api/clients/${client.id}`)).json().openSignalCount).toBe(0);
      const reopen = await s.send('PATCH', `/api/signals/${signal.id}`, { status: 'open' }, { 'if-match': `"${closed.json().version}"` });
      expect(reopen.statusCode).toBe(403);

      const timeline = (await s.get(`/api/clients/${client.id}/timeline`)).json().items.map((e: { kind: string }) => e.kind);
      expect(timeline.slice(0, 5)).toEqual(['signal.status', 'signal.outcome', 'signal.escalated', 'signal.raised', 'client.registered']);
    });

    it('refers to a network partner only with a partner of the organisation', async () => {
      const { s, client } = await setup();
      const signal = (await s.send('POST', `/api/clients/${client.id}/signals`, { domain: 'laaggeletterdheid', severity: 'middel', description: 'Kan brieven niet lezen' })).json();
      const noPartner = await s.send('POST', `/api/signals/${signal.id}/escalations`, { targetKind: 'partner', question: 'Taalcursus?', dueOn: today });
      expect(noPartner.json().code).toBe('unknown_reference');
      const provider = await t().database.db.selectFrom('external_organisations').select('id').where('kind', '=', 'provider').executeTakeFirstOrThrow();
      const wrongKind = await s.send('POST', `/api/signals/${signal.id}/escalations`, { targetKind: 'partner', externalOrganisationId: provider.id, question: 'Taalcursus?', dueOn: today });
      expect(wrongKind.json().code).toBe('unknown_reference');
      const partners = (await s.get('/api/partners')).json().items;
      const taalhuis = partners.find((p: { name: string }) => p.name.startsWith('Taalhuis'));
      const ok = await s.send('POST', `/api/signals/${signal.id}/escalations`, { targetKind: 'partner', externalOrganisationId: taalhuis.id, question: 'Taalcursus?', dueOn: today });
      expect(ok.statusCode).toBe(201);
      const timeline = (await s.get(`/api/clients/${client.id}/timeline`)).json().items;
      expect(timeline[0].summary).toContain('verwezen naar Taalhuis');
    });

    it('records a yearly conversation, which clears the overdue flag and its task', async () => {
      const { s, client } = await setup({ dateOfBirth: '1980-01-01' });
      expect((await s.get(`/api/clients/${client.id}`)).json().annualConversation).toMatchObject({ required: true, overdue: true });
      const admin = await login(t().app, DEMO_ACCOUNTS.administrator.email, DEMO_PASSWORD);
      await admin.send('POST', '/api/tasks/generate');
      expect((await s.get(`/api/tasks?clientId=${client.id}`)).json().items.map((x: { kind: string }) => x.kind)).toContain('jaargesprek');
      const res = await s.send('POST', `/api/clients/${client.id}/contacts`, { kind: 'jaargesprek', occurredOn: today, summary: 'Over werk en activering gesproken' });
      expect(res.statusCode).toBe(201);
      expect((await s.get(`/api/clients/${client.id}`)).json().annualConversation).toMatchObject({ overdue: false, lastOn: today });
      expect((await s.get(`/api/tasks?clientId=${client.id}`)).json().items.map((x: { kind: string }) => x.kind)).not.toContain('jaargesprek');
      const overdue = (await s.get('/api/annual-conversations/overdue?limit=200')).json().items.map((x: { id: string }) => x.id);
      expect(overdue).not.toContain(client.id);
    });

    it('keeps confidential notes to the client’s own coach and the team lead', async () => {
      const { s, client } = await setup();
      await s.send('POST', `/api/clients/${client.id}/contacts`, { kind: 'notitie', occurredOn: today, summary: 'Geheime gezondheidsinformatie', confidential: true });
      await s.send('POST', `/api/clients/${client.id}/contacts`, { kind: 'gesprek', occurredOn: today, summary: 'Gewoon gesprek' });
      const own = (await s.get(`/api/clients/${client.id}/contacts`)).json().items;
      expect(own.map((c: { summary: string }) => c.summary)).toContain('Geheime gezondheidsinformatie');
      const lead = await login(t().app, DEMO_ACCOUNTS.team_lead.email, DEMO_PASSWORD);
      expect((await lead.get(`/api/clients/${client.id}/contacts`)).json().items).toHaveLength(2);

      // A colleague in the same team may work on the dossier but not read confidential notes.
      const db = t().database.db;
      const organisation = await db.selectFrom('organisations').select('id').executeTakeFirstOrThrow();
      const { password_hash } = await db.selectFrom('users').select('password_hash').where('email', '=', DEMO_ACCOUNTS.coach.email).executeTakeFirstOrThrow();
      await db
        .insertInto('users')
        .values({
          organisation_id: organisation.id,
          email: 'collega@meedoen.demo',
          display_name: 'Collega Coach',
          role: 'coach',
          team_id: client.team.id,
          password_hash,
        })
        .execute();
      const c = await login(t().app, 'collega@meedoen.demo', DEMO_PASSWORD);
      const seen = await c.get(`/api/clients/${client.id}/contacts`);
      expect(seen.statusCode).toBe(200);
      expect(seen.json().items.map((x: { summary: string }) => x.summary)).toEqual(['Gewoon gesprek']);
      const timeline = await c.get(`/api/clients/${client.id}/timeline`);
      expect(timeline.body).not.toContain('vertrouwelijk');
      expect(timeline.body).not.toContain('Geheime');
      expect((await s.get(`/api/clients/${client.id}/timeline`)).body).toContain('Notitie (vertrouwelijk)');
    });

    it('pages the timeline newest first by when things happened, backdated contacts in their place', async () => {
      const { s, client } = await setup();
      // Recorded in this order, each for its own date: the timeline follows the dates, and two
      // contacts on one date follow the order they were recorded (the page boundary splits them).
      const daysAgo = [400, 1, 30, 200, 30, 5];
      for (const [i, d] of daysAgo.entries()) {
        await s.send('POST', `/api/clients/${client.id}/contacts`, { kind: 'telefonisch', occurredOn: addDays(today, -d), summary: `Belletje ${i}` });
      }
      const first = (await s.get(`/api/clients/${client.id}/timeline?limit=4`)).json();
      expect(first.items).toHaveLength(4);
      expect(first.nextBefore).not.toBeNull();
      const second = (await s.get(`/api/clients/${client.id}/timeline?limit=4&before=${first.nextBefore}`)).json();
      expect(second.items).toHaveLength(3);
      expect(second.nextBefore).toBeNull();
      const items: { kind: string; summary: string; occurredAt: string }[] = [...first.items, ...second.items];
      const label = (e: { kind: string; summary: string }) => (e.kind === 'client.registered' ? 'registered' : e.summary.replace(/^.*: /, ''));
      expect(items.map(label)).toEqual(['registered', 'Belletje 1', 'Belletje 5', 'Belletje 4', 'Belletje 2', 'Belletje 3', 'Belletje 0']);
      expect(items.map((e) => e.occurredAt)).toEqual(items.map((e) => e.occurredAt).sort().reverse());
      // A cursor from another client's timeline gives nothing, not a page of this one.
      const other = await setup();
      expect((await s.get(`/api/clients/${other.client.id}/timeline?limit=4&before=${first.nextBefore}`)).json().items).toEqual([]);
    });
  },
  { setup: async ({ database, config }) => void (await seedDemo(database.db, { clients: 12, pseudonymKey: config.pseudonymKey })) },
);
