import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/**
 * Council reports (issue 6): the explanation texts a policy officer writes around the figures,
 * and the processing activity under which the statistical export to CBS (SRG) is logged.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, /* sql */ `
    -- One editable text per report section: the introduction, the conclusion, or the explanation
    -- under one KPI (section = the KPI key). Per municipality and period; municipality_id null is
    -- the report over all municipalities together. Versioned for If-Match edits.
    create table report_texts (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      municipality_id uuid references municipalities(id),
      period text not null check (period ~ '^[0-9]{4}(-H[12])?$'),
      section text not null check (section ~ '^[a-z0-9_]{1,60}$'),
      text text not null check (length(text) <= 20000),
      version integer not null default 1,
      updated_by uuid references users(id),
      updated_at timestamptz not null default now()
    );
    -- One text per section of a report; "all municipalities" (null) is one report too, hence
    -- nulls not distinct. It is also the index the report reads its texts with.
    create unique index report_texts_section_idx
      on report_texts (organisation_id, municipality_id, period, section) nulls not distinct;

    -- New organisations get this activity from PROCESSING_ACTIVITIES when provisioned; the ones
    -- that exist already get it here, so the CBS export can be logged at once.
    insert into processing_activities (organisation_id, code, name, purpose, legal_ground, retention)
    select id,
      'statistics',
      'Levering aan het CBS (Statistiek Re-integratie door Gemeenten)',
      'Gegevens over re-integratie- en participatievoorzieningen per cliënt leveren aan het CBS voor de landelijke statistiek',
      'Wet op het Centraal bureau voor de statistiek art. 33; Participatiewet art. 67; AVG art. 6 lid 1 sub c',
      '2 jaar (Meedoen bewaart het exportbestand zelf niet)'
    from organisations
    on conflict (organisation_id, code) do nothing;
  `);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
