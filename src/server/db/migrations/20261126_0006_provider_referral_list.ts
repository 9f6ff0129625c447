import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/**
 * The provider's referral list at scale (issue 4, "Speed": 1,000,000 clients, 3,000,000 referrals).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, /* sql */ `
    -- A provider or partner lists and counts only its own open referrals, newest first. This
    -- partial index holds just those (a few thousand per provider, however many have ended) in
    -- list order, so a page is its first 50 entries and the total one small index scan; the
    -- clients, and their row-level-security check, are then joined for that page only.
    create index referrals_open_list_idx on referrals (external_organisation_id, requested_at desc, id desc)
      where status in ('requested', 'accepted', 'active');
  `);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
