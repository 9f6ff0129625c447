import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig, type Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { App } from '../http/types.ts';
import { SESSION_COOKIE } from '../http/session-plugin.ts';
import { createTestDatabase, DATABASE_KINDS, type DatabaseKind } from './test-databases.ts';

/**
 * Configuration for tests: quiet, and the demo pseudonym key. The dashboard shows current KPI
 * figures only (a test writes and reads back at once); kpi-snapshots.test.ts sets a window.
 */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', LOGIN_RATE_LIMIT: '1000', KPI_MAX_STALENESS_SECONDS: '0', ...overrides });
}

export type TestContext = { kind: DatabaseKind; database: Database; app: App; config: Config };

/**
 * Runs a suite once per database kind, with a migrated database and the real app (injected
 * HTTP, no socket). `setup` fills the database before the suite starts.
 */
export function describeEachDatabase(
  name: string,
  suite: (t: () => TestContext) => void,
  options: { setup?: (ctx: TestContext) => Promise<void>; config?: Record<string, string> } = {},
): void {
  for (const kind of DATABASE_KINDS) {
    describe(`${name} [${kind}]`, () => {
      let ctx: TestContext | undefined;
      beforeAll(async () => {
        const database = await createTestDatabase(kind);
        const config = testConfig(options.config);
        const app = await buildApp({ db: database.db, config, logger: false });
        await app.ready();
        ctx = { kind, database, app, config };
        await options.setup?.(ctx);
      });
      afterAll(async () => {
        await ctx?.app.close();
        await ctx?.database.close();
      });
      suite(() => {
        if (!ctx) throw new Error('test context not ready');
        return ctx;
      });
    });
  }
}

/** A logged-in API caller: keeps the session cookie and sends the CSRF token on writes. */
export type Session = {
  cookie: string;
  csrfToken: string;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  send(method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
};

export async function login(app: App, email: string, password: string): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed for ${email}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error('no session cookie');
  return sessionFor(app, `${SESSION_COOKIE}=${cookie.value}`, res.json().csrfToken);
}

export function sessionFor(app: App, cookie: string, csrfToken: string): Session {
  return {
    cookie,
    csrfToken,
    get: (url, headers = {}) => app.inject({ method: 'GET', url, headers: { cookie, ...headers } }),
    send: (method, url, body, headers = {}) =>
      app.inject({
        method,
        url,
        headers: { cookie, 'x-csrf-token': csrfToken, ...headers },
        ...(body === undefined ? {} : { payload: body as object }),
      }),
  };
}
