import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import type { Database } from '../db/database.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../modules/demo/demo-accounts.ts';
import { seedDemo } from '../modules/demo/demo-seed.ts';
import { createTestDatabase } from '../test/test-databases.ts';
import { login, testConfig } from '../test/test-app.ts';
import type { App } from './types.ts';

/** Log lines never carry a BSN, a password, a session token or a CSRF token. */
describe('structured logs', () => {
  let database: Database;
  let app: App;
  const lines: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    const config = testConfig({ LOG_LEVEL: 'trace' });
    await seedDemo(database.db, { clients: 10, pseudonymKey: config.pseudonymKey });
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean)));
    app = await buildApp({ db: database.db, config, logStream: stream });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('logs requests as JSON without personal data or secrets', async () => {
    const client = await database.db.selectFrom('clients').selectAll().executeTakeFirstOrThrow();
    const s = await login(app, DEMO_ACCOUNTS.coach.email, DEMO_PASSWORD);
    await s.get(`/api/clients?q=${client.bsn}`);
    await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: DEMO_ACCOUNTS.coach.email, password: 'wrong-but-secret-password' } });
    await s.send('POST', '/api/auth/logout');
    expect(lines.length).toBeGreaterThan(4);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    const all = lines.join('\n');
    const token = s.cookie.split('=')[1]!;
    for (const secret of [client.bsn, DEMO_PASSWORD, 'wrong-but-secret-password', token, s.csrfToken]) {
      expect(all).not.toContain(secret);
    }
  });
});
