import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/**
 * The foundation: tenancy (organisations, municipalities, teams, external organisations), users
 * and sessions, a minimal client record and referral link (so list scopes can be expressed),
 * the register of processing activities and the append-only processing log.
 *
 * Every tenant table carries organisation_id so the schema can later be distributed by tenant.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, /* sql */ `
    create table organisations (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      slug text not null unique,
      -- How far a coach's view of clients reaches: own caseload, own team, or the whole service.
      coach_client_scope text not null default 'team' check (coach_client_scope in ('own', 'team', 'organisation')),
      created_at timestamptz not null default now()
    );

    create table municipalities (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      name text not null,
      cbs_code text not null check (cbs_code ~ '^GM[0-9]{4}$'),
      inhabitants integer check (inhabitants >= 0),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (organisation_id, cbs_code),
      unique (organisation_id, name)
    );

    create table external_organisations (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      kind text not null check (kind in ('provider', 'partner')),
      name text not null,
      created_at timestamptz not null default now(),
      unique (organisation_id, kind, name)
    );

    create table teams (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      name text not null,
      municipality_id uuid references municipalities(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (organisation_id, name)
    );

    create table clients (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      client_number text not null,
      bsn char(9) not null check (bsn ~ '^[0-9]{9}$'),
      -- Keyed hash of the BSN: the data-subject id of the processing log, never the BSN itself.
      bsn_pseudonym text not null,
      first_name text not null,
      last_name text not null,
      date_of_birth date not null,
      municipality_id uuid not null references municipalities(id),
      team_id uuid references teams(id),
      coach_id uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (organisation_id, bsn),
      unique (organisation_id, client_number)
    );
    -- Caseload scope: a coach's own clients, a team's clients.
    create index clients_coach_idx on clients (organisation_id, coach_id);
    create index clients_team_idx on clients (organisation_id, team_id);
    -- Processing-log look-ups go from pseudonym to client.
    create index clients_pseudonym_idx on clients (organisation_id, bsn_pseudonym);

    create table users (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      email text not null,
      display_name text not null,
      role text not null check (role in ('coach', 'team_lead', 'provider_coach', 'partner', 'policy_officer', 'administrator', 'client')),
      team_id uuid references teams(id),
      external_organisation_id uuid references external_organisations(id),
      client_id uuid references clients(id),
      password_hash text not null,
      failed_login_count integer not null default 0,
      locked_until timestamptz,
      disabled_at timestamptz,
      last_login_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      -- A provider coach or partner always belongs to an external organisation, nobody else does.
      check ((role in ('provider_coach', 'partner')) = (external_organisation_id is not null)),
      check ((role = 'client') = (client_id is not null))
    );
    -- Login is by e-mail address, case-insensitively, across the installation.
    create unique index users_email_idx on users (lower(email));
    create index users_org_idx on users (organisation_id, role);
    alter table clients add constraint clients_coach_fk foreign key (coach_id) references users(id);

    create table sessions (
      -- sha256 of the cookie token, so a leaked table does not leak live sessions.
      id text primary key,
      organisation_id uuid not null references organisations(id),
      user_id uuid not null references users(id),
      csrf_token text not null,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null
    );
    -- Ending every session of a user at once (logout everywhere, disable).
    create index sessions_user_idx on sessions (user_id);

    create table referrals (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      client_id uuid not null references clients(id),
      external_organisation_id uuid not null references external_organisations(id),
      status text not null default 'requested'
        check (status in ('requested', 'accepted', 'refused', 'active', 'completed', 'stopped', 'transferred', 'withdrawn')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    -- Provider and partner scopes: the clients with an open referral to their organisation.
    create index referrals_external_idx on referrals (external_organisation_id, status, client_id);
    create index referrals_client_idx on referrals (client_id);

    create table processing_activities (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      code text not null,
      name text not null,
      purpose text not null,
      legal_ground text not null,
      retention text not null,
      created_at timestamptz not null default now(),
      unique (organisation_id, code)
    );

    -- Logboek Dataverwerkingen: one row per operation per data subject.
    -- No foreign keys on purpose: every page that shows clients appends tens of rows here, and
    -- three FK checks per row more than doubled the cost of that insert (6.7 ms against 2.7 ms
    -- for 50 rows). The ids come from the register and the session, never from a request, and a
    -- log must outlive what it refers to anyway.
    create table processing_log (
      id bigint generated always as identity primary key,
      organisation_id uuid not null,
      trace_id char(32) not null,
      span_id char(16) not null,
      parent_span_id char(16),
      operation text not null,
      started_at timestamptz not null,
      ended_at timestamptz not null,
      status text not null check (status in ('ok', 'error')),
      processing_activity_id uuid not null,
      data_subject_id text not null,
      data_subject_id_type text not null default 'bsn-pseudonym',
      user_id uuid,
      created_at timestamptz not null default now()
    );
    -- Reading the log of one data subject, newest first.
    create index processing_log_subject_idx on processing_log (organisation_id, data_subject_id, started_at desc);
    create index processing_log_trace_idx on processing_log (trace_id);

    create function processing_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'processing_log is append-only' using errcode = '42501';
    end $$;
    create trigger processing_log_no_update before update or delete on processing_log
      for each row execute function processing_log_append_only();
    create trigger processing_log_no_truncate before truncate on processing_log
      for each statement execute function processing_log_append_only();

    -- Administrative changes (users, teams, municipalities): who did what, when.
    create table audit_events (
      id bigint generated always as identity primary key,
      organisation_id uuid not null references organisations(id),
      actor_user_id uuid references users(id),
      action text not null,
      subject_type text not null,
      subject_id text not null,
      details jsonb not null default '{}',
      created_at timestamptz not null default now()
    );
    create index audit_events_org_idx on audit_events (organisation_id, created_at desc);
  `);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
