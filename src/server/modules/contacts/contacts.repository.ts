import type { Executor } from '../../db/database.ts';
import type { ContactMomentsTable } from '../../db/schema.ts';

export async function insertContact(
  db: Executor,
  row: { organisation_id: string; client_id: string; kind: ContactMomentsTable['kind']; occurred_on: string; summary: string; confidential: boolean; author_id: string },
) {
  return db.insertInto('contact_moments').values(row).returning('id').executeTakeFirstOrThrow();
}

function contactsWithAuthor(db: Executor) {
  return db
    .selectFrom('contact_moments as c')
    .leftJoin('users as u', 'u.id', 'c.author_id')
    .select(['c.id', 'c.kind', 'c.occurred_on', 'c.summary', 'c.confidential', 'c.created_at', 'u.id as author_id', 'u.display_name as author_name']);
}

export async function findContact(db: Executor, id: string) {
  return contactsWithAuthor(db).where('c.id', '=', id).executeTakeFirstOrThrow();
}

/** A client's contact moments, newest first; confidential ones only when asked for. */
export async function listContacts(db: Executor, clientId: string, includeConfidential: boolean) {
  let query = contactsWithAuthor(db).where('c.client_id', '=', clientId);
  if (!includeConfidential) query = query.where('c.confidential', '=', false);
  return query.orderBy('c.occurred_on', 'desc').orderBy('c.created_at', 'desc').execute();
}

export type ContactRow = Awaited<ReturnType<typeof listContacts>>[number];

/** The latest yearly conversation of a client, to keep the client summary in step. */
export async function findLatestAnnualConversation(db: Executor, clientId: string) {
  const row = await db
    .selectFrom('contact_moments')
    .select((eb) => eb.fn.max('occurred_on').as('last'))
    .where('client_id', '=', clientId)
    .where('kind', '=', 'jaargesprek')
    .executeTakeFirst();
  return (row?.last as string | null | undefined) ?? null;
}

/** Bulk insert for demo data. */
export async function insertContacts(db: Executor, rows: Parameters<typeof insertContact>[1][]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await db.insertInto('contact_moments').values(rows.slice(i, i + 1000)).execute();
}
