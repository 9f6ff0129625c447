import { expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo/demo-accounts.ts';
import { seedDemo } from '../demo/demo-seed.ts';
import { describeEachDatabase, login } from '../../test/test-app.ts';

describeEachDatabase(
  'user, team and municipality administration',
  (t) => {
    const admin = () => login(t().app, DEMO_ACCOUNTS.administrator.email, DEMO_PASSWORD);
    const db = () => t().database.db;

    it('lists staff users with abilities, never a password hash', async () => {
      const res = await (await admin()).get('/api/users');
      expect(res.statusCode).toBe(200);
      const items = res.json().items;
      expect(items.length).toBeGreaterThan(10);
      expect(res.body).not.toContain('argon2');
      expect(items.find((u: { role: string }) => u.role === 'client')).toBeUndefined();
      const self = items.find((u: { email: string }) => u.email === DEMO_ACCOUNTS.administrator.email);
      expect(self.policies).toEqual({ update: true, disable: false, enable: false });
    });

    it('creates a coach in a team who can then log in, and audits it', async () => {
      const s = await admin();
      const team = await db().selectFrom('teams').select('id').executeTakeFirstOrThrow();
      const res = await s.send('POST', '/api/users', {
        email: 'nieuwe.coach@meedoen.demo',
        displayName: 'Nieuwe Coach',
        role: 'coach',
        password: 'een-lang-en-zeldzaam-wachtwoord',
        teamId: team.id,
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ email: 'nieuwe.coach@meedoen.demo', role: 'coach', team: { id: team.id } });
      await login(t().app, 'NIEUWE.coach@meedoen.demo', 'een-lang-en-zeldzaam-wachtwoord');
      const audit = await db().selectFrom('audit_events').selectAll().where('action', '=', 'user.created').execute();
      expect(audit.map((a) => a.subject_id)).toContain(res.json().id);
    });

    it('refuses short, long and common passwords with a clear code', async () => {
      const s = await admin();
      const base = { email: 'pw@meedoen.demo', displayName: 'PW', role: 'coach' };
      const cases: [string, string][] = [
        ['kort-11-tek', 'password_too_short'],
        ['x'.repeat(129), 'password_too_long'],
        ['1234567890123', 'password_too_common'],
        ['passwordpassword', 'password_too_common'],
      ];
      for (const [password, code] of cases) {
        const res = await s.send('POST', '/api/users', { ...base, password });
        expect({ password, code: res.json().code, status: res.statusCode }).toEqual({ password, code, status: 422 });
      }
      // No composition rules: a long passphrase of lower-case words is fine.
      expect((await s.send('POST', '/api/users', { ...base, password: 'fiets boot molen kaas' })).statusCode).toBe(201);
    });

    it('refuses a duplicate e-mail (any case), unknown fields and a provider coach without a provider', async () => {
      const s = await admin();
      const dup = await s.send('POST', '/api/users', { email: 'COACH@meedoen.demo', displayName: 'X', role: 'coach', password: 'een-lang-en-zeldzaam-wachtwoord' });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().code).toBe('email_taken');
      const mass = await s.send('POST', '/api/users', {
        email: 'mass@meedoen.demo', displayName: 'X', role: 'coach', password: 'een-lang-en-zeldzaam-wachtwoord', organisationId: '00000000-0000-4000-8000-000000000000',
      });
      expect(mass.statusCode).toBe(422);
      const clientRole = await s.send('POST', '/api/users', { email: 'c@meedoen.demo', displayName: 'X', role: 'client', password: 'een-lang-en-zeldzaam-wachtwoord' });
      expect(clientRole.statusCode).toBe(422);
      const unbound = await s.send('POST', '/api/users', { email: 'p@meedoen.demo', displayName: 'X', role: 'provider_coach', password: 'een-lang-en-zeldzaam-wachtwoord' });
      expect(unbound.statusCode).toBe(422);
      expect(unbound.json().code).toBe('invalid_role_binding');
      const partner = await db().selectFrom('external_organisations').select('id').where('kind', '=', 'partner').executeTakeFirstOrThrow();
      const wrongKind = await s.send('POST', '/api/users', {
        email: 'p@meedoen.demo', displayName: 'X', role: 'provider_coach', password: 'een-lang-en-zeldzaam-wachtwoord', externalOrganisationId: partner.id,
      });
      expect(wrongKind.json().code).toBe('invalid_role_binding');
      expect(await db().selectFrom('users').select('id').where('email', 'in', ['mass@meedoen.demo', 'c@meedoen.demo', 'p@meedoen.demo']).execute()).toEqual([]);
    });

    it('changing a role ends the sessions of that user; enabling clears a lock', async () => {
      const s = await admin();
      const target = await db().selectFrom('users').selectAll().where('email', '=', 'coach5@meedoen.demo').executeTakeFirstOrThrow();
      const victim = await login(t().app, 'coach5@meedoen.demo', DEMO_PASSWORD);
      const res = await s.send('PATCH', `/api/users/${target.id}`, { role: 'team_lead' });
      expect(res.statusCode).toBe(200);
      expect(res.json().role).toBe('team_lead');
      expect((await victim.get('/api/auth/me')).statusCode).toBe(401);
      expect((await s.send('POST', `/api/users/${target.id}/disable`)).json().policies).toEqual({ update: true, disable: false, enable: true });
      const enabled = await s.send('POST', `/api/users/${target.id}/enable`);
      expect(enabled.json().disabled).toBe(false);
    });

    it('an administrator cannot disable themselves', async () => {
      const s = await admin();
      const self = await db().selectFrom('users').select('id').where('email', '=', DEMO_ACCOUNTS.administrator.email).executeTakeFirstOrThrow();
      const res = await s.send('POST', `/api/users/${self.id}/disable`);
      expect(res.statusCode).toBe(422);
      expect(res.json().code).toBe('cannot_disable_self');
    });

    it('manages teams and municipalities with clear conflicts', async () => {
      const s = await admin();
      const m = await s.send('POST', '/api/municipalities', { name: 'Dijkveld', cbsCode: 'GM9904', inhabitants: 12000 });
      expect(m.statusCode).toBe(201);
      expect((await s.send('POST', '/api/municipalities', { name: 'Dijkveld', cbsCode: 'GM9905' })).json().code).toBe('municipality_taken');
      expect((await s.send('POST', '/api/municipalities', { name: 'Nergens', cbsCode: '9905' })).statusCode).toBe(422);
      const renamed = await s.send('PATCH', `/api/municipalities/${m.json().id}`, { inhabitants: 12500 });
      expect(renamed.json()).toMatchObject({ name: 'Dijkveld', inhabitants: 12500 });

      const team = await s.send('POST', '/api/teams', { name: 'Team Dijkveld', municipalityId: m.json().id });
      expect(team.statusCode).toBe(201);
      expect(team.json()).toMatchObject({ municipality: { name: 'Dijkveld' }, memberCount: 0, policies: { update: true } });
      expect((await s.send('POST', '/api/teams', { name: 'Team Dijkveld' })).statusCode).toBe(409);
      const renamedTeam = await s.send('PATCH', `/api/teams/${team.json().id}`, { name: 'Team Dijkveld-Oost' });
      expect(renamedTeam.json().name).toBe('Team Dijkveld-Oost');
      const list = (await s.get('/api/teams')).json().items.map((x: { name: string }) => x.name);
      expect(list).toContain('Team Dijkveld-Oost');
    });

    it('refuses the admin screens to every other role', async () => {
      for (const role of ['coach', 'team_lead', 'provider_coach', 'partner', 'policy_officer', 'client'] as const) {
        const s = await login(t().app, DEMO_ACCOUNTS[role].email, DEMO_PASSWORD);
        for (const url of ['/api/users', '/api/teams', '/api/municipalities', '/api/external-organisations']) {
          expect({ role, url, status: (await s.get(url)).statusCode }).toEqual({ role, url, status: 403 });
        }
        const res = await s.send('POST', '/api/teams', { name: `Team van ${role}` });
        expect(res.statusCode).toBe(403);
      }
    });
  },
  { setup: async ({ database, config }) => void (await seedDemo(database.db, { clients: 20, pseudonymKey: config.pseudonymKey })) },
);
