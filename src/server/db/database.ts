import { mkdirSync } from 'node:fs';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import { KyselyPGlite } from 'kysely-pglite';
import pg from 'pg';
import type { DB } from './schema.ts';

/** Either the database or an open transaction: what every repository function takes first. */
export type Executor = Kysely<DB> | Transaction<DB>;

export type Database = {
  db: Kysely<DB>;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
};

// `date` stays a 'YYYY-MM-DD' string: a birth date has no time zone, and Date would invent one.
const DATE_OID = 1082;
pg.types.setTypeParser(DATE_OID, (value: string) => value);
// bigint (int8) ids and counts fit comfortably in a JS number for our sizes; counts come back as numbers.
const INT8_OID = 20;
pg.types.setTypeParser(INT8_OID, (value: string) => Number(value));

/** Opens PostgreSQL when a URL is given, otherwise embedded PGlite in dataDir ('memory://' for tests). */
export async function openDatabase(options: { databaseUrl?: string; dataDir?: string; poolSize?: number }): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle connection that the server ends (restart, admin shutdown) must not crash the process;
    // the pool replaces it on next use. 57P01 is the server's own shutdown notice.
    pool.on('error', (error: Error & { code?: string }) => {
      if (error.code !== '57P01') console.error(`PostgreSQL connection error: ${error.message}`);
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  const dataDir = options.dataDir ?? 'memory://';
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir, {
    parsers: {
      [DATE_OID]: (value: string) => value,
      [INT8_OID]: (value: string) => Number(value),
    },
    serializers: {},
  });
  void pgliteTypes;
  const { dialect } = new KyselyPGlite(client);
  const db = new Kysely<DB>({ dialect });
  return {
    db,
    kind: 'pglite',
    close: async () => {
      await db.destroy();
      if (!client.closed) await client.close();
    },
  };
}
