import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { CompiledQuery, Kysely, PostgresDialect, type Compilable, type Transaction } from 'kysely';
import { KyselyPGlite } from 'kysely-pglite';
import pg from 'pg';
import type { DB } from './schema.ts';

/** Either the database or an open transaction: what every repository function takes first. */
export type Executor = Kysely<DB> | Transaction<DB>;

/**
 * A lookup by one key that is built and compiled on first use and then only run: for statements
 * on the path of every request, where building and compiling a Kysely query of a few joins costs
 * ~0.015 ms of CPU, a third of its round trip. `build` must use its key as the query's one and
 * only parameter (checked on first use). Both dialects compile to the same SQL.
 */
export function compiledLookup<Row>(build: (db: Executor, key: string) => Compilable<Row>): (db: Executor, key: string) => Promise<Row[]> {
  let compiled: CompiledQuery<Row> | undefined;
  return async (db, key) => {
    if (!compiled) {
      const candidate = build(db, '\u0000key').compile();
      if (candidate.parameters.length !== 1 || candidate.parameters[0] !== '\u0000key') throw new Error('compiledLookup: the key must be the only parameter');
      compiled = candidate;
    }
    return (await db.executeQuery(CompiledQuery.raw(compiled.sql, [key]) as CompiledQuery<Row>)).rows;
  };
}

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

/** Distinct statements a connection keeps prepared; beyond this, queries run unnamed as before. */
const MAX_PREPARED_PER_CONNECTION = 1000;
/** Queries with more parameters are mostly variable-length IN lists: preparing them would not be reused. */
const MAX_PREPARED_PARAMETERS = 64;

/**
 * Makes a pg connection run parameterised queries as named prepared statements. PostgreSQL then
 * parses and plans each distinct query once per connection instead of on every request; for the
 * joins behind a caseload or a session check, planning cost more than executing (2.3 ms against
 * 1.4 ms at 100,000 clients).
 */
function usePreparedStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const names = new Map<string, string>();
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (text: unknown, values?: unknown, callback?: unknown) => {
    if (typeof text === 'string' && Array.isArray(values) && values.length > 0 && values.length <= MAX_PREPARED_PARAMETERS && callback === undefined) {
      let name = names.get(text);
      if (!name && names.size < MAX_PREPARED_PER_CONNECTION) {
        name = `m_${createHash('sha1').update(text).digest('hex').slice(0, 40)}`;
        names.set(text, name);
      }
      if (name) return query({ name, text, values });
    }
    return query(text, values, callback);
  };
}

/** Opens PostgreSQL when a URL is given, otherwise embedded PGlite in dataDir ('memory://' for tests). */
export async function openDatabase(options: { databaseUrl?: string; dataDir?: string; poolSize?: number }): Promise<Database> {
  if (options.databaseUrl) {
    // JIT off: our statements are index reads and bounded aggregates; with the default thresholds
    // a row misestimate made PostgreSQL spend 5 s compiling one KPI statement that runs in 0.4 s
    // without it (bench, 100,000 clients). An `options` in DATABASE_URL still wins over this one.
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10, options: '-c jit=off' });
    // An idle connection that the server ends (restart, admin shutdown) must not crash the process;
    // the pool replaces it on next use. 57P01 is the server's own shutdown notice.
    pool.on('error', (error: Error & { code?: string }) => {
      if (error.code !== '57P01') console.error(`PostgreSQL connection error: ${error.message}`);
    });
    pool.on('connect', (client) => usePreparedStatements(client));
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
