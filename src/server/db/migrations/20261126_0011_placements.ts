import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/**
 * Employers and placements (volunteering to a regular job, the afspraakbaan with its trial
 * period, beschut werk and the closed SW), the beschut werk quota per municipality with its
 * applications and waiting list, young people's school record, and tegenprestatie decisions.
 * No grants to meedoen_external: providers and partners see none of this.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, /* sql */ `
    -- Organisations where clients volunteer or work. Coaches add the employers they work with.
    create table employers (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      name text not null check (length(name) between 2 and 200),
      kvk_number text check (kvk_number ~ '^[0-9]{8}$'),
      contact_name text,
      contact_email text,
      contact_phone text,
      sector text not null check (sector in ('zorg_welzijn', 'techniek_industrie', 'bouw', 'logistiek', 'detailhandel', 'horeca',
        'schoonmaak_facilitair', 'groen', 'zakelijke_dienstverlening', 'overheid_onderwijs', 'sociaal_ontwikkelbedrijf',
        'vrijwilligersorganisatie', 'overig')),
      municipality_id uuid references municipalities(id),
      active boolean not null default true,
      version integer not null default 1,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    -- One employer per KvK number within an organisation, so the same firm is not added twice.
    create unique index employers_kvk_uq on employers (organisation_id, kvk_number) where kvk_number is not null;
    -- The employer list is ordered and searched by name.
    create index employers_name_idx on employers (organisation_id, lower(name));

    -- Facts about a client that placements depend on: registration in the doelgroepregister
    -- (banenafspraak, required for an afspraakbaan) and a former Wsw employment (the only way
    -- back into the closed SW).
    create table client_work_profiles (
      client_id uuid primary key references clients(id),
      organisation_id uuid not null references organisations(id),
      doelgroepregister boolean not null default false,
      doelgroepregister_on date,
      wsw_history boolean not null default false,
      wsw_ended_on date,
      version integer not null default 1,
      updated_by uuid references users(id),
      updated_at timestamptz not null default now(),
      check (doelgroepregister = (doelgroepregister_on is not null)),
      check (wsw_history or wsw_ended_on is null)
    );

    create table placements (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      client_id uuid not null references clients(id),
      -- The client's municipality when the placement started: beschut werk counts against its quota.
      municipality_id uuid not null references municipalities(id),
      kind text not null check (kind in ('vrijwilligerswerk', 'mantelzorg', 'participatiebaan', 'meedoenbaan', 'afspraakbaan',
        'beschut_werk', 'sw', 'regulier', 'werkervaringsplaats')),
      employer_id uuid references employers(id),
      activity text,
      starts_on date not null,
      planned_end_on date,
      hours_per_week numeric(4, 1) check (hours_per_week > 0 and hours_per_week <= 60),
      wage_subsidy boolean not null default false,
      wage_subsidy_percentage smallint check (wage_subsidy_percentage between 1 and 100),
      wage_subsidy_amount_cents integer check (wage_subsidy_amount_cents >= 0),
      job_coach boolean not null default false,
      job_coach_organisation text,
      -- Afspraakbaan only: trial period (proefplaatsing) first, then the contract.
      phase text check (phase in ('proefplaatsing', 'contract')),
      trial_ends_on date,
      contract_starts_on date,
      ended_on date,
      outcome text check (outcome in ('contract', 'uitstroom', 'doorstroom', 'afgerond', 'gestopt')),
      outcome_reason text,
      note text,
      version integer not null default 1,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (planned_end_on is null or planned_end_on >= starts_on),
      check (ended_on is null or ended_on >= starts_on),
      check ((ended_on is null) = (outcome is null)),
      check (outcome is distinct from 'gestopt' or outcome_reason is not null),
      check ((kind = 'afspraakbaan') = (phase is not null)),
      check (trial_ends_on is null or trial_ends_on >= starts_on),
      check (contract_starts_on is null or contract_starts_on >= starts_on),
      check (phase is distinct from 'contract' or contract_starts_on is not null),
      check (wage_subsidy or (wage_subsidy_percentage is null and wage_subsidy_amount_cents is null)),
      check (job_coach or job_coach_organisation is null)
    );
    -- A client's placements on the dossier, newest first.
    create index placements_client_idx on placements (client_id, starts_on desc);
    -- Beschut werk realised per municipality: placements of one kind running on a date.
    create index placements_kind_idx on placements (organisation_id, kind, municipality_id, starts_on);
    -- How many placements an employer has (shown with the employer).
    create index placements_employer_idx on placements (employer_id) where employer_id is not null;

    -- The yearly national quota (taakstelling) of new beschut werk places per municipality.
    create table beschut_werk_quotas (
      municipality_id uuid not null references municipalities(id),
      year smallint not null check (year between 2015 and 2100),
      organisation_id uuid not null references organisations(id),
      quota integer not null check (quota >= 0),
      updated_by uuid references users(id),
      updated_at timestamptz not null default now(),
      primary key (municipality_id, year)
    );

    -- An application for a UWV advice on beschut werk, and what became of it: in assessment,
    -- negative, or positive (the waiting list) until the client is placed or gets a fitness
    -- trajectory (werkfit traject) instead.
    create table beschut_werk_applications (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      client_id uuid not null references clients(id),
      municipality_id uuid not null references municipalities(id),
      requested_on date not null,
      status text not null default 'in_beoordeling' check (status in ('in_beoordeling', 'positief', 'negatief', 'geplaatst', 'werkfit')),
      advice text check (advice in ('positief', 'negatief')),
      assessed_on date,
      placement_id uuid references placements(id),
      placed_on date,
      werkfit_started_on date,
      werkfit_note text,
      note text,
      version integer not null default 1,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((advice is null) = (assessed_on is null)),
      check ((status = 'in_beoordeling') = (advice is null)),
      check (status not in ('positief', 'geplaatst', 'werkfit') or advice = 'positief'),
      check (status <> 'negatief' or advice = 'negatief'),
      check ((status = 'geplaatst') = (placement_id is not null and placed_on is not null)),
      check ((status = 'werkfit') = (werkfit_started_on is not null)),
      check (assessed_on is null or assessed_on >= requested_on)
    );
    -- At most one open application per client, so nobody is counted twice in assessment or waiting.
    create unique index beschut_werk_open_uq on beschut_werk_applications (client_id) where status in ('in_beoordeling', 'positief');
    -- The overview counts applications per municipality and status; the lists filter on status.
    create index beschut_werk_municipality_idx on beschut_werk_applications (organisation_id, municipality_id, status);
    -- A client's applications on the dossier.
    create index beschut_werk_client_idx on beschut_werk_applications (client_id);

    -- A young person's school and qualification. Whether they hold a start qualification is
    -- derived from the highest diploma in code (src/shared/placements.ts), never stored twice.
    create table school_records (
      client_id uuid primary key references clients(id),
      organisation_id uuid not null references organisations(id),
      current_education text not null check (current_education in ('geen', 'praktijkschool', 'vso', 'mbo_1', 'mbo_2', 'mbo_3', 'mbo_4',
        'havo', 'vwo', 'hbo', 'wo')),
      school_name text,
      enrolled_since date,
      highest_diploma text not null default 'geen' check (highest_diploma in ('geen', 'praktijkschool', 'vso', 'vmbo', 'mbo_1', 'mbo_2',
        'mbo_3', 'mbo_4', 'havo', 'vwo', 'hbo', 'wo')),
      -- Reported as an early school leaver (voortijdig schoolverlater) by the RMC.
      early_school_leaver_reported_on date,
      early_school_leaver_source text,
      -- Set while a young person without a start qualification is back in education.
      back_in_education_since date,
      note text,
      version integer not null default 1,
      updated_by uuid references users(id),
      updated_at timestamptz not null default now(),
      check ((early_school_leaver_reported_on is null) = (early_school_leaver_source is null)),
      check (current_education <> 'geen' or (enrolled_since is null and back_in_education_since is null))
    );
    -- The coaches' list of young people back in education without a start qualification.
    create index school_records_back_idx on school_records (organisation_id, back_in_education_since) where back_in_education_since is not null;

    -- Tegenprestatie: the decision whether one is imposed, on what legal ground, for which period and activity.
    create table tegenprestatie_decisions (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      client_id uuid not null references clients(id),
      decision text not null check (decision in ('opgelegd', 'niet_opgelegd')),
      legal_ground text not null,
      starts_on date,
      ends_on date,
      activity text,
      hours_per_week numeric(4, 1) check (hours_per_week > 0 and hours_per_week <= 40),
      decided_on date not null,
      decided_by uuid references users(id),
      note text,
      created_at timestamptz not null default now(),
      check (decision <> 'opgelegd' or (starts_on is not null and ends_on is not null and activity is not null)),
      check (ends_on is null or starts_on is null or ends_on >= starts_on)
    );
    -- A client's decisions on the dossier, newest first.
    create index tegenprestatie_client_idx on tegenprestatie_decisions (client_id, decided_on desc);

    -- The register of processing activities gets placements; new organisations get it from
    -- PROCESSING_ACTIVITIES, existing ones here.
    insert into processing_activities (organisation_id, code, name, purpose, legal_ground, retention)
    select id,
      'placement',
      'Plaatsingen en werk',
      'Plaatsen van cliënten in vrijwilligerswerk, participatiebanen, afspraakbanen, beschut werk en regulier werk, met werkgevers en voorzieningen',
      'Participatiewet art. 7, 10b, 10d en 10e; Wet banenafspraak; AVG art. 6 lid 1 sub e en art. 9 lid 2 sub b',
      '10 jaar na beëindiging dienstverlening'
    from organisations
    on conflict (organisation_id, code) do nothing;
  `);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
