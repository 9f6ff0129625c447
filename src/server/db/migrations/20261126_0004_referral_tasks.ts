import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/**
 * Narrow, checked doors through the row-level-security backstop of migration 0003 for the few
 * things a provider's or partner's action must cause outside their own rows.
 *
 * Why functions and not grants: the external role must keep having no grant at all on tasks,
 * signals and escalations (a query that strays there must fail), and must not see other
 * providers' contracts or referrals. Yet
 *  - a refusal or an extension proposal must put a task on the client's coach's list;
 *  - a provider's ladder measurement completes the coach's open ladder task;
 *  - a partner's outcome must report back the signal escalation it came from;
 *  - a transfer to another provider creates that provider's referral on its contract, checked
 *    against the contract's period, municipalities and capacity, which the first provider
 *    cannot read.
 * Each function below does exactly one of these, as the owner (security definer), and first
 * checks that the caller's own organisation is entitled to it: an external caller (the setting
 * meedoen.external_organisation_id is set by authz/boundary.ts) only for a client or referral of
 * its own organisation. Staff run as the owner and call the same functions, so each rule lives
 * in one place. Execution is revoked from PUBLIC and granted to meedoen_external only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, /* sql */ `
    -- Whether a client can be referred on a contract today, or why not (null = yes). Locks the
    -- contract row so two referrals can never both take the last place. Codes: unknown_contract,
    -- provider_inactive, period, municipality, already_referred, full.
    create function meedoen_referral_blocker(p_contract uuid, p_client uuid, p_on date) returns text
      language plpgsql security definer set search_path = public as $$
      declare
        v_contract contracts%rowtype;
        v_municipality uuid;
        v_organisation uuid;
      begin
        if meedoen_external_org() is not null and not meedoen_external_reaches(p_client) then
          raise exception 'meedoen_referral_blocker: client not reached by the caller' using errcode = '42501';
        end if;
        select * into v_contract from contracts where id = p_contract for update;
        if not found then return 'unknown_contract'; end if;
        select municipality_id, organisation_id into v_municipality, v_organisation from clients where id = p_client;
        if not found or v_organisation <> v_contract.organisation_id then return 'unknown_contract'; end if;
        if not exists (select 1 from external_organisations x where x.id = v_contract.provider_id and x.active) then return 'provider_inactive'; end if;
        if p_on < v_contract.starts_on or p_on > v_contract.ends_on then return 'period'; end if;
        if not exists (select 1 from contract_municipalities cm where cm.contract_id = p_contract and cm.municipality_id = v_municipality) then
          return 'municipality';
        end if;
        if exists (
          select 1 from referrals r
          where r.client_id = p_client and r.external_organisation_id = v_contract.provider_id and r.status in ('requested', 'accepted', 'active')
        ) then
          return 'already_referred';
        end if;
        if (select count(*) from referrals r where r.contract_id = p_contract and r.status in ('requested', 'accepted', 'active')) >= v_contract.capacity then
          return 'full';
        end if;
        return null;
      end
    $$;

    -- A trajectory transferred to another provider: that provider's new referral on the chosen
    -- contract, copying what the coach decided to share and on which ground. Only for a referral
    -- of the caller's own organisation that was just transferred and has no successor yet.
    create function meedoen_refer_onward(p_from uuid, p_contract uuid, p_question text, p_user uuid)
      returns table (referral_id uuid, provider_name text, product text)
      language plpgsql security definer set search_path = public as $$
      declare
        v_from referrals%rowtype;
        v_contract contracts%rowtype;
        v_from_name text;
        v_id uuid;
      begin
        select * into v_from from referrals where id = p_from for update;
        if not found or v_from.kind <> 'trajectory' or v_from.status <> 'transferred' or v_from.next_referral_id is not null
           or (meedoen_external_org() is not null and v_from.external_organisation_id <> meedoen_external_org()) then
          raise exception 'meedoen_refer_onward: not a fresh transfer of the caller' using errcode = '42501';
        end if;
        select * into v_contract from contracts where id = p_contract and organisation_id = v_from.organisation_id;
        if not found then
          raise exception 'meedoen_refer_onward: unknown contract' using errcode = '42501';
        end if;
        select name into v_from_name from external_organisations where id = v_from.external_organisation_id;
        insert into referrals (organisation_id, client_id, external_organisation_id, status, kind, contract_id, question, shared_fields, consent_given, legal_ground, requested_by)
          values (v_from.organisation_id, v_from.client_id, v_contract.provider_id, 'requested', 'trajectory', v_contract.id, p_question,
                  v_from.shared_fields, v_from.consent_given, v_from.legal_ground, p_user)
          returning id into v_id;
        insert into referral_transitions (organisation_id, referral_id, from_status, to_status, reason, actor_id)
          values (v_from.organisation_id, v_id, null, 'requested', 'Overgedragen door ' || v_from_name, p_user);
        update referrals set next_referral_id = v_id where id = p_from;
        return query select v_id, x.name, v_contract.product from external_organisations x where x.id = v_contract.provider_id;
      end
    $$;

    -- A task for the client's coach that an external action calls for: a refused referral or a
    -- proposed extension to assess. The rule key keeps a repeated call from making a second task.
    create function meedoen_create_coach_task(p_client uuid, p_kind text, p_title text, p_due date, p_rule_key text, p_user uuid) returns void
      language plpgsql security definer set search_path = public as $$
      begin
        if p_kind not in ('verwijzing_beoordelen', 'verlenging_beoordelen') or p_rule_key is null
           or (meedoen_external_org() is not null and not meedoen_external_referred(p_client)) then
          raise exception 'meedoen_create_coach_task: not allowed' using errcode = '42501';
        end if;
        insert into tasks (organisation_id, client_id, assignee_id, kind, title, due_on, rule_key, created_by)
          select c.organisation_id, c.id, c.coach_id, p_kind, p_title, p_due, p_rule_key, p_user from clients c where c.id = p_client
          on conflict (organisation_id, rule_key) where rule_key is not null do nothing;
      end
    $$;

    -- Completes the client's open tasks of a kind (optionally only those whose rule key starts
    -- with a prefix, i.e. of one referral): the extension was decided, the referral withdrawn,
    -- or the ladder measured at the start or end of a trajectory.
    create function meedoen_complete_coach_tasks(p_client uuid, p_kind text, p_rule_key_prefix text, p_user uuid) returns void
      language plpgsql security definer set search_path = public as $$
      begin
        if p_kind not in ('verwijzing_beoordelen', 'verlenging_beoordelen', 'ladder_meting')
           or (meedoen_external_org() is not null and not meedoen_external_referred(p_client)) then
          raise exception 'meedoen_complete_coach_tasks: not allowed' using errcode = '42501';
        end if;
        update tasks set status = 'afgerond', completed_at = now(), completed_by = p_user
          where client_id = p_client and kind = p_kind and status = 'open'
            and (p_rule_key_prefix is null or left(rule_key, length(p_rule_key_prefix)) = p_rule_key_prefix);
      end
    $$;

    -- A partner's outcome reports back the signal escalation its referral came from, as the
    -- coach's own report does (signals.service reportOutcome): the escalation is answered and a
    -- signal with no open escalation left goes back to 'in_behandeling'. An escalation already
    -- answered (by the coach) is left as it is.
    create function meedoen_report_escalation_outcome(p_escalation uuid, p_outcome text, p_user uuid) returns void
      language plpgsql security definer set search_path = public as $$
      declare
        v_signal uuid;
      begin
        if not exists (
          select 1 from referrals r
          where r.escalation_id = p_escalation and (meedoen_external_org() is null or r.external_organisation_id = meedoen_external_org())
        ) then
          raise exception 'meedoen_report_escalation_outcome: not allowed' using errcode = '42501';
        end if;
        update escalations set status = 'teruggemeld', outcome = p_outcome, reported_at = now(), reported_by = p_user
          where id = p_escalation and status = 'open'
          returning signal_id into v_signal;
        if v_signal is not null and not exists (select 1 from escalations e where e.signal_id = v_signal and e.status = 'open') then
          update signals set status = 'in_behandeling', version = version + 1 where id = v_signal and status = 'geescaleerd';
        end if;
      end
    $$;

    revoke execute on function meedoen_referral_blocker(uuid, uuid, date), meedoen_refer_onward(uuid, uuid, text, uuid),
      meedoen_create_coach_task(uuid, text, text, date, text, uuid), meedoen_complete_coach_tasks(uuid, text, text, uuid),
      meedoen_report_escalation_outcome(uuid, text, uuid) from public;
    grant execute on function meedoen_referral_blocker(uuid, uuid, date), meedoen_refer_onward(uuid, uuid, text, uuid),
      meedoen_create_coach_task(uuid, text, text, date, text, uuid), meedoen_complete_coach_tasks(uuid, text, text, uuid),
      meedoen_report_escalation_outcome(uuid, text, uuid) to meedoen_external;
  `);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
