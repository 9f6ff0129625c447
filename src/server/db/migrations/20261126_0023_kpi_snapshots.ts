import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/**
 * Precomputed KPI figures (issue 6: "precompute or incrementally maintain where that is what it
 * takes"). The whole KPI set for a municipality-year costs seconds at 1,000,000 clients; a
 * dashboard, an agreement evaluation and a council report ask for the same few sets all day.
 *
 * - `kpi_snapshots`: one exact figure (before suppression, which stays per caller) per
 *   organisation, query (period and filters, organisation scope only) and figure, with the day it
 *   was computed for (figures depend on today), the source version it saw and when it was read.
 * - `kpi_source_version`: a sequence that every statement writing a table a figure reads moves on
 *   (a statement-level trigger: one nextval per statement, not per row, so an import of 100,000
 *   rows in batches costs a few calls). A snapshot is current while the sequence still stands
 *   where it stood before the snapshot was computed. A sequence, not a counter row: nextval takes
 *   no lock, so writers never queue behind each other for it.
 * - The trigger function is `security definer`: provider users (role meedoen_external) write
 *   referrals, enrolments and attendance and have no grant on the new sequence.
 * - No grant to meedoen_external on `kpi_snapshots`: exact small counts are in it.
 */
/** The tables the figures read (kpi-snapshots.test.ts checks each moves the version). */
export const KPI_SOURCE_TABLES = [
  'clients',
  'client_municipality_history',
  'kpi_client_years',
  'referrals',
  'contracts',
  'contract_municipalities',
  'placements',
  'beschut_werk_applications',
  'beschut_werk_quotas',
  'school_records',
  'modules',
  'cohorts',
  'cohort_sessions',
  'enrolments',
  'attendance',
  'municipalities',
  'external_organisations',
  'return_assumptions',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    /* sql */ `
    create table kpi_snapshots (
      organisation_id uuid not null references organisations(id) on delete cascade,
      query_key text not null,
      figure_key text not null,
      computed_for date not null,
      source_version bigint not null,
      computed_at timestamptz not null default now(),
      last_read_at timestamptz not null default now(),
      figure jsonb not null,
      primary key (organisation_id, query_key, figure_key)
    );

    create sequence kpi_source_version;

    create function meedoen_kpi_source_changed() returns trigger
      language plpgsql security definer set search_path = public as $$
    begin
      perform nextval('kpi_source_version');
      return null;
    end $$;
    ${KPI_SOURCE_TABLES.map(
      (table) => `create trigger ${table}_kpi_source_changed after insert or update or delete on ${table}
      for each statement execute function meedoen_kpi_source_changed();
    create trigger ${table}_kpi_source_truncated after truncate on ${table}
      for each statement execute function meedoen_kpi_source_changed();`,
    ).join('\n    ')}
  `,
  );
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
