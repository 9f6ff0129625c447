import Fastify from 'fastify';
import { sql } from 'kysely';
import { openDatabase } from '../db/database.ts';

/**
 * The floor of an endpoint scenario: a bare Fastify route doing one trivial query on the same
 * database, measured in the same run. Started as a child process by the benchmark.
 */
const [databaseUrl, port] = [process.argv[2]!, Number(process.argv[3])];
const database = await openDatabase({ databaseUrl, poolSize: 10 });
const app = Fastify({ logger: false });
app.get('/floor', async () => {
  const result = await sql<{ one: number }>`select 1 as one`.execute(database.db);
  return { one: result.rows[0]!.one };
});
await app.listen({ port, host: '127.0.0.1' });
process.stdout.write('ready\n');
