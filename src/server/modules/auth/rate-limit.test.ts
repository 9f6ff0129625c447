import { expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../demo/demo-accounts.ts';
import { seedDemo } from '../demo/demo-seed.ts';
import { describeEachDatabase } from '../../test/test-app.ts';

/** The per-IP brake on login attempts sits in front of the per-account lockout. */
describeEachDatabase(
  'login rate limit',
  (t) => {
    it('answers 429 rate_limited once an address tries too often, whichever accounts it tries', async () => {
      const attempt = (email: string) =>
        t().app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.9.8.7', payload: { email, password: 'not-the-password-at-all' } });
      const statuses = [];
      for (const email of ['a@meedoen.demo', 'b@meedoen.demo', DEMO_ACCOUNTS.coach.email, 'c@meedoen.demo']) statuses.push((await attempt(email)).statusCode);
      expect(statuses).toEqual([401, 401, 401, 429]);
      const limited = await attempt('d@meedoen.demo');
      expect(limited.json()).toMatchObject({ status: 429, code: 'rate_limited' });
      // Another address is not affected.
      const other = await t().app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.9.8.8', payload: { email: 'a@meedoen.demo', password: 'not-the-password-at-all' } });
      expect(other.statusCode).toBe(401);
    });
  },
  { config: { LOGIN_RATE_LIMIT: '3' }, setup: async ({ database, config }) => void (await seedDemo(database.db, { clients: 4, pseudonymKey: config.pseudonymKey })) },
);
