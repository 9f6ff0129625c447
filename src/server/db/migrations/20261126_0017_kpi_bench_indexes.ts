import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/**
 * Indexes found with the KPI benchmark (1,000,000 clients, 10,000,000 ladder measurements,
 * 7.4 million client-years in kpi_client_years; `npm run bench -- --explain`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, /* sql */ `
    -- A year's facts lie scattered over the whole table (one row per client per year, written
    -- client by client), so reading one organisation-year through the key touched every page:
    -- 2.1 s for the largest municipality's ladder figure, 2.6 s for the attribution of the work
    -- figures, against a 1.7 s scan of all ladder measurements. This index holds every column the
    -- ladder figures and the attribution read, in (organisation, year, municipality) order, so a
    -- year or a municipality-year is one contiguous range read without the table (an index-only
    -- scan; the table's visibility map is kept by autovacuum, the rebuild is followed by VACUUM).
    -- It replaces kpi_client_years_municipality_idx, which had the same key without the columns.
    create index kpi_client_years_year_cover_idx on kpi_client_years (organisation_id, year, municipality_end)
      include (client_id, municipality_mid, route_mid, route_end, step_start, step_mid, step_end, measurements_h1, measurements_h2,
        benefit_from, benefit_until, date_of_birth, last_annual_conversation_mid, last_annual_conversation_end);
    drop index kpi_client_years_municipality_idx;
  `);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
