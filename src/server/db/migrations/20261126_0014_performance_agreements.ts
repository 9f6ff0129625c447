import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/**
 * Performance agreements (prestatieafspraken) per municipality and year, and the assumptions
 * behind the return per route (rendement) per organisation and year. Both are configuration an
 * administrator keeps; the KPI figures and the evaluation read them. No grants to
 * meedoen_external: providers and partners read neither.
 *
 * The staff hours per client are four columns, one per route, not a child table: the four
 * routes are a closed list (src/shared/client-fields.ts), the administrator edits all
 * assumptions of a year as one form under one version, and a child table would need its own
 * versioning and all-or-nothing writes for no gain. A fifth route would be a migration either way.
 *
 * The monthly benefit is one average amount: clients carry no household type (single, couple,
 * single parent), so a per-household amount could not be applied to anyone.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, /* sql */ `
    create table performance_agreements (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      municipality_id uuid not null references municipalities(id),
      year smallint not null check (year between 2015 and 2100),
      -- A KPI and one of its named measures (src/shared/kpi.ts, src/shared/kpi-measures.ts). The
      -- lists are checked by the service: they grow with the code, this table stays as it is.
      kpi_key text not null check (kpi_key ~ '^[a-z0-9_]{2,60}$'),
      measure_key text not null check (measure_key ~ '^[a-z0-9_]{2,60}$'),
      comparison text not null check (comparison in ('at_least', 'at_most')),
      target numeric(14, 2) not null,
      title text not null check (length(title) between 2 and 200),
      explanation text not null default '' check (length(explanation) <= 4000),
      version integer not null default 1,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      updated_by uuid references users(id),
      updated_at timestamptz not null default now()
    );
    -- One target per measure, municipality and year. Its leading columns also serve the list,
    -- which always filters on organisation and municipality and usually on the year.
    create unique index performance_agreements_uq on performance_agreements (organisation_id, municipality_id, year, kpi_key, measure_key);

    create table return_assumptions (
      organisation_id uuid not null references organisations(id),
      year smallint not null check (year between 2015 and 2100),
      -- Cost of one hour of a coach (salary plus overhead).
      staff_hourly_rate_cents integer not null check (staff_hourly_rate_cents >= 0),
      -- Coaching hours per client per year on each route.
      staff_hours_vrijwilliger numeric(6, 1) not null default 0 check (staff_hours_vrijwilliger >= 0),
      staff_hours_onderwijs numeric(6, 1) not null default 0 check (staff_hours_onderwijs >= 0),
      staff_hours_werknemer numeric(6, 1) not null default 0 check (staff_hours_werknemer >= 0),
      staff_hours_ondernemer numeric(6, 1) not null default 0 check (staff_hours_ondernemer >= 0),
      -- The average benefit paid per household per month, and how many months without it are
      -- counted as saved after a client leaves the benefit for work or their own business.
      monthly_benefit_cents integer not null check (monthly_benefit_cents >= 0),
      months_counted smallint not null default 12 check (months_counted between 1 and 60),
      -- The integration budget spent in the year (inburgering, participation budget), shared over
      -- the routes in proportion to their clients.
      integration_budget_cents bigint not null default 0 check (integration_budget_cents >= 0),
      -- Clients a year who did not need a benefit thanks to prevention, and what each saves.
      inflow_prevented integer not null default 0 check (inflow_prevented >= 0),
      inflow_prevented_saving_cents integer not null default 0 check (inflow_prevented_saving_cents >= 0),
      version integer not null default 1,
      updated_by uuid references users(id),
      updated_at timestamptz not null default now(),
      primary key (organisation_id, year)
    );
  `);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
