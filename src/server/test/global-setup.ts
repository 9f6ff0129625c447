import { existsSync } from 'node:fs';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { sql } from 'kysely';

/**
 * Runs once before the suite: fails fast and clearly when the local PostgreSQL server is not
 * reachable (every DB test runs against it too) or the web UI has not been built.
 */
export default async function setup(): Promise<void> {
  const config = loadConfig();
  const admin = await openDatabase({ databaseUrl: config.testPostgresUrl, poolSize: 1 });
  try {
    await sql`select 1`.execute(admin.db);
  } catch (error) {
    throw new Error(`PostgreSQL is not reachable at ${config.testPostgresUrl}: ${(error as Error).message}`);
  } finally {
    await admin.close();
  }
  if (!existsSync('dist/web/index.html')) {
    console.warn('dist/web is not built: browser tests will fail. `npm test` builds it first.');
  }
}
