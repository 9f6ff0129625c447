import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/**
 * Whether a trajectory was measured at its start and at its end, on the referral itself.
 *
 * Every referral list item says which measurement is still missing. It asked ladder_measurements
 * twice per row (`exists … occasion = 'trajectory_start'` and `… 'trajectory_end'`), and under the
 * provider's row-level-security backstop each of those subqueries carries the policy of
 * ladder_measurements (an `exists` over referrals) into the plan: 0.9 ms of PostgreSQL CPU per
 * subquery for a page of 50, a third of the provider's referral list (issue 4). Two columns, kept by
 * a trigger on the only event that changes them (a measurement linked to a referral is inserted;
 * measurements are never updated or deleted), answer the same question from the row already read.
 *
 * The trigger runs with the rights of whoever inserts the measurement (no security definer): under
 * the backstop a provider can only mark its own organisation's referrals, as the policy
 * external_referrals allows it to update them anyway; the version is left alone, as a measurement
 * never changed it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, /* sql */ `
    alter table referrals
      add column start_measured boolean not null default false,
      add column end_measured boolean not null default false;

    update referrals r set start_measured = true
      where exists (select 1 from ladder_measurements lm where lm.referral_id = r.id and lm.occasion = 'trajectory_start');
    update referrals r set end_measured = true
      where exists (select 1 from ladder_measurements lm where lm.referral_id = r.id and lm.occasion = 'trajectory_end');

    create function meedoen_referral_measured() returns trigger language plpgsql set search_path = public as $$
    begin
      update referrals
        set start_measured = start_measured or new.occasion = 'trajectory_start',
            end_measured = end_measured or new.occasion = 'trajectory_end'
        where id = new.referral_id;
      return null;
    end
    $$;
    grant execute on function meedoen_referral_measured() to meedoen_external;
    create trigger ladder_measurements_referral_measured
      after insert on ladder_measurements
      for each row when (new.referral_id is not null and new.occasion in ('trajectory_start', 'trajectory_end'))
      execute function meedoen_referral_measured();
  `);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
