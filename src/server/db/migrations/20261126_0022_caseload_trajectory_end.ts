import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/**
 * The caseload shows "traject eindigt binnenkort" per client (0021), a lookup of the client's
 * running trajectory's planned end on every caseload row. On referrals_client_idx it reads all of
 * a client's referrals (three on average) and doubled the caseload query's execution time
 * (0.5–0.7 to 1.0–1.3 ms, 60 clients, 100,000-client bench); a partial index of running
 * trajectories brings it back to 0.6–0.7 ms.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, /* sql */ `
    create index referrals_running_trajectory_end_idx on referrals (client_id, planned_end_on) where status = 'active' and kind = 'trajectory';
  `);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
