import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/**
 * The backstop's policy on enrolments (0003, made inlinable in 0018) as two `in` lists instead of
 * two correlated `exists`.
 *
 * Same rows, row for row: an enrolment only in a cohort of one of the caller's own modules and only
 * while its client has a requested, accepted or active referral to the caller's organisation
 * (cohort_id and client_id are never null, so `in` and `exists` agree). The difference is the
 * plan. PostgreSQL turned the referral `exists` into a hashed list already, but ran the cohort
 * `exists` (a join of cohorts and modules) once per row checked, and attendance is checked through
 * this policy: a cohort overview (12 placed, 10 sessions) ran it some 120 times. As an `in` list
 * the provider's own cohorts are read once per statement and each row costs a hash lookup:
 * reading a cohort's attendance as a provider 2.1 → 1.1 ms of PostgreSQL CPU, the enrolment list
 * 3.8 → 2.6 ms (100,000 clients).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, /* sql */ `
    alter policy external_enrolments on enrolments using (
      enrolments.cohort_id in (
        select c.id from cohorts c join modules m on m.id = c.module_id
        where m.provider_id = meedoen_external_org()
      )
      and enrolments.client_id in (
        select r.client_id from referrals r
        where r.external_organisation_id = meedoen_external_org()
          and r.status in ('requested', 'accepted', 'active')
      )
    );
  `);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
