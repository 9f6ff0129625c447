import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import helmet from 'helmet';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { openDatabase } from '../db/database.ts';
import { testConfig } from '../test/test-app.ts';
import { meedoenHelmetOptions } from './security-headers.ts';

/** What helmet itself sets on a real response with our options (the transport's own headers left out). */
async function helmetOnARealResponse(production: boolean): Promise<Record<string, string>> {
  const server = createServer((req, res) => helmet(meedoenHelmetOptions(production))(req, res, () => res.end()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const transport = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);
    return Object.fromEntries([...res.headers].filter(([name]) => !transport.has(name)));
  } finally {
    server.close();
  }
}

describe('security headers', () => {
  const database = openDatabase({ databaseUrl: testConfig().testPostgresUrl, poolSize: 1 });
  afterAll(async () => (await database).close());

  for (const production of [false, true]) {
    it(`sends exactly helmet's headers on a public route, a refused request and a 404 (production: ${production})`, async () => {
      const expected = await helmetOnARealResponse(production);
      expect(expected['content-security-policy']).toContain("frame-ancestors 'none'");
      expect('strict-transport-security' in expected).toBe(production);
      // The pool connects on first use; none of these requests reads the database.
      const app = await buildApp({ db: (await database).db, config: testConfig({ NODE_ENV: production ? 'production' : 'test', PSEUDONYM_KEY: 'k'.repeat(32) }), logger: false });
      await app.ready();
      for (const url of ['/api/health', '/api/auth/me', '/api/does-not-exist', '/api/clients/%E0%A4%A']) {
        const res = await app.inject({ method: 'GET', url });
        for (const [name, value] of Object.entries(expected)) expect({ url, name, value: res.headers[name] }).toEqual({ url, name, value });
      }
      // An address Fastify cannot decode is refused before routing, as problem+json.
      const bad = await app.inject({ method: 'GET', url: '/api/clients/%E0%A4%A' });
      expect(bad.statusCode).toBe(400);
      expect(bad.headers['content-type']).toContain('application/problem+json');
      expect(bad.json()).toMatchObject({ status: 400, code: 'validation_failed', detail: 'The address cannot be read' });
      await app.close();
    });
  }
});
