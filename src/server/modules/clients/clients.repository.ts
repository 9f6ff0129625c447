import { sql } from 'kysely';
import type { Actor } from '../../authz/actor.ts';
import { clientScope } from '../../authz/scopes.ts';
import type { Executor } from '../../db/database.ts';

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
  'clients.bsn_pseudonym', 'clients.coach_id', 'clients.team_id', 'clients.organisation_id',
  'm.id as municipality_id', 'm.name as municipality_name', 'coach.display_name as coach_name', 't.name as team_name',
] as const;

/** `q` searches; `coachId` narrows to one coach's own caseload within the scope. */
export type ClientSearch = { q?: string; coachId?: string; limit: number; offset: number };

/** A search term is a BSN (9 digits), a client number, or the start of a last or first name. */
function applySearch<QB extends ReturnType<typeof scopedClients>>(query: QB, q: string | undefined, coachId?: string): QB {
  if (coachId) query = query.where('clients.coach_id', '=', coachId) as QB;
  const term = q?.trim();
  if (!term) return query;
  if (/^\d{9}$/.test(term)) return query.where('clients.bsn', '=', term) as QB;
  const prefix = `${term.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return query.where((eb) =>
    eb.or([
      eb('clients.client_number', '=', term),
      eb(sql`lower(clients.last_name)`, 'like', prefix),
      eb(sql`lower(clients.first_name)`, 'like', prefix),
    ]),
  ) as QB;
}

export async function searchClients(db: Executor, actor: Actor, search: ClientSearch) {
  return applySearch(scopedClients(db, actor), search.q, search.coachId)
    .select(LIST_COLUMNS)
    .orderBy('clients.last_name')
    .orderBy('clients.first_name')
    .orderBy('clients.id')
    .limit(search.limit)
    .offset(search.offset)
    .execute();
}

export async function countClients(db: Executor, actor: Actor, search: Pick<ClientSearch, 'q' | 'coachId'>): Promise<number> {
  const row = await applySearch(scopedClients(db, actor), search.q, search.coachId)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export type ClientListRow = Awaited<ReturnType<typeof searchClients>>[number];

/** One client within the actor's scope, or undefined: a client outside it does not exist for them. */
export async function findClient(db: Executor, actor: Actor, clientId: string) {
  return scopedClients(db, actor).select([...LIST_COLUMNS, 'clients.bsn']).where('clients.id', '=', clientId).executeTakeFirst();
}

export type ClientRecord = NonNullable<Awaited<ReturnType<typeof findClient>>>;

export type NewClientRow = {
  organisation_id: string;
  client_number: string;
  bsn: string;
  bsn_pseudonym: string;
  first_name: string;
  last_name: string;
  date_of_birth: string;
  municipality_id: string;
  team_id: string | null;
  coach_id: string | null;
};

/** Inserts clients in one statement per batch (demo data, import, benchmark set-up). */
export async function insertClients(db: Executor, rows: NewClientRow[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const inserted = await db.insertInto('clients').values(rows).returning('id').execute();
  return inserted.map((r) => r.id);
}

export async function insertReferrals(
  db: Executor,
  rows: { organisation_id: string; client_id: string; external_organisation_id: string; status: import('../../db/schema.ts').ReferralStatus }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('referrals').values(rows).execute();
}
