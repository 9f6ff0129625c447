import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { BenefitType, ClientRoute, TargetGroup } from '../../../shared/client-fields.ts';

/** The user named by `--as`, with what an Actor needs, whatever their organisation or state. */
export async function findImporter(db: Executor, email: string) {
  return db
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select([
      'u.id', 'u.organisation_id', 'u.role', 'u.display_name', 'u.email', 'u.team_id', 'u.external_organisation_id',
      'u.client_id', 'u.disabled_at', 'o.coach_client_scope',
    ])
    .where(sql`lower(u.email)`, '=', email.trim().toLowerCase())
    .executeTakeFirst();
}

/*
 * The reference data of one organisation is loaded whole: even a large shared service has tens
 * of municipalities and a few thousand coaches, far fewer than the rows it checks them against.
 */

export async function listMunicipalities(db: Executor, organisationId: string) {
  return db.selectFrom('municipalities').select(['id', 'name', 'cbs_code']).where('organisation_id', '=', organisationId).execute();
}

/** Coaches who can hold a caseload now: role coach, not disabled. */
export async function listActiveCoaches(db: Executor, organisationId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'team_id'])
    .where('organisation_id', '=', organisationId)
    .where('role', '=', 'coach')
    .where('disabled_at', 'is', null)
    .execute();
}

export async function listTeams(db: Executor, organisationId: string) {
  return db.selectFrom('teams').select(['id', 'name']).where('organisation_id', '=', organisationId).execute();
}

/**
 * Which of these BSNs the organisation already has a client for (served by the (organisation_id,
 * bsn) unique index). One array parameter rather than an IN list of 2,000: the statement stays
 * the same for every batch, so the connection prepares and plans it once.
 */
export async function findExistingBsns(db: Executor, organisationId: string, bsns: readonly string[]): Promise<string[]> {
  if (bsns.length === 0) return [];
  // bpchar[], the column's own type: compared as text, the index on bsn could not be used.
  const { rows } = await sql<{ bsn: string }>`
    select bsn from clients where organisation_id = ${organisationId}::uuid and bsn = any(${[...bsns]}::bpchar[])`.execute(db);
  return rows.map((r) => r.bsn);
}

/** One imported client as stored, with the first entries of its histories. */
export type ImportedClientRow = {
  id: string;
  client_number: string;
  bsn: string;
  bsn_pseudonym: string;
  first_name: string;
  last_name: string;
  date_of_birth: string;
  municipality_id: string;
  team_id: string | null;
  coach_id: string | null;
  phone: string | null;
  email: string | null;
  street: string | null;
  house_number: string | null;
  postcode: string | null;
  city: string | null;
  benefit_type: BenefitType | null;
  benefit_start_date: string | null;
  target_groups: TargetGroup[];
  route: ClientRoute | null;
  ladder_step: number | null;
  ladder_growth_potential: number | null;
  ladder_measured_on: string | null;
  /** The id and note of the first ladder measurement: set exactly when ladder_step is. */
  ladder_measurement_id: string | null;
  ladder_note: string | null;
  /** The first row of the municipality history: from this day in municipality_id. */
  municipality_since: string;
  timeline_summary: string;
};

/** What the rows of one import share: who imported them, and the timeline event's kind, moment and subject. */
export type ImportedBatchCommon = {
  organisationId: string;
  importedBy: string;
  routeReason: string;
  timeline: { occurredAt: Date; kind: string; subjectType: string; subjectId: string };
};

/**
 * One batch of imported clients in one statement: the clients, their first ladder measurement
 * and route (where the file has one), the first row of their municipality history and a timeline
 * event each. The rows travel as one array per column and unnest() turns them into rows: a
 * VALUES list of 2,000 clients would be 50,000 parameters to parse and plan, and five statements
 * would send the client ids five times and wait for five answers. The foreign keys of the
 * dependent rows are checked at the end of the statement, when the clients are in.
 */
export async function insertImportedBatch(db: Executor, common: ImportedBatchCommon, rows: readonly ImportedClientRow[]): Promise<void> {
  if (rows.length === 0) return;
  const col = <K extends keyof ImportedClientRow>(key: K) => rows.map((r) => r[key]);
  // text[] per row cannot ride in a 2-D array (unnest would flatten it), so each row's groups
  // travel as an array literal and are cast back per row.
  const targetGroups = rows.map((r) => `{${r.target_groups.join(',')}}`);
  const { organisationId: org, importedBy: by, timeline } = common;
  await sql`
    with input as materialized (
      select * from unnest(
        ${col('id')}::uuid[], ${col('client_number')}::text[], ${col('bsn')}::text[], ${col('bsn_pseudonym')}::text[],
        ${col('first_name')}::text[], ${col('last_name')}::text[], ${col('date_of_birth')}::date[], ${col('municipality_id')}::uuid[],
        ${col('team_id')}::uuid[], ${col('coach_id')}::uuid[], ${col('phone')}::text[], ${col('email')}::text[], ${col('street')}::text[],
        ${col('house_number')}::text[], ${col('postcode')}::text[], ${col('city')}::text[], ${col('benefit_type')}::text[],
        ${col('benefit_start_date')}::date[], ${targetGroups}::text[], ${col('route')}::text[], ${col('ladder_step')}::smallint[],
        ${col('ladder_growth_potential')}::smallint[], ${col('ladder_measured_on')}::date[], ${col('ladder_measurement_id')}::uuid[],
        ${col('ladder_note')}::text[], ${col('municipality_since')}::date[], ${col('timeline_summary')}::text[]
      ) as u(id, client_number, bsn, bsn_pseudonym, first_name, last_name, date_of_birth, municipality_id, team_id, coach_id,
        phone, email, street, house_number, postcode, city, benefit_type, benefit_start_date, target_groups, route,
        ladder_step, ladder_growth_potential, ladder_measured_on, ladder_measurement_id, ladder_note, municipality_since, timeline_summary)
    ),
    new_clients as (
      insert into clients (
        id, organisation_id, created_by, version, client_number, bsn, bsn_pseudonym, first_name, last_name, date_of_birth,
        municipality_id, team_id, coach_id, phone, email, street, house_number, postcode, city,
        benefit_type, benefit_start_date, target_groups, route, ladder_step, ladder_growth_potential, ladder_measured_on
      )
      select id, ${org}::uuid, ${by}::uuid, 1, client_number, bsn, bsn_pseudonym, first_name, last_name, date_of_birth,
        municipality_id, team_id, coach_id, phone, email, street, house_number, postcode, city,
        benefit_type, benefit_start_date, target_groups::text[], route, ladder_step, ladder_growth_potential, ladder_measured_on
      from input
    ),
    -- The imported step as a ladder measurement, so the history starts where the old system ended.
    first_measurements as (
      insert into ladder_measurements (id, organisation_id, measured_by, occasion, answers, client_id, measured_on, step, growth_potential, note)
      select ladder_measurement_id, ${org}::uuid, ${by}::uuid, 'other', '{}'::jsonb, id, ladder_measured_on, ladder_step, ladder_growth_potential, ladder_note
      from input where ladder_measurement_id is not null
    ),
    -- The imported route as the first entry of the route history.
    first_routes as (
      insert into client_route_changes (organisation_id, changed_by, reason, previous_route, client_id, route)
      select ${org}::uuid, ${by}::uuid, ${common.routeReason}, null, id, route from input where route is not null
    ),
    first_municipalities as (
      insert into client_municipality_history (organisation_id, recorded_by, client_id, municipality_id, from_on)
      select ${org}::uuid, ${by}::uuid, id, municipality_id, municipality_since from input
    )
    insert into timeline_events (organisation_id, actor_id, occurred_at, kind, subject_type, subject_id, confidential, client_id, summary)
    select ${org}::uuid, ${by}::uuid, ${timeline.occurredAt}::timestamptz, ${timeline.kind}, ${timeline.subjectType}, ${timeline.subjectId},
      false, id, timeline_summary
    from input
  `.execute(db);
}
