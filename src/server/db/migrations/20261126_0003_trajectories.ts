import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/**
 * Providers, contracts, referrals and trajectories, group modules with cohorts, sessions, a
 * waiting list and attendance, collective starts, and projects. Ends with the row-level-security
 * backstop for the provider and partner boundary (see the comment there).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, /* sql */ `
    -- Providers and network partners get what the service needs to work with them.
    alter table external_organisations
      add column partner_kind text check (partner_kind in ('taalhuis', 'bibliotheek', 'buurtteam', 'schuldhulp', 'sportclub', 'overig')),
      add column contact_name text,
      add column contact_email text,
      add column contact_phone text,
      add column active boolean not null default true,
      add column updated_at timestamptz not null default now(),
      add constraint external_organisations_partner_kind_ck check (partner_kind is null or kind = 'partner');

    -- A purchase agreement with a provider: one product, a period, a price per trajectory and a
    -- capacity. Two contracts may overlap in a transition year in which two providers share the work.
    create table contracts (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      provider_id uuid not null references external_organisations(id),
      product text not null,
      -- The ladder steps the product is meant for (e.g. trede 1–2), when it says so.
      ladder_from smallint check (ladder_from between 1 and 6),
      ladder_to smallint check (ladder_to between 1 and 6),
      starts_on date not null,
      ends_on date not null,
      price_cents integer not null check (price_cents >= 0),
      capacity integer not null check (capacity > 0),
      -- Default trajectory length; the end date a referral is planned to reach.
      duration_months smallint not null default 12 check (duration_months between 1 and 36),
      notes text,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (ends_on >= starts_on),
      check (ladder_from is null or ladder_to is null or ladder_from <= ladder_to)
    );
    create index contracts_provider_idx on contracts (organisation_id, provider_id, starts_on);

    -- The municipalities whose clients a contract covers.
    create table contract_municipalities (
      contract_id uuid not null references contracts(id),
      municipality_id uuid not null references municipalities(id),
      organisation_id uuid not null references organisations(id),
      primary key (contract_id, municipality_id)
    );

    -- The referral grows from the foundation's scope link into the trajectory it is.
    alter table referrals
      add column kind text not null default 'trajectory' check (kind in ('trajectory', 'partner')),
      add column contract_id uuid references contracts(id),
      add column question text not null default '',
      -- Which optional parts of the dossier the provider may read (minimal by default):
      -- 'date_of_birth', 'contact', 'address', 'route', 'ladder'.
      add column shared_fields text[] not null default '{}',
      -- Consent of the client, or the legal ground named instead.
      add column consent_given boolean not null default false,
      add column legal_ground text,
      add column requested_by uuid references users(id),
      add column requested_at timestamptz not null default now(),
      add column decided_at timestamptz,
      add column decided_by uuid references users(id),
      add column refusal_reason text,
      add column provider_coach_id uuid references users(id),
      add column started_on date,
      add column planned_end_on date,
      add column ended_on date,
      -- Why a trajectory stopped early (a code from the shared list) with a free explanation.
      add column stop_reason text,
      add column end_note text,
      -- Where a transferred trajectory went: another provider's referral or a work-oriented trajectory.
      add column transferred_to text check (transferred_to in ('provider', 'work_trajectory')),
      add column next_referral_id uuid references referrals(id),
      -- The provider coach's advice at the end.
      add column advice_next_step text,
      add column advice text,
      -- An extension of up to a year, proposed by the provider and decided by the coach.
      add column extension_status text check (extension_status in ('proposed', 'approved', 'refused')),
      add column extension_until date,
      add column extension_motivation text,
      add column extension_decided_by uuid references users(id),
      add column extension_decided_at timestamptz,
      add column withdrawal_reason text,
      -- A partner referral's reported outcome.
      add column outcome text,
      -- The signal escalation this partner referral came from, if any.
      add column escalation_id uuid references escalations(id),
      add column version integer not null default 1,
      -- A partner referral has no contract; a trajectory's contract is required by the service (older
      -- rows from before this migration have none).
      add constraint referrals_kind_contract_ck check (kind = 'trajectory' or contract_id is null);
    -- A provider's referral list: open referrals of one provider, newest first.
    create index referrals_provider_list_idx on referrals (external_organisation_id, status, requested_at desc);
    -- Contract use: referrals per contract and state.
    create index referrals_contract_idx on referrals (contract_id, status) where contract_id is not null;

    -- Every state change of a referral: who, when, why.
    create table referral_transitions (
      id bigint generated always as identity primary key,
      organisation_id uuid not null references organisations(id),
      referral_id uuid not null references referrals(id),
      from_status text,
      to_status text not null,
      reason text,
      actor_id uuid references users(id),
      occurred_at timestamptz not null default now()
    );
    create index referral_transitions_referral_idx on referral_transitions (referral_id, occurred_at);

    -- Progress reports by the provider coach during a trajectory.
    create table referral_progress (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      referral_id uuid not null references referrals(id),
      reported_on date not null,
      summary text not null,
      author_id uuid references users(id),
      created_at timestamptz not null default now()
    );
    create index referral_progress_referral_idx on referral_progress (referral_id, reported_on desc);

    -- A ladder measurement at the start or end of a trajectory belongs to its referral.
    alter table ladder_measurements add column referral_id uuid references referrals(id);
    create index ladder_measurements_referral_idx on ladder_measurements (referral_id) where referral_id is not null;

    -- Group modules, offered by a provider or by the service itself (provider_id null).
    create table modules (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      provider_id uuid references external_organisations(id),
      name text not null,
      description text not null default '',
      active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create unique index modules_name_idx on modules (organisation_id, coalesce(provider_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(name));

    -- A cohort of a module: starts at one moment, rolling enrolment, a capacity and a waiting list.
    -- A collective start invites a group, selects after intake conversations, starts them together.
    create table cohorts (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      module_id uuid not null references modules(id),
      label text not null,
      starts_on date not null,
      ends_on date,
      capacity integer not null check (capacity > 0),
      location text,
      collective boolean not null default false,
      status text not null default 'gepland' check (status in ('gepland', 'lopend', 'afgerond', 'geannuleerd')),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (ends_on is null or ends_on >= starts_on)
    );
    create index cohorts_module_idx on cohorts (module_id, starts_on);
    create index cohorts_org_idx on cohorts (organisation_id, starts_on);

    create table cohort_sessions (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      cohort_id uuid not null references cohorts(id),
      starts_at timestamptz not null,
      ends_at timestamptz,
      topic text,
      created_at timestamptz not null default now()
    );
    create index cohort_sessions_cohort_idx on cohort_sessions (cohort_id, starts_at);

    -- A client in a cohort. 'waiting' is the waiting list (first come, first served unless the
    -- coach prioritises); 'invited', 'selected' and 'not_selected' belong to a collective start.
    create table enrolments (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      cohort_id uuid not null references cohorts(id),
      client_id uuid not null references clients(id),
      referral_id uuid references referrals(id),
      status text not null check (status in ('invited', 'selected', 'not_selected', 'waiting', 'placed', 'completed', 'left')),
      priority boolean not null default false,
      requested_at timestamptz not null default now(),
      placed_at timestamptz,
      ended_at timestamptz,
      end_reason text,
      intake_note text,
      enrolled_by uuid references users(id),
      version integer not null default 1,
      unique (cohort_id, client_id)
    );
    -- The waiting list in order: prioritised first, then first come, first served.
    create index enrolments_waiting_idx on enrolments (cohort_id, priority desc, requested_at) where status = 'waiting';
    -- Seats taken per cohort, and a client's modules.
    create index enrolments_cohort_status_idx on enrolments (cohort_id, status);
    create index enrolments_client_idx on enrolments (client_id);

    create table attendance (
      session_id uuid not null references cohort_sessions(id),
      enrolment_id uuid not null references enrolments(id),
      organisation_id uuid not null references organisations(id),
      status text not null check (status in ('aanwezig', 'afgemeld', 'afwezig')),
      note text,
      recorded_by uuid references users(id),
      recorded_at timestamptz not null default now(),
      primary key (session_id, enrolment_id)
    );
    create index attendance_enrolment_idx on attendance (enrolment_id);

    -- Time-bound initiatives (a sports project, a literacy drive) with their own participants.
    create table projects (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      name text not null,
      description text not null default '',
      municipality_id uuid references municipalities(id),
      starts_on date not null,
      ends_on date,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (ends_on is null or ends_on >= starts_on),
      unique (organisation_id, name)
    );
    create table project_participants (
      project_id uuid not null references projects(id),
      client_id uuid not null references clients(id),
      organisation_id uuid not null references organisations(id),
      joined_on date not null,
      left_on date,
      added_by uuid references users(id),
      primary key (project_id, client_id),
      check (left_on is null or left_on >= joined_on)
    );
    create index project_participants_client_idx on project_participants (client_id);

    alter table tasks drop constraint tasks_kind_check;
    alter table tasks add constraint tasks_kind_check
      check (kind in ('handmatig', 'jaargesprek', 'ladder_meting', 'traject_eindigt', 'signaal_opvolging', 'verlenging_beoordelen', 'verwijzing_beoordelen'));
  `);

  /*
   * Row-level security: the backstop under the provider and partner boundary.
   *
   * The policies and SQL scopes already keep an external user to the clients referred to their
   * own organisation. This is the second line: every transaction of a provider coach or partner
   * runs as the database role meedoen_external (SET LOCAL ROLE, see authz/boundary.ts), with
   * their organisation in the setting meedoen.external_organisation_id. That role
   *  - has no grant at all on notes, signals, escalations, tasks, route history, sessions or the
   *    audit trail, so a query that strays there fails instead of leaking;
   *  - sees rows of clients, referrals, measurements, enrolments, modules and contracts only
   *    through the policies below, tied to an open referral to its own organisation.
   * The service's own staff run as the owner, whom RLS does not restrict. A later migration that
   * adds a table an external user must reach grants it here explicitly.
   */
  await runSqlScript(db, /* sql */ `
    do $$ begin
      create role meedoen_external nologin;
    exception when duplicate_object then null;
    end $$;
    do $$ begin
      execute format('grant meedoen_external to %I', current_user);
    exception when others then null;
    end $$;

    create function meedoen_external_org() returns uuid language sql stable as $$
      select nullif(current_setting('meedoen.external_organisation_id', true), '')::uuid
    $$;
    -- Security definer: the open-referral check itself must read referrals unrestricted, or the
    -- policy on clients would recurse through the policy on referrals.
    create function meedoen_external_reaches(p_client uuid) returns boolean language sql stable security definer set search_path = public as $$
      select exists (
        select 1 from referrals r
        where r.client_id = p_client
          and r.external_organisation_id = meedoen_external_org()
          and r.status in ('requested', 'accepted', 'active')
      )
    $$;
    create function meedoen_external_referred(p_client uuid) returns boolean language sql stable security definer set search_path = public as $$
      select exists (select 1 from referrals r where r.client_id = p_client and r.external_organisation_id = meedoen_external_org())
    $$;
    create function meedoen_external_owns_cohort(p_cohort uuid) returns boolean language sql stable security definer set search_path = public as $$
      select exists (select 1 from cohorts c join modules m on m.id = c.module_id where c.id = p_cohort and m.provider_id = meedoen_external_org())
    $$;

    grant usage on schema public to meedoen_external;
    grant execute on function meedoen_external_org(), meedoen_external_reaches(uuid), meedoen_external_referred(uuid), meedoen_external_owns_cohort(uuid) to meedoen_external;
    grant select on organisations, municipalities, teams, processing_activities to meedoen_external;
    grant select (id, organisation_id, display_name, role, team_id, external_organisation_id, disabled_at) on users to meedoen_external;
    grant select on external_organisations, contracts, contract_municipalities, modules, cohorts, cohort_sessions to meedoen_external;
    grant select on clients to meedoen_external;
    -- A measurement at the start or end of a trajectory keeps the client's ladder summary in step.
    grant update (ladder_step, ladder_growth_potential, ladder_measured_on, updated_at) on clients to meedoen_external;
    grant select, update on referrals to meedoen_external;
    grant select, insert on referral_transitions, referral_progress, ladder_measurements to meedoen_external;
    grant select, insert, update on enrolments, attendance to meedoen_external;
    grant insert on timeline_events, processing_log to meedoen_external;
    grant usage on all sequences in schema public to meedoen_external;

    alter table clients enable row level security;
    create policy external_clients on clients to meedoen_external using (meedoen_external_reaches(id));

    alter table referrals enable row level security;
    create policy external_referrals on referrals to meedoen_external using (external_organisation_id = meedoen_external_org());

    alter table referral_transitions enable row level security;
    create policy external_referral_transitions on referral_transitions to meedoen_external
      using (exists (select 1 from referrals r where r.id = referral_id));
    alter table referral_progress enable row level security;
    create policy external_referral_progress on referral_progress to meedoen_external
      using (exists (select 1 from referrals r where r.id = referral_id));

    alter table ladder_measurements enable row level security;
    create policy external_ladder on ladder_measurements to meedoen_external using (meedoen_external_reaches(client_id));

    alter table external_organisations enable row level security;
    create policy external_self on external_organisations to meedoen_external using (id = meedoen_external_org());
    alter table contracts enable row level security;
    create policy external_contracts on contracts to meedoen_external using (provider_id = meedoen_external_org());
    alter table contract_municipalities enable row level security;
    create policy external_contract_municipalities on contract_municipalities to meedoen_external
      using (exists (select 1 from contracts c where c.id = contract_id));
    alter table modules enable row level security;
    create policy external_modules on modules to meedoen_external using (provider_id = meedoen_external_org());
    alter table cohorts enable row level security;
    create policy external_cohorts on cohorts to meedoen_external using (exists (select 1 from modules m where m.id = module_id));
    alter table cohort_sessions enable row level security;
    create policy external_cohort_sessions on cohort_sessions to meedoen_external using (exists (select 1 from cohorts c where c.id = cohort_id));
    alter table enrolments enable row level security;
    create policy external_enrolments on enrolments to meedoen_external
      using (meedoen_external_owns_cohort(cohort_id) and meedoen_external_reaches(client_id));
    alter table attendance enable row level security;
    create policy external_attendance on attendance to meedoen_external using (exists (select 1 from enrolments e where e.id = enrolment_id));

    -- Appends only, and only about clients referred to the organisation (the referral may have
    -- just ended in the same transaction, so any referral counts here).
    alter table timeline_events enable row level security;
    create policy external_timeline on timeline_events for insert to meedoen_external with check (meedoen_external_referred(client_id));
    alter table processing_log enable row level security;
    create policy external_processing_log on processing_log for insert to meedoen_external
      with check (organisation_id = nullif(current_setting('meedoen.organisation_id', true), '')::uuid);
  `);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
