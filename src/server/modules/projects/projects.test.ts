import { expect, it } from 'vitest';
import { todayIso } from '../../../shared/dates.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo/demo-accounts.ts';
import { seedDemo } from '../demo/demo-seed.ts';
import { registerClient } from '../../test/fixtures.ts';
import { describeEachDatabase, login } from '../../test/test-app.ts';

describeEachDatabase(
  'projects: participants and counts per year',
  (t) => {
    const as = (email: string) => login(t().app, email, DEMO_PASSWORD);
    const municipality = async () => (await t().database.db.selectFrom('municipalities').select(['id', 'name']).orderBy('name').executeTakeFirstOrThrow());
    let counter = 0;
    const newProject = async (body: Record<string, unknown> = {}) => {
      const lead = await as(DEMO_ACCOUNTS.team_lead.email);
      const res = await lead.send('POST', '/api/projects', { name: `Sportproject ${++counter} ${t().kind}`, startsOn: '2025-09-01', endsOn: '2026-06-30', ...body });
      if (res.statusCode !== 201) throw new Error(`project: ${res.statusCode} ${res.body}`);
      return res.json();
    };

    it('creates and changes projects; names are unique and periods consistent', async () => {
      const admin = await as(DEMO_ACCOUNTS.administrator.email);
      const m = await municipality();
      const created = await admin.send('POST', '/api/projects', { name: `Taaloffensief ${t().kind}`, description: 'Samen lezen', municipalityId: m.id, startsOn: '2026-01-01' });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({ municipality: { id: m.id, name: m.name }, endsOn: null, participants: 0, policies: { update: true, addParticipant: false } });
      expect(Object.keys(created.json().participantsByYear)[0]).toBe('2026');
      expect((await admin.send('POST', '/api/projects', { name: `Taaloffensief ${t().kind}`, startsOn: '2026-01-01' })).json().code).toBe('conflict');
      expect((await admin.send('POST', '/api/projects', { name: 'Achterstevoren', startsOn: '2026-01-01', endsOn: '2025-01-01' })).json().code).toBe('validation_failed');
      expect((await admin.send('POST', '/api/projects', { name: 'Nergens', startsOn: '2026-01-01', municipalityId: '00000000-0000-4000-8000-000000000000' })).json().code).toBe('unknown_reference');
      // A change names the version it started from (If-Match), like every other update.
      const path = `/api/projects/${created.json().id}`;
      expect(created.headers.etag).toBe('"1"');
      const unconditional = await admin.send('PATCH', path, { endsOn: '2026-12-31' });
      expect(unconditional.statusCode).toBe(428);
      expect(unconditional.headers['content-type']).toContain('application/problem+json');
      expect((await admin.send('PATCH', path, { endsOn: '2026-12-31' }, { 'if-match': '"2"' })).statusCode).toBe(412);
      const changed = await admin.send('PATCH', path, { endsOn: '2026-12-31', description: 'Samen lezen en schrijven' }, { 'if-match': created.headers.etag as string });
      expect(changed.statusCode).toBe(200);
      expect(changed.headers.etag).toBe('"2"');
      expect(changed.json()).toMatchObject({ endsOn: '2026-12-31', description: 'Samen lezen en schrijven', version: 2, participantsByYear: { 2026: 0 } });
      expect((await admin.send('PATCH', path, { name: 'Te laat' }, { 'if-match': '"1"' })).statusCode).toBe(412);
      const coach = await as(DEMO_ACCOUNTS.coach.email);
      expect((await coach.send('POST', '/api/projects', { name: 'Mag niet', startsOn: '2026-01-01' })).statusCode).toBe(403);
      expect((await coach.send('PATCH', path, { name: 'Mag niet' }, { 'if-match': '"2"' })).statusCode).toBe(403);
    });

    it('counts participants per project and per calendar year, a participant spanning two years in both', async () => {
      const coach = await as(DEMO_ACCOUNTS.coach.email);
      const m = await municipality();
      const project = await newProject();
      const clients = [];
      for (let i = 0; i < 6; i++) clients.push((await registerClient(coach, m.id)).client);
      const join = (clientId: string, joinedOn: string) => coach.send('POST', `/api/projects/${project.id}/participants`, { clientId, joinedOn });
      // One spans both years; five only 2026.
      const joined = await join(clients[0].id, '2025-10-01');
      expect(joined.statusCode).toBe(201);
      expect(joined.json()).toMatchObject({ client: { id: clients[0].id, name: `${clients[0].firstName} ${clients[0].lastName}` }, joinedOn: '2025-10-01', leftOn: null });
      for (const c of clients.slice(1)) expect((await join(c.id, '2026-02-01')).statusCode).toBe(201);
      expect((await join(clients[1].id, '2026-03-01')).json().code).toBe('already_enrolled');
      expect((await join(clients[1].id, '2024-03-01')).json().code).toBe('validation_failed');

      // One who joined and left within 2025 counts in 2025 only.
      const early = (await registerClient(coach, m.id)).client;
      await join(early.id, '2025-09-15');
      const left = await coach.send('POST', `/api/projects/${project.id}/participants/${early.id}/leave`, { leftOn: '2025-12-01' });
      expect(left.json()).toMatchObject({ leftOn: '2025-12-01' });
      expect((await coach.send('POST', `/api/projects/${project.id}/participants/${early.id}/leave`, { leftOn: '2025-12-02' })).json().code).toBe('invalid_transition');

      const listed = (await coach.get('/api/projects?year=2026')).json().items.find((p: { id: string }) => p.id === project.id);
      expect(listed).toMatchObject({ participants: 7, participantsByYear: { 2025: 2, 2026: 6 }, policies: { addParticipant: true } });
      expect((await coach.get('/api/projects?year=2024')).json().items.map((p: { id: string }) => p.id)).not.toContain(project.id);

      const detail = (await coach.get(`/api/projects/${project.id}`)).json();
      expect(detail.participantCount).toBe(7);
      expect(detail.participants).toHaveLength(7);
      expect(detail.participants.every((p: { client: unknown }) => p.client !== null)).toBe(true);
      const timeline = (await coach.get(`/api/clients/${early.id}/timeline`)).json().items.map((e: { kind: string }) => e.kind);
      expect(timeline.slice(0, 2)).toEqual(['project.left', 'project.joined']);
      expect((await coach.get(`/api/clients/${early.id}/projects`)).json().items).toEqual([{ projectId: project.id, name: project.name, joinedOn: '2025-09-15', leftOn: '2025-12-01' }]);

      // A coach of another team sees the counts, and the participants without names.
      const other = (await (await as('coach2@meedoen.demo')).get(`/api/projects/${project.id}`)).json();
      expect(other.participants.map((p: { client: unknown }) => p.client)).toEqual(Array(7).fill(null));
      expect(JSON.stringify(other)).not.toContain(clients[0].lastName);
    });

    it('a policy officer sees counts only, with small counts suppressed', async () => {
      const coach = await as(DEMO_ACCOUNTS.coach.email);
      const m = await municipality();
      const project = await newProject({ startsOn: '2026-01-01', endsOn: null });
      for (let i = 0; i < 3; i++) {
        const { client } = await registerClient(coach, m.id);
        await coach.send('POST', `/api/projects/${project.id}/participants`, { clientId: client.id, joinedOn: '2026-01-15' });
      }
      const officer = await as(DEMO_ACCOUNTS.policy_officer.email);
      const listed = (await officer.get('/api/projects')).json().items.find((p: { id: string }) => p.id === project.id);
      const currentYear = todayIso().slice(0, 4);
      expect(listed).toMatchObject({ participants: null, policies: { update: false, addParticipant: false, readParticipants: false } });
      expect(listed.participantsByYear['2026']).toBeNull();
      expect(Object.keys(listed.participantsByYear)).toContain(currentYear);
      const detail = await officer.get(`/api/projects/${project.id}`);
      expect(detail.statusCode).toBe(200);
      expect(detail.json()).toMatchObject({ participantCount: null, participants: [] });
      expect((await officer.send('POST', `/api/projects/${project.id}/participants`, { clientId: project.id, joinedOn: '2026-02-01' })).statusCode).toBe(403);
      const logged = await t().database.db.selectFrom('processing_log as l').innerJoin('users as u', 'u.id', 'l.user_id').select('l.id').where('u.email', '=', DEMO_ACCOUNTS.policy_officer.email).execute();
      expect(logged).toEqual([]);

      // With five or more the figure is shown; 0 is never suppressed.
      for (let i = 0; i < 2; i++) {
        const { client } = await registerClient(coach, m.id);
        await coach.send('POST', `/api/projects/${project.id}/participants`, { clientId: client.id, joinedOn: '2026-01-15' });
      }
      const again = (await officer.get('/api/projects')).json().items.find((p: { id: string }) => p.id === project.id);
      expect(again.participants).toBe(5);
      const empty = await newProject({ name: `Leeg project ${t().kind}` });
      expect((await officer.get('/api/projects')).json().items.find((p: { id: string }) => p.id === empty.id).participants).toBe(0);
    });

    it('only the client’s own coach or team lead signs a client up, and a provider sees no projects', async () => {
      const project = await newProject();
      const m = await municipality();
      const { client } = await registerClient(await as('coach2@meedoen.demo'), m.id);
      const coach = await as(DEMO_ACCOUNTS.coach.email);
      expect((await coach.send('POST', `/api/projects/${project.id}/participants`, { clientId: client.id, joinedOn: '2025-10-01' })).statusCode).toBe(404);
      expect((await coach.get(`/api/clients/${client.id}/projects`)).statusCode).toBe(404);
      const provider = await as(DEMO_ACCOUNTS.provider_coach.email);
      expect((await provider.get('/api/projects')).statusCode).toBe(403);
      expect((await provider.get(`/api/projects/${project.id}`)).statusCode).toBe(403);
      expect((await coach.get('/api/projects/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    });
  },
  { setup: async ({ database, config }) => void (await seedDemo(database.db, { clients: 12, pseudonymKey: config.pseudonymKey })) },
);
