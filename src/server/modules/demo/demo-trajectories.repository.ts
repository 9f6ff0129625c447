import { sql, type Insertable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';

/** The tables the demo's trajectories, modules and projects fill, in an order that respects their keys. */
export type DemoTable =
  | 'external_organisations'
  | 'contracts'
  | 'contract_municipalities'
  | 'referrals'
  | 'referral_transitions'
  | 'referral_progress'
  | 'modules'
  | 'cohorts'
  | 'cohort_sessions'
  | 'enrolments'
  | 'attendance'
  | 'projects'
  | 'project_participants'
  | 'ladder_measurements'
  | 'client_route_changes'
  | 'report_texts';

/**
 * Bulk insert of demo rows whose ids the demo chose itself (so rows can point at each other
 * before they exist), in batches that stay under the bind-parameter limit.
 */
export async function insertDemoRows<T extends DemoTable>(db: Executor, table: T, rows: Insertable<DB[T]>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    // Kysely cannot narrow a generic table name to its row type; the signature above keeps callers typed.
    await db.insertInto(table).values(rows.slice(i, i + 500) as never).execute();
  }
}

/**
 * After trajectory measurements were added, each client's ladder summary again shows their
 * newest measurement (the summary the caseload and search read).
 */
export async function refreshLadderSummaries(db: Executor, clientIds: string[]): Promise<void> {
  if (clientIds.length === 0) return;
  await sql`
    update clients c set ladder_step = l.step, ladder_growth_potential = l.growth_potential, ladder_measured_on = l.measured_on
    from (
      select distinct on (client_id) client_id, step, growth_potential, measured_on
      from ladder_measurements where client_id in (${sql.join(clientIds)})
      order by client_id, measured_on desc, created_at desc
    ) l
    where c.id = l.client_id`.execute(db);
}
