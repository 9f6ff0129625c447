import { Kysely, PostgresDialect, type CompiledQuery } from 'kysely';
import pg from 'pg';
import type { DB } from '../db/schema.ts';
import { KPI_DEFINITIONS } from '../modules/kpi/kpi-registry.ts';
import { kpiBenchQueries } from './kpi-scenarios.ts';

/**
 * `npm run bench -- --explain`: every SQL statement each figure runs for the KPI scenarios'
 * queries (largest municipality and whole organisation, one year), with its plan from
 * EXPLAIN (ANALYZE, BUFFERS), slowest first per figure, so an index or a rewrite can be judged on
 * the bench database itself.
 */
export async function explainFigures(databaseUrl: string, write: (line: string) => void): Promise<void> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  let captured: CompiledQuery[] = [];
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    log(event) {
      if (event.level === 'query') captured.push(event.query);
    },
  });
  try {
    for (const { scope, query } of await kpiBenchQueries(db)) {
      for (const definition of KPI_DEFINITIONS) {
        captured = [];
        await definition.compute(db, query);
        const statements = captured;
        captured = [];
        const plans: { ms: number; text: string }[] = [];
        for (const statement of statements) {
          const { rows } = await pool.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${statement.sql}`, [...statement.parameters]);
          const text = rows.map((r) => r['QUERY PLAN']).join('\n');
          const ms = Number(/Execution Time: ([\d.]+) ms/.exec(text)?.[1] ?? 0);
          plans.push({ ms, text: `${statement.sql.replace(/\s+/g, ' ').slice(0, 400)}\n-- parameters: ${JSON.stringify(statement.parameters)}\n${text}` });
        }
        plans.sort((a, b) => b.ms - a.ms);
        write(`\n=== ${definition.key} (${scope}): ${plans.length} statement(s), ${plans.reduce((s, p) => s + p.ms, 0).toFixed(1)} ms in all ===`);
        for (const plan of plans) write(`\n--- ${plan.ms.toFixed(1)} ms\n${plan.text}`);
      }
    }
  } finally {
    await db.destroy();
  }
}
