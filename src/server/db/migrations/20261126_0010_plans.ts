import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/**
 * The personal plan: Positive Health measurements, Zelfredzaamheid-Matrix measurements, goals
 * per dimension with their actions; the processing activity 'personal-plan' for organisations
 * that already exist; and read access for providers and partners to a plan that an open referral
 * shares (row-level security, see migration 0003).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, /* sql */ `
    -- A Positive Health measurement. The 42 answers ({ aspect: { score, talk } }) are the answers
    -- to a questionnaire, so JSONB; the six dimension means are real columns, computed when the
    -- measurement is recorded, so history, charts and KPIs read them without opening the answers.
    create table health_measurements (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      client_id uuid not null references clients(id),
      measured_on date not null,
      filled_by text not null check (filled_by in ('client_with_coach', 'client_alone')),
      answers jsonb not null,
      mean_lichaamsfuncties numeric(4,2) not null check (mean_lichaamsfuncties between 0 and 10),
      mean_mentaal_welbevinden numeric(4,2) not null check (mean_mentaal_welbevinden between 0 and 10),
      mean_zingeving numeric(4,2) not null check (mean_zingeving between 0 and 10),
      mean_kwaliteit_van_leven numeric(4,2) not null check (mean_kwaliteit_van_leven between 0 and 10),
      mean_meedoen numeric(4,2) not null check (mean_meedoen between 0 and 10),
      mean_dagelijks_functioneren numeric(4,2) not null check (mean_dagelijks_functioneren between 0 and 10),
      -- How many aspects the client wants to talk about: a list shows it without the answers.
      talk_count smallint not null default 0 check (talk_count between 0 and 42),
      note text,
      recorded_by uuid references users(id),
      created_at timestamptz not null default now()
    );
    -- A client's history, newest first (the web, the comparison, the dossier).
    create index health_measurements_client_idx on health_measurements (client_id, measured_on desc, created_at desc);

    -- A Zelfredzaamheid-Matrix measurement: the thirteen ZRM 2017 domains as real columns. The
    -- domain set is fixed by the instrument's version (a new version is a new migration), so a
    -- row per measurement keeps history one index read, lets each score carry its own 1–5 check,
    -- and lets KPIs aggregate a domain with a plain column, where a child table would need
    -- thirteen rows per measurement and a pivot for every chart.
    create table zrm_measurements (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      client_id uuid not null references clients(id),
      measured_on date not null,
      financien smallint not null check (financien between 1 and 5),
      werk_opleiding smallint not null check (werk_opleiding between 1 and 5),
      tijdsbesteding smallint not null check (tijdsbesteding between 1 and 5),
      huisvesting smallint not null check (huisvesting between 1 and 5),
      huiselijke_relaties smallint not null check (huiselijke_relaties between 1 and 5),
      geestelijke_gezondheid smallint not null check (geestelijke_gezondheid between 1 and 5),
      lichamelijke_gezondheid smallint not null check (lichamelijke_gezondheid between 1 and 5),
      middelengebruik smallint not null check (middelengebruik between 1 and 5),
      basale_adl smallint not null check (basale_adl between 1 and 5),
      instrumentele_adl smallint not null check (instrumentele_adl between 1 and 5),
      sociaal_netwerk smallint not null check (sociaal_netwerk between 1 and 5),
      maatschappelijke_participatie smallint not null check (maatschappelijke_participatie between 1 and 5),
      justitie smallint not null check (justitie between 1 and 5),
      note text,
      recorded_by uuid references users(id),
      created_at timestamptz not null default now()
    );
    -- A client's ZRM history, newest first.
    create index zrm_measurements_client_idx on zrm_measurements (client_id, measured_on desc, created_at desc);

    -- A goal of the plan, under one Positive Health dimension.
    create table plan_goals (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      client_id uuid not null references clients(id),
      dimension text not null check (dimension in ('lichaamsfuncties', 'mentaal_welbevinden', 'zingeving', 'kwaliteit_van_leven', 'meedoen', 'dagelijks_functioneren')),
      description text not null,
      owner_kind text not null check (owner_kind in ('client', 'coach', 'other')),
      -- The name of the other person or organisation; only for owner_kind 'other'.
      owner_name text,
      due_on date,
      status text not null default 'open' check (status in ('open', 'in_progress', 'achieved', 'stopped')),
      progress smallint not null default 0 check (progress between 0 and 100),
      version integer not null default 1,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((owner_kind = 'other') = (owner_name is not null))
    );
    -- A client's goals (the plan, the PDF).
    create index plan_goals_client_idx on plan_goals (client_id, created_at);

    -- The steps towards a goal. client_id is repeated from the goal so the row-level-security
    -- policy checks the client without a join.
    create table plan_goal_actions (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      goal_id uuid not null references plan_goals(id) on delete cascade,
      client_id uuid not null references clients(id),
      description text not null,
      owner_kind text not null check (owner_kind in ('client', 'coach', 'other')),
      owner_name text,
      due_on date,
      done boolean not null default false,
      done_on date,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      check ((owner_kind = 'other') = (owner_name is not null)),
      check (done = (done_on is not null))
    );
    -- A goal's actions, in the order they were added.
    create index plan_goal_actions_goal_idx on plan_goal_actions (goal_id, created_at);

    -- The processing activity for organisations provisioned before it was in the register.
    insert into processing_activities (organisation_id, code, name, purpose, legal_ground, retention)
      select id, 'personal-plan', 'Persoonlijk plan (Positieve Gezondheid, ZRM, doelen)',
        'Samen met de cliënt doelen stellen en de voortgang volgen op weg naar participatie',
        'Participatiewet art. 7; AVG art. 6 lid 1 sub e; art. 9 lid 2 sub a (uitdrukkelijke toestemming voor gezondheidsgegevens)',
        '10 jaar na beëindiging dienstverlening'
      from organisations
      on conflict (organisation_id, code) do nothing;
  `);

  // A provider or partner reads a plan only while an open referral to its organisation shares
  // 'plan' (referrals.shared_fields). Read only: the plan is the service's and the client's.
  await runSqlScript(db, /* sql */ `
    create function meedoen_external_plan_shared(p_client uuid) returns boolean language sql stable security definer set search_path = public as $$
      select exists (
        select 1 from referrals r
        where r.client_id = p_client
          and r.external_organisation_id = meedoen_external_org()
          and r.status in ('requested', 'accepted', 'active')
          and 'plan' = any (r.shared_fields)
      )
    $$;
    grant execute on function meedoen_external_plan_shared(uuid) to meedoen_external;
    grant select on health_measurements, zrm_measurements, plan_goals, plan_goal_actions to meedoen_external;

    alter table health_measurements enable row level security;
    create policy external_health_measurements on health_measurements for select to meedoen_external using (meedoen_external_plan_shared(client_id));
    alter table zrm_measurements enable row level security;
    create policy external_zrm_measurements on zrm_measurements for select to meedoen_external using (meedoen_external_plan_shared(client_id));
    alter table plan_goals enable row level security;
    create policy external_plan_goals on plan_goals for select to meedoen_external using (meedoen_external_plan_shared(client_id));
    alter table plan_goal_actions enable row level security;
    create policy external_plan_goal_actions on plan_goal_actions for select to meedoen_external using (meedoen_external_plan_shared(client_id));
  `);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
