import type { Executor } from '../../db/database.ts';

export async function insertOrganisation(db: Executor, row: { name: string; slug: string; coach_client_scope?: 'own' | 'team' | 'organisation' }) {
  return db.insertInto('organisations').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function insertProcessingActivities(
  db: Executor,
  rows: { organisation_id: string; code: string; name: string; purpose: string; legal_ground: string; retention: string }[],
): Promise<void> {
  await db.insertInto('processing_activities').values(rows).execute();
}

/** The same rows, skipping the codes an organisation already has (its own wording of them stays). */
export async function insertMissingProcessingActivities(db: Executor, rows: Parameters<typeof insertProcessingActivities>[1]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('processing_activities')
    .values(rows)
    .onConflict((oc) => oc.columns(['organisation_id', 'code']).doNothing())
    .execute();
}

export async function countOrganisations(db: Executor): Promise<number> {
  const row = await db.selectFrom('organisations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Reserves `count` client numbers for an organisation and returns the first. The row lock of the
 * UPDATE serialises concurrent registrations, so numbers are never handed out twice.
 */
export async function reserveClientNumbers(db: Executor, organisationId: string, count: number): Promise<number> {
  const row = await db
    .updateTable('organisations')
    .set((eb) => ({ client_number_counter: eb('client_number_counter', '+', count) }))
    .where('id', '=', organisationId)
    .returning('client_number_counter')
    .executeTakeFirstOrThrow();
  return Number(row.client_number_counter) - count + 1;
}

/** The display form of a client number. */
export function formatClientNumber(n: number): string {
  return `C${n}`;
}

export async function listOrganisationIds(db: Executor): Promise<string[]> {
  return (await db.selectFrom('organisations').select('id').execute()).map((r) => r.id);
}

/** The organisation's name, for documents that carry it (the printable plan). */
export async function findOrganisationName(db: Executor, organisationId: string): Promise<string> {
  return (await db.selectFrom('organisations').select('name').where('id', '=', organisationId).executeTakeFirstOrThrow()).name;
}
