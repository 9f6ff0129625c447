import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/**
 * The coach's desk: the full client record (contact, address, benefit, target groups, route),
 * route history, participatieladder measurements, contact moments and notes, signals and
 * escalations, tasks, and the client timeline that every module writes to.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, /* sql */ `
    -- Client numbers are handed out per organisation from this counter (C100001, C100002, …).
    alter table organisations add column client_number_counter bigint not null default 100000;

    alter table clients
      -- Optimistic concurrency: the ETag of a client; every update bumps it.
      add column version integer not null default 1,
      add column phone text,
      add column email text,
      add column street text,
      add column house_number text,
      add column postcode text check (postcode is null or postcode ~ '^[1-9][0-9]{3} ?[A-Z]{2}$'),
      add column city text,
      add column benefit_type text check (benefit_type in ('bijstand', 'ioaw', 'ioaz', 'bbz', 'anw_aanvulling', 'geen')),
      add column benefit_start_date date,
      add column target_groups text[] not null default '{}',
      add column route text check (route in ('vrijwilliger', 'onderwijs', 'werknemer', 'ondernemer')),
      -- Kept in step with the newest measurement and conversation, so the caseload sorts
      -- and flags without reading the history tables (written in the same transaction).
      add column ladder_step smallint check (ladder_step between 1 and 6),
      add column ladder_growth_potential smallint check (ladder_growth_potential between 1 and 6),
      add column ladder_measured_on date,
      add column annual_conversation_on date,
      add column open_signal_count integer not null default 0,
      add column created_by uuid references users(id);

    -- Search by name prefix at a million clients: a btree on the lower-cased name in the "C"
    -- collation serves both LIKE 'prefix%' and the ORDER BY of the result page, whatever the
    -- database's default collation.
    -- The other name and the id complete the sort key, so a page of a common name (thousands of
    -- "Jansen") is read straight from the index instead of sorting the whole group.
    create index clients_last_name_prefix_idx on clients (organisation_id, (lower(last_name) collate "C"), (lower(first_name) collate "C"), id);
    create index clients_first_name_prefix_idx on clients (organisation_id, (lower(first_name) collate "C"), (lower(last_name) collate "C"), id);
    -- Likely-duplicate warning: same name and birth date.
    create index clients_name_birth_idx on clients (organisation_id, date_of_birth, lower(last_name));

    create table client_route_changes (
      id bigint generated always as identity primary key,
      organisation_id uuid not null references organisations(id),
      client_id uuid not null references clients(id),
      previous_route text,
      route text not null,
      reason text not null,
      changed_by uuid references users(id),
      changed_at timestamptz not null default now()
    );
    create index client_route_changes_client_idx on client_route_changes (client_id, changed_at desc);

    create table ladder_measurements (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      client_id uuid not null references clients(id),
      measured_on date not null,
      step smallint not null check (step between 1 and 6),
      growth_potential smallint not null check (growth_potential between 1 and 6),
      -- The stepwise questionnaire's answers (configurable questions: JSONB by design).
      answers jsonb not null,
      occasion text not null check (occasion in ('intake', 'trajectory_start', 'trajectory_end', 'yearly', 'other')),
      note text,
      measured_by uuid references users(id),
      created_at timestamptz not null default now()
    );
    create index ladder_measurements_client_idx on ladder_measurements (client_id, measured_on desc);

    create table contact_moments (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      client_id uuid not null references clients(id),
      kind text not null check (kind in ('gesprek', 'telefonisch', 'huisbezoek', 'email', 'jaargesprek', 'notitie')),
      occurred_on date not null,
      summary text not null,
      confidential boolean not null default false,
      author_id uuid references users(id),
      created_at timestamptz not null default now()
    );
    create index contact_moments_client_idx on contact_moments (client_id, occurred_on desc);

    create table signals (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      client_id uuid not null references clients(id),
      domain text not null check (domain in ('schulden', 'psychische_klachten', 'instabiele_thuissituatie', 'verslaving_in_gezin', 'laaggeletterdheid', 'huisvesting', 'gezondheid', 'multiproblematiek')),
      severity text not null check (severity in ('laag', 'middel', 'hoog')),
      status text not null default 'open' check (status in ('open', 'in_behandeling', 'geescaleerd', 'afgerond')),
      description text not null,
      follow_up_on date,
      raised_by uuid references users(id),
      raised_at timestamptz not null default now(),
      closed_at timestamptz,
      version integer not null default 1
    );
    create index signals_client_idx on signals (client_id, raised_at desc);
    create index signals_open_idx on signals (organisation_id, status, follow_up_on) where status <> 'afgerond';

    create table escalations (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      client_id uuid not null references clients(id),
      signal_id uuid not null references signals(id),
      target_kind text not null check (target_kind in ('team_ondersteuning', 'kernteam', 'partner')),
      external_organisation_id uuid references external_organisations(id),
      question text not null,
      due_on date not null,
      status text not null default 'open' check (status in ('open', 'teruggemeld')),
      outcome text,
      reported_at timestamptz,
      reported_by uuid references users(id),
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      check ((target_kind = 'partner') = (external_organisation_id is not null))
    );
    create index escalations_signal_idx on escalations (signal_id);
    create index escalations_open_idx on escalations (organisation_id, status, due_on) where status = 'open';

    create table tasks (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      client_id uuid references clients(id),
      assignee_id uuid references users(id),
      kind text not null check (kind in ('handmatig', 'jaargesprek', 'ladder_meting', 'traject_eindigt', 'signaal_opvolging')),
      title text not null,
      due_on date not null,
      status text not null default 'open' check (status in ('open', 'afgerond', 'vervallen')),
      -- Rule-made tasks carry a key so a rule run never makes the same task twice.
      rule_key text,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      completed_at timestamptz,
      completed_by uuid references users(id)
    );
    create unique index tasks_rule_key_idx on tasks (organisation_id, rule_key) where rule_key is not null;
    -- "What needs attention": open tasks per assignee by due date, and per client.
    create index tasks_assignee_idx on tasks (assignee_id, due_on) where status = 'open';
    create index tasks_client_idx on tasks (client_id) where status = 'open';

    -- The client timeline: every module appends here in the same transaction as its change.
    create table timeline_events (
      id bigint generated always as identity primary key,
      organisation_id uuid not null references organisations(id),
      client_id uuid not null references clients(id),
      occurred_at timestamptz not null,
      kind text not null,
      summary text not null,
      confidential boolean not null default false,
      actor_id uuid references users(id),
      subject_type text,
      subject_id text
    );
    create index timeline_events_client_idx on timeline_events (client_id, occurred_at desc, id desc);

    -- Caseload queries for one coach sort by the attention fields above.
    create index clients_coach_attention_idx on clients (coach_id, ladder_measured_on);
  `);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
