import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Role } from '../../shared/roles.ts';
import { buildApp } from '../app.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrator.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../modules/demo/demo-accounts.ts';
import { seedDemo } from '../modules/demo/demo-seed.ts';
import { testConfig } from './test-app.ts';

/**
 * The real server on a random loopback port, on a fresh in-memory PGlite with the demo
 * organisation, serving the built web UI: what the browser tests drive.
 */
export async function startTestServer(options: { clients?: number; webRoot?: string; config?: Record<string, string> } = {}) {
  const config = testConfig(options.config);
  const database = await openDatabase({ dataDir: 'memory://' });
  await migrateToLatest(database.db);
  await seedDemo(database.db, { clients: options.clients ?? 60, pseudonymKey: config.pseudonymKey });
  // webRoot: a private copy of the build keeps a suite's lazily loaded pages stable while dist/web is rebuilt.
  const app = await buildApp({ db: database.db, config, logger: false, webRoot: options.webRoot ?? resolve('dist/web') });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const accounts = Object.fromEntries(
    Object.entries(DEMO_ACCOUNTS).map(([role, a]) => [role, { email: a.email, password: DEMO_PASSWORD }]),
  ) as Record<Role, { email: string; password: string }>;
  return {
    url: `http://127.0.0.1:${port}`,
    accounts,
    db: database.db,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
