import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/**
 * What a provider coach needs to run their own organisation's cohorts under the row-level-security
 * backstop of migration 0003, and a seat count that the backstop does not distort.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, /* sql */ `
    -- A provider coach plans cohorts of their own modules, changes them and adds sessions
    -- (cohorts:manage). Enrolling locks the cohort row (select … for update) so two enrolments
    -- can never both take the last seat; that lock needs the update privilege too. The existing
    -- policies external_cohorts and external_cohort_sessions (for all, using only) also check
    -- new and changed rows, so a provider still reaches only cohorts of its own modules.
    grant insert, update on cohorts, cohort_sessions to meedoen_external;

    -- Seats taken in a cohort, counted over all its enrolments. Under the backstop a provider
    -- sees only enrolments of clients with an open referral to it; a participant whose
    -- referral ended still holds a seat, and counting only the visible rows would overfill the
    -- cohort. Counts carry no personal data; an external caller gets them only for a cohort of
    -- its own organisation's modules.
    create function meedoen_cohort_counts(p_cohort uuid)
      returns table (placed integer, waiting integer, invited integer, selected integer)
      language sql stable security definer set search_path = public as $$
        select
          (count(*) filter (where e.status = 'placed'))::int,
          (count(*) filter (where e.status = 'waiting'))::int,
          (count(*) filter (where e.status = 'invited'))::int,
          (count(*) filter (where e.status = 'selected'))::int
        from enrolments e
        where e.cohort_id = p_cohort
          and (meedoen_external_org() is null or meedoen_external_owns_cohort(p_cohort))
      $$;
    grant execute on function meedoen_cohort_counts(uuid) to meedoen_external;
  `);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
