import { sql } from 'kysely';
import type { Actor } from '../../authz/actor.ts';
import { clientScope } from '../../authz/scopes.ts';
import type { Executor } from '../../db/database.ts';
import type { ClientsTable, ReferralStatus } from '../../db/schema.ts';
import type { Insertable, Updateable } from 'kysely';

/** Clients the actor may see, joined with the names a list shows. Every read of clients starts here. */
function scopedClients(db: Executor, actor: Actor) {
  return db
    .selectFrom('clients')
    .innerJoin('municipalities as m', 'm.id', 'clients.municipality_id')
    .leftJoin('users as coach', 'coach.id', 'clients.coach_id')
    .leftJoin('teams as t', 't.id', 'clients.team_id')
    .where(clientScope(actor));
}

const LIST_COLUMNS = [
  'clients.id', 'clients.client_number', 'clients.first_name', 'clients.last_name', 'clients.date_of_birth',
  'clients.bsn_pseudonym', 'clients.coach_id', 'clients.team_id', 'clients.organisation_id', 'clients.route', 'clients.ladder_step',
  'm.id as municipality_id', 'm.name as municipality_name', 'coach.display_name as coach_name', 't.name as team_name',
] as const;

const DETAIL_COLUMNS = [
  ...LIST_COLUMNS,
  'clients.bsn', 'clients.version', 'clients.phone', 'clients.email', 'clients.street', 'clients.house_number', 'clients.postcode',
  'clients.city', 'clients.benefit_type', 'clients.benefit_start_date', 'clients.target_groups', 'clients.ladder_growth_potential',
  'clients.ladder_measured_on', 'clients.annual_conversation_on', 'clients.open_signal_count', 'clients.benefit_ended_on', 'clients.outflow_reason', 'clients.created_at',
] as const;

/** `q` searches; `coachId` narrows to one coach's own caseload within the scope. */
export type ClientSearch = { q?: string; coachId?: string; limit: number; offset: number };

/** A search term is a BSN (9 digits), a client number, or the start of a last or first name. */
function applySearch<QB extends ReturnType<typeof scopedClients>>(query: QB, q: string | undefined, coachId?: string): QB {
  if (coachId) query = query.where('clients.coach_id', '=', coachId) as QB;
  const term = q?.trim();
  if (!term) return query;
  if (/^\d{9}$/.test(term)) return query.where('clients.bsn', '=', term) as QB;
  if (/^[Cc]\d+$/.test(term)) return query.where('clients.client_number', '=', term.toUpperCase()) as QB;
  const words = term.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`).split(/\s+/);
  if (words.length > 1) {
    // "jan de vries": the first word starts the first name, the rest starts the last name.
    return query
      .where(sql`lower(clients.first_name) collate "C"`, 'like', `${words[0]}%`)
      .where(sql`lower(clients.last_name) collate "C"`, 'like', `${words.slice(1).join(' ')}%`) as QB;
  }
  const prefix = `${words[0]}%`;
  return query.where((eb) =>
    eb.or([eb(sql`lower(clients.last_name) collate "C"`, 'like', prefix), eb(sql`lower(clients.first_name) collate "C"`, 'like', prefix)]),
  ) as QB;
}

export async function searchClients(db: Executor, actor: Actor, search: ClientSearch) {
  const prefix = organisationWideNamePrefix(actor, search);
  if (prefix) return searchNamesAcrossOrganisation(db, actor, prefix, search);
  return applySearch(scopedClients(db, actor), search.q, search.coachId)
    .select(LIST_COLUMNS)
    // Not the "C" order of the prefix index on purpose: within a caseload or team scope the
    // planner should start from the scope's index and sort the few matches (a few ms); ordered
    // by the prefix index it would walk the whole index hoping to fill the page early.
    .orderBy(sql`lower(clients.last_name)`)
    .orderBy('clients.first_name')
    .orderBy('clients.id')
    .limit(search.limit)
    .offset(search.offset)
    .execute();
}

/** The name prefix of a one-word search by someone who sees the whole organisation, else undefined. */
function organisationWideNamePrefix(actor: Actor, search: ClientSearch): string | undefined {
  const term = search.q?.trim().toLowerCase();
  if (!term || search.coachId || actor.role !== 'coach' || actor.coachClientScope !== 'organisation') return undefined;
  if (/\s/.test(term) || /^\d{9}$/.test(term) || /^c\d+$/.test(term)) return undefined;
  return `${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * A name search over a whole organisation (up to a million clients): last-name matches first,
 * then first-name matches, each read in the order of its own prefix index and cut off at the
 * page, so a common prefix costs a page of rows rather than a sort of thousands (28 ms → 1 ms at
 * a million clients).
 */
async function searchNamesAcrossOrganisation(db: Executor, actor: Actor, prefix: string, search: ClientSearch) {
  const take = search.offset + search.limit;
  const lastName = sql`lower(clients.last_name) collate "C"`;
  const firstName = sql`lower(clients.first_name) collate "C"`;
  const [byLastName, byFirstName] = await Promise.all([
    scopedClients(db, actor).select(LIST_COLUMNS).where(lastName, 'like', prefix).orderBy(lastName).orderBy(firstName).orderBy('clients.id').limit(take).execute(),
    scopedClients(db, actor)
      .select(LIST_COLUMNS)
      .where(firstName, 'like', prefix)
      .where(lastName, 'not like', prefix)
      .orderBy(firstName)
      .orderBy(lastName)
      .orderBy('clients.id')
      .limit(take)
      .execute(),
  ]);
  return [...byLastName, ...byFirstName].slice(search.offset, take);
}

/** Counting stops here for a search; a search that matches more is narrowed by typing more. */
export const SEARCH_COUNT_CAP = 200;
/** Counting stops here for a plain list. */
export const LIST_COUNT_CAP = 10_000;

/** How many clients match, up to a cap (so a short prefix at a million clients stays fast). */
export async function countClients(db: Executor, actor: Actor, search: Pick<ClientSearch, 'q' | 'coachId'>): Promise<{ count: number; capped: boolean }> {
  const cap = search.q?.trim() ? SEARCH_COUNT_CAP : LIST_COUNT_CAP;
  const matches = applySearch(scopedClients(db, actor), search.q, search.coachId).select('clients.id').limit(cap + 1);
  const row = await db
    .selectFrom(matches.as('matches'))
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  const count = Number(row.count);
  return { count: Math.min(count, cap), capped: count > cap };
}

export type ClientListRow = Awaited<ReturnType<typeof searchClients>>[number];

/** One client within the actor's scope, or undefined: a client outside it does not exist for them. */
export async function findClient(db: Executor, actor: Actor, clientId: string) {
  return scopedClients(db, actor).select(DETAIL_COLUMNS).where('clients.id', '=', clientId).executeTakeFirst();
}

export type ClientRecord = NonNullable<Awaited<ReturnType<typeof findClient>>>;

/**
 * The same scoped lookup with only what the object rules and the processing log need, for a use
 * case that reads a section of the dossier (ladder, timeline, plan) rather than its header. No
 * joins to municipality, coach and team and five columns instead of thirty-three: the client page
 * makes this lookup on three of its four requests.
 */
export async function findClientRef(db: Executor, actor: Actor, clientId: string) {
  return db
    .selectFrom('clients')
    .select(['clients.id', 'clients.organisation_id', 'clients.coach_id', 'clients.team_id', 'clients.bsn_pseudonym'])
    .where(clientScope(actor))
    .where('clients.id', '=', clientId)
    .executeTakeFirst();
}

export type ClientRef = NonNullable<Awaited<ReturnType<typeof findClientRef>>>;

/** Whether a BSN is already registered in the organisation (whoever's caseload it is in). */
export async function bsnExists(db: Executor, organisationId: string, bsn: string): Promise<boolean> {
  const row = await db.selectFrom('clients').select('id').where('organisation_id', '=', organisationId).where('bsn', '=', bsn).executeTakeFirst();
  return !!row;
}

/** How many clients of the organisation share this name and birth date (a likely duplicate). */
export async function countSameNameAndBirth(db: Executor, organisationId: string, lastName: string, firstName: string, dateOfBirth: string) {
  const row = await db
    .selectFrom('clients')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('date_of_birth', '=', dateOfBirth)
    .where(sql`lower(last_name)`, '=', lastName.toLowerCase())
    .where(sql`lower(first_name)`, '=', firstName.toLowerCase())
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export type NewClientRow = Insertable<ClientsTable>;

/** Inserts clients in one statement per batch (registration, demo data, import, benchmark set-up). */
export async function insertClients(db: Executor, rows: NewClientRow[]): Promise<string[]> {
  if (rows.length === 0) return [];
  // Stay under PostgreSQL's 65,535 bind parameters per statement, whatever the batch size asked.
  const perStatement = Math.max(1, Math.floor(60_000 / Object.keys(rows[0]!).length));
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += perStatement) {
    const inserted = await db.insertInto('clients').values(rows.slice(i, i + perStatement)).returning('id').execute();
    ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}

/**
 * Updates a client only if it still has the version the caller read (optimistic concurrency);
 * returns false when someone else changed it first.
 */
export async function updateClientIfVersion(
  db: Executor,
  organisationId: string,
  clientId: string,
  expectedVersion: number,
  changes: Updateable<ClientsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('clients')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('organisation_id', '=', organisationId)
    .where('id', '=', clientId)
    .where('version', '=', expectedVersion)
    .returning('id')
    .execute();
  return result.length === 1;
}

/** Changes denormalised fields that other modules keep in step (ladder, conversation, signal counts). */
export async function updateClientSummary(db: Executor, clientId: string, changes: Updateable<ClientsTable>): Promise<void> {
  await db.updateTable('clients').set({ ...changes, updated_at: new Date() }).where('id', '=', clientId).execute();
}

export async function insertRouteChange(
  db: Executor,
  row: { organisation_id: string; client_id: string; previous_route: ClientsTable['route']['__select__']; route: NonNullable<ClientsTable['route']['__select__']>; reason: string; changed_by: string | null },
): Promise<void> {
  await db.insertInto('client_route_changes').values(row).execute();
}

/** Where clients live from a day on (registration, import, a move); the ladder facts read it. */
export async function insertMunicipalityHistory(
  db: Executor,
  rows: { organisation_id: string; client_id: string; municipality_id: string; from_on: string; recorded_by: string | null }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await db.insertInto('client_municipality_history').values(rows.slice(i, i + 1000)).execute();
}

/** The day from which the client lives in their current municipality (the newest history row). */
export async function currentMunicipalitySince(db: Executor, clientId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('client_municipality_history')
    .select('from_on')
    .where('client_id', '=', clientId)
    .orderBy('from_on', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.from_on;
}

/** Where a client lived from which day, oldest first, with the municipality's name (the copy of all data). */
export async function listMunicipalityHistory(db: Executor, clientId: string) {
  return db
    .selectFrom('client_municipality_history as h')
    .innerJoin('municipalities as m', 'm.id', 'h.municipality_id')
    .select(['h.id', 'h.from_on', 'h.recorded_at', 'h.recorded_by', 'm.name as municipality_name'])
    .where('h.client_id', '=', clientId)
    .orderBy('h.from_on')
    .orderBy('h.id')
    .execute();
}

/** Bulk insert for demo data and imports. */
export async function insertRouteChanges(db: Executor, rows: Parameters<typeof insertRouteChange>[1][]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await db.insertInto('client_route_changes').values(rows.slice(i, i + 1000)).execute();
}

export async function listRouteChanges(db: Executor, clientId: string) {
  return db
    .selectFrom('client_route_changes as r')
    .leftJoin('users as u', 'u.id', 'r.changed_by')
    .select(['r.id', 'r.previous_route', 'r.route', 'r.reason', 'r.changed_at', 'u.id as user_id', 'u.display_name as user_name'])
    .where('r.client_id', '=', clientId)
    .orderBy('r.changed_at', 'desc')
    .orderBy('r.id', 'desc')
    .execute();
}

export async function insertReferrals(
  db: Executor,
  rows: { organisation_id: string; client_id: string; external_organisation_id: string; status: ReferralStatus }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('referrals').values(rows).execute();
}

export async function findMunicipalityOfOrganisation(db: Executor, organisationId: string, municipalityId: string) {
  return db.selectFrom('municipalities').select(['id', 'name']).where('organisation_id', '=', organisationId).where('id', '=', municipalityId).executeTakeFirst();
}

/** A coach of the organisation in a given team (for a team lead's choice of coach). */
export async function findCoachInTeam(db: Executor, organisationId: string, coachId: string, teamId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'team_id'])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', coachId)
    .where('role', '=', 'coach')
    .where('team_id', '=', teamId)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
}

/** Processing-log pseudonyms of clients by id (for processing that did not load the clients itself). */
export async function findPseudonyms(db: Executor, clientIds: string[]): Promise<string[]> {
  const result: string[] = [];
  for (let i = 0; i < clientIds.length; i += 5000) {
    const rows = await db.selectFrom('clients').select('bsn_pseudonym').where('id', 'in', clientIds.slice(i, i + 5000)).execute();
    result.push(...rows.map((r) => r.bsn_pseudonym));
  }
  return result;
}
