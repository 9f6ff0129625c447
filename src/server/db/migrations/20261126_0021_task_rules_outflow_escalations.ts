import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/**
 * Task rules for a trajectory ending soon and an escalation past its due date without outcome
 * (issue 3, "Tasks and caseload"; "Signals and escalation").
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, /* sql */ `
    -- A new kind of rule task: the support team or partner has not reported back by the due date.
    alter table tasks drop constraint tasks_kind_check;
    alter table tasks add constraint tasks_kind_check
      check (kind in ('handmatig', 'jaargesprek', 'ladder_meting', 'traject_eindigt', 'signaal_opvolging', 'verlenging_beoordelen',
        'verwijzing_beoordelen', 'escalatie_verlopen'));

    -- The hourly rule run looks for running trajectories whose planned end is near; running ones
    -- are a small share of all referrals, so a partial index keeps that a short range read.
    create index referrals_active_end_idx on referrals (organisation_id, planned_end_on) where status = 'active';

    -- As in 0004, and two more kinds a provider's or partner's action may complete for the coach:
    -- "trajectory ends soon" once the trajectory ended, "escalation overdue" once the partner
    -- reported back. create or replace keeps the grant to meedoen_external.
    create or replace function meedoen_complete_coach_tasks(p_client uuid, p_kind text, p_rule_key_prefix text, p_user uuid) returns void
      language plpgsql security definer set search_path = public as $$
      begin
        if p_kind not in ('verwijzing_beoordelen', 'verlenging_beoordelen', 'ladder_meting', 'traject_eindigt', 'escalatie_verlopen')
           or (meedoen_external_org() is not null and not meedoen_external_referred(p_client)) then
          raise exception 'meedoen_complete_coach_tasks: not allowed' using errcode = '42501';
        end if;
        update tasks set status = 'afgerond', completed_at = now(), completed_by = p_user
          where client_id = p_client and kind = p_kind and status = 'open'
            and (p_rule_key_prefix is null or left(rule_key, length(p_rule_key_prefix)) = p_rule_key_prefix);
      end
    $$;
  `);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
