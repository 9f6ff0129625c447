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

/** Which of these BSNs the organisation already has a client for (served by the (organisation_id, bsn) unique index). */
export async function findExistingBsns(db: Executor, organisationId: string, bsns: readonly string[]): Promise<string[]> {
  if (bsns.length === 0) return [];
  const rows = await db.selectFrom('clients').select('bsn').where('organisation_id', '=', organisationId).where('bsn', 'in', bsns).execute();
  return rows.map((r) => r.bsn);
}

export type ImportedClientRow = {
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
};

/*
 * The bulk inserts below send one array per column and let unnest() turn them into rows. A
 * multi-row VALUES list of 2,000 clients would be 50,000 bind parameters for the server to parse
 * and plan; 23 arrays are parsed once, which is what keeps the import near COPY speed.
 */

/** One batch of imported clients; returns the new ids by BSN (unique within the batch). */
export async function insertImportedClients(
  db: Executor,
  organisationId: string,
  createdBy: string,
  rows: readonly ImportedClientRow[],
): Promise<Map<string, string>> {
  if (rows.length === 0) return new Map();
  const col = <K extends keyof ImportedClientRow>(key: K) => rows.map((r) => r[key]);
  // text[] per row cannot ride in a 2-D array (unnest would flatten it), so each row's groups
  // travel as an array literal and are cast back per row.
  const targetGroups = rows.map((r) => `{${r.target_groups.join(',')}}`);
  const result = await sql<{ id: string; bsn: string }>`
    insert into clients (
      organisation_id, created_by, version, client_number, bsn, bsn_pseudonym, first_name, last_name, date_of_birth,
      municipality_id, team_id, coach_id, phone, email, street, house_number, postcode, city,
      benefit_type, benefit_start_date, target_groups, route, ladder_step, ladder_growth_potential, ladder_measured_on
    )
    select ${organisationId}::uuid, ${createdBy}::uuid, 1, u.client_number, u.bsn, u.bsn_pseudonym, u.first_name, u.last_name,
      u.date_of_birth, u.municipality_id, u.team_id, u.coach_id, u.phone, u.email, u.street, u.house_number, u.postcode,
      u.city, u.benefit_type, u.benefit_start_date, u.target_groups::text[], u.route, u.ladder_step, u.ladder_growth_potential,
      u.ladder_measured_on
    from unnest(
      ${col('client_number')}::text[], ${col('bsn')}::text[], ${col('bsn_pseudonym')}::text[], ${col('first_name')}::text[],
      ${col('last_name')}::text[], ${col('date_of_birth')}::date[], ${col('municipality_id')}::uuid[], ${col('team_id')}::uuid[],
      ${col('coach_id')}::uuid[], ${col('phone')}::text[], ${col('email')}::text[], ${col('street')}::text[],
      ${col('house_number')}::text[], ${col('postcode')}::text[], ${col('city')}::text[], ${col('benefit_type')}::text[],
      ${col('benefit_start_date')}::date[], ${targetGroups}::text[], ${col('route')}::text[], ${col('ladder_step')}::smallint[],
      ${col('ladder_growth_potential')}::smallint[], ${col('ladder_measured_on')}::date[]
    ) as u(client_number, bsn, bsn_pseudonym, first_name, last_name, date_of_birth, municipality_id, team_id, coach_id,
      phone, email, street, house_number, postcode, city, benefit_type, benefit_start_date, target_groups, route,
      ladder_step, ladder_growth_potential, ladder_measured_on)
    returning id, bsn
  `.execute(db);
  return new Map(result.rows.map((r) => [r.bsn, r.id]));
}

/** The imported step of each client as a ladder measurement, so the history starts where the old system ended. */
export async function insertImportedLadderMeasurements(
  db: Executor,
  organisationId: string,
  measuredBy: string,
  rows: readonly { client_id: string; measured_on: string; step: number; growth_potential: number; note: string }[],
): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    insert into ladder_measurements (organisation_id, measured_by, occasion, answers, client_id, measured_on, step, growth_potential, note)
    select ${organisationId}::uuid, ${measuredBy}::uuid, 'other', '{}'::jsonb, u.client_id, u.measured_on, u.step, u.growth_potential, u.note
    from unnest(
      ${rows.map((r) => r.client_id)}::uuid[], ${rows.map((r) => r.measured_on)}::date[], ${rows.map((r) => r.step)}::smallint[],
      ${rows.map((r) => r.growth_potential)}::smallint[], ${rows.map((r) => r.note)}::text[]
    ) as u(client_id, measured_on, step, growth_potential, note)
  `.execute(db);
}

/** The imported route as the first entry of each client's route history. */
export async function insertImportedRouteChanges(
  db: Executor,
  organisationId: string,
  changedBy: string,
  reason: string,
  rows: readonly { client_id: string; route: ClientRoute }[],
): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    insert into client_route_changes (organisation_id, changed_by, reason, previous_route, client_id, route)
    select ${organisationId}::uuid, ${changedBy}::uuid, ${reason}, null, u.client_id, u.route
    from unnest(${rows.map((r) => r.client_id)}::uuid[], ${rows.map((r) => r.route)}::text[]) as u(client_id, route)
  `.execute(db);
}

/** One timeline event per imported client, all with the same kind, moment and subject. */
export async function insertImportedTimelineEvents(
  db: Executor,
  event: { organisationId: string; actorId: string; occurredAt: Date; kind: string; subjectType: string; subjectId: string },
  rows: readonly { client_id: string; summary: string }[],
): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    insert into timeline_events (organisation_id, actor_id, occurred_at, kind, subject_type, subject_id, confidential, client_id, summary)
    select ${event.organisationId}::uuid, ${event.actorId}::uuid, ${event.occurredAt}::timestamptz, ${event.kind}, ${event.subjectType},
      ${event.subjectId}, false, u.client_id, u.summary
    from unnest(${rows.map((r) => r.client_id)}::uuid[], ${rows.map((r) => r.summary)}::text[]) as u(client_id, summary)
  `.execute(db);
}
