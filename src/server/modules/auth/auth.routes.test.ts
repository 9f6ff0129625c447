import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo/demo-accounts.ts';
import { seedDemo } from '../demo/demo-seed.ts';
import { describeEachDatabase, login } from '../../test/test-app.ts';
import { SESSION_COOKIE } from '../../http/session-plugin.ts';

const coach = DEMO_ACCOUNTS.coach.email;

describeEachDatabase(
  'auth',
  (t) => {
    it('logs in, answers who am I with permissions, and sets a strict httpOnly cookie', async () => {
      const res = await t().app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: coach, password: DEMO_PASSWORD } });
      expect(res.statusCode).toBe(200);
      const setCookie = String(res.headers['set-cookie']);
      expect(setCookie).toContain(`${SESSION_COOKIE}=`);
      expect(setCookie).toMatch(/HttpOnly/i);
      expect(setCookie).toMatch(/SameSite=Strict/i);
      const body = res.json();
      expect(body.user.role).toBe('coach');
      expect(body.permissions).toContain('clients:list');
      expect(body.permissions).not.toContain('admin:manage');
      expect(body.user).not.toHaveProperty('passwordHash');
    });

    it('keeps only a hash of the session token in the database', async () => {
      const res = await t().app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: coach, password: DEMO_PASSWORD } });
      const token = res.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
      const rows = await t().database.db.selectFrom('sessions').select('id').where('id', '=', token).execute();
      expect(rows).toHaveLength(0);
    });

    it('answers a wrong password and an unknown e-mail alike, as problem+json', async () => {
      const wrong = await t().app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: coach, password: 'not-the-password-at-all' } });
      const unknown = await t().app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nobody@meedoen.demo', password: 'not-the-password-at-all' } });
      for (const res of [wrong, unknown]) {
        expect(res.statusCode).toBe(401);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json()).toMatchObject({ status: 401, code: 'invalid_credentials' });
        expect(res.body).not.toMatch(/at .*\.ts/);
      }
    });

    it('rejects malformed input with 422 and the field that is wrong', async () => {
      const res = await t().app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'not-an-email' } });
      expect(res.statusCode).toBe(422);
      expect(res.json().code).toBe('validation_failed');
      expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['body.email']));
    });

    it('locks the account after five failures, even for the right password, and unlocks after the lockout', async () => {
      const email = 'coach3@meedoen.demo';
      for (let i = 0; i < 4; i++) {
        const res = await t().app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: `wrong-password-${i}-xx` } });
        expect(res.statusCode).toBe(401);
      }
      const fifth = await t().app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: 'wrong-password-5-xx' } });
      expect(fifth.statusCode).toBe(429);
      expect(fifth.json().code).toBe('account_locked');
      const right = await t().app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: DEMO_PASSWORD } });
      expect(right.statusCode).toBe(429);
      await t().database.db.updateTable('users').set({ locked_until: new Date(Date.now() - 1000) }).where('email', '=', email).execute();
      const later = await t().app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: DEMO_PASSWORD } });
      expect(later.statusCode).toBe(200);
    });

    it('ends the session on logout', async () => {
      const s = await login(t().app, coach, DEMO_PASSWORD);
      expect((await s.get('/api/auth/me')).statusCode).toBe(200);
      expect((await s.send('POST', '/api/auth/logout')).statusCode).toBe(204);
      expect((await s.get('/api/auth/me')).statusCode).toBe(401);
    });

    it('ends a session after 30 idle minutes and after 12 hours whatever happens', async () => {
      const idle = await login(t().app, coach, DEMO_PASSWORD);
      const db = t().database.db;
      await db.updateTable('sessions').set({ last_seen_at: new Date(Date.now() - 31 * 60_000) }).where('csrf_token', '=', idle.csrfToken).execute();
      expect((await idle.get('/api/auth/me')).statusCode).toBe(401);

      const active = await login(t().app, coach, DEMO_PASSWORD);
      await db.updateTable('sessions').set({ last_seen_at: new Date(Date.now() - 29 * 60_000) }).where('csrf_token', '=', active.csrfToken).execute();
      expect((await active.get('/api/auth/me')).statusCode).toBe(200);
      await db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000) }).where('csrf_token', '=', active.csrfToken).execute();
      expect((await active.get('/api/auth/me')).statusCode).toBe(401);
      const left = await db.selectFrom('sessions').select('id').where('csrf_token', 'in', [idle.csrfToken, active.csrfToken]).execute();
      expect(left).toHaveLength(0);
    });

    it('refuses a state-changing request without the CSRF token or from another origin', async () => {
      const s = await login(t().app, coach, DEMO_PASSWORD);
      const noToken = await t().app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie } });
      expect(noToken.statusCode).toBe(403);
      expect(noToken.json().code).toBe('csrf_failed');
      const wrongToken = await s.send('POST', '/api/auth/logout', undefined, { 'x-csrf-token': 'x'.repeat(32) });
      expect(wrongToken.statusCode).toBe(403);
      const crossSite = await s.send('POST', '/api/auth/logout', undefined, { origin: 'https://evil.example' });
      expect(crossSite.statusCode).toBe(403);
      const crossSiteLogin = await t().app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { origin: 'https://evil.example' },
        payload: { email: coach, password: DEMO_PASSWORD },
      });
      expect(crossSiteLogin.statusCode).toBe(403);
      expect((await s.get('/api/auth/me')).statusCode).toBe(200);
    });

    it('sends security headers and a trace id', async () => {
      const res = await t().app.inject({ method: 'GET', url: '/api/health', headers: { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' } });
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBeDefined();
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(String(res.headers.traceparent)).toMatch(/^00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-01$/);
    });

    it('ends every session of a user the moment they are disabled', async () => {
      const admin = await login(t().app, DEMO_ACCOUNTS.administrator.email, DEMO_PASSWORD);
      const victim = await login(t().app, 'coach4@meedoen.demo', DEMO_PASSWORD);
      expect((await victim.get('/api/start')).statusCode).toBe(200);
      const { id } = await t().database.db.selectFrom('users').select('id').where('email', '=', 'coach4@meedoen.demo').executeTakeFirstOrThrow();
      expect((await admin.send('POST', `/api/users/${id}/disable`)).statusCode).toBe(200);
      expect((await victim.get('/api/start')).statusCode).toBe(401);
      const again = await t().app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'coach4@meedoen.demo', password: DEMO_PASSWORD } });
      expect(again.statusCode).toBe(403);
      expect(again.json().code).toBe('account_disabled');
    });

    it('stores passwords as argon2id with m=19456, t=2, p=1', async () => {
      const row = await t().database.db.selectFrom('users').select('password_hash').where('email', '=', coach).executeTakeFirstOrThrow();
      expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      const raw = await sql<{ n: number }>`select count(*)::int as n from users where password_hash not like '$argon2id$%'`.execute(t().database.db);
      expect(raw.rows[0]!.n).toBe(0);
    });
  },
  { setup: async ({ database, config }) => void (await seedDemo(database.db, { clients: 30, pseudonymKey: config.pseudonymKey })) },
);
