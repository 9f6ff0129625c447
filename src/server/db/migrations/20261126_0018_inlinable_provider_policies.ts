import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/**
 * The provider and partner backstop (migration 0003) with policies PostgreSQL can inline.
 *
 * The policies on clients, ladder measurements and enrolments (0003) and on the plan's tables
 * (0010) called meedoen_external_reaches(), meedoen_external_owns_cohort() and
 * meedoen_external_plan_shared(): security-definer SQL functions, which PostgreSQL never inlines,
 * so every row checked cost a function call of 40–60 µs (some 80 for one cohort overview).
 * Here each policy says the same thing as a plain `exists` over referrals or cohorts and modules,
 * which the planner folds into the query (docs/performance.md).
 *
 * Same access as before, row for row: a client, their ladder measurements and their enrolments
 * only while a referral to the caller's organisation is requested, accepted or active (ended or
 * withdrawn: gone at once); an enrolment only in a cohort of the caller's own module; the plan
 * only while such a referral shares 'plan'. The organisation condition is written out although
 * the referrals and modules policies impose it as well, so that this policy does not depend on
 * theirs.
 *
 * No recursion: the subqueries read referrals (policy: own organisation, no subquery), cohorts
 * (policy reads modules) and modules (policy: own organisation), none of which reads these tables
 * back. The columns of the guarded table are qualified with its name: referrals has an `id` and a
 * `client_id` of its own, which an unqualified name would resolve to.
 *
 * The functions stay: the security-definer procedures of 0004, 0005 and 0013 still call them.
 */

/** A referral to the caller's organisation is requested, accepted or active for the client in `clientColumn`. */
const reaches = (clientColumn: string, andAlso = '') => /* sql */ `exists (
  select 1 from referrals r
  where r.client_id = ${clientColumn}
    and r.external_organisation_id = meedoen_external_org()
    and r.status in ('requested', 'accepted', 'active')${andAlso}
)`;

/** The plan's tables (0010): read only while such a referral shares 'plan'. */
const PLAN_POLICIES = [
  ['external_health_measurements', 'health_measurements'],
  ['external_zrm_measurements', 'zrm_measurements'],
  ['external_plan_goals', 'plan_goals'],
  ['external_plan_goal_actions', 'plan_goal_actions'],
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, /* sql */ `
    alter policy external_clients on clients using (${reaches('clients.id')});
    alter policy external_ladder on ladder_measurements using (${reaches('ladder_measurements.client_id')});
    alter policy external_enrolments on enrolments using (
      exists (
        select 1 from cohorts c join modules m on m.id = c.module_id
        where c.id = enrolments.cohort_id
          and m.provider_id = meedoen_external_org()
      )
      and ${reaches('enrolments.client_id')}
    );
    ${PLAN_POLICIES.map(([policy, table]) => `alter policy ${policy} on ${table} using (${reaches(`${table}.client_id`, " and 'plan' = any (r.shared_fields)")});`).join('\n')}
  `);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
