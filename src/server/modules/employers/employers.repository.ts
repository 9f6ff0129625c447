import { sql, type Insertable, type Updateable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { EmployersTable } from '../../db/schema.ts';
import { updateIfVersion } from '../../db/versioned-rows.ts';

export type EmployerFilter = { q?: string; includeInactive: boolean; limit: number; offset: number };

/** Employers with their municipality's name and the number of placements running today. */
function employersWithCounts(db: Executor, organisationId: string, today: string) {
  return db
    .selectFrom('employers as e')
    .leftJoin('municipalities as m', 'm.id', 'e.municipality_id')
    .select((eb) => [
      'e.id', 'e.organisation_id', 'e.name', 'e.kvk_number', 'e.contact_name', 'e.contact_email', 'e.contact_phone', 'e.sector',
      'e.municipality_id', 'e.active', 'e.version', 'm.name as municipality_name',
      eb
        .selectFrom('placements as p')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('p.employer_id', '=', 'e.id')
        .where('p.starts_on', '<=', today)
        .where((w) => w.or([w('p.ended_on', 'is', null), w('p.ended_on', '>', today)]))
        .as('running_placements'),
    ])
    .where('e.organisation_id', '=', organisationId);
}

function applyFilter<QB extends ReturnType<typeof employersWithCounts>>(query: QB, filter: Pick<EmployerFilter, 'q' | 'includeInactive'>): QB {
  if (!filter.includeInactive) query = query.where('e.active', '=', true) as QB;
  const term = filter.q?.trim().toLowerCase();
  if (term) {
    const like = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb(sql`lower(e.name)`, 'like', like), eb('e.kvk_number', '=', term)])) as QB;
  }
  return query;
}

export async function listEmployers(db: Executor, organisationId: string, filter: EmployerFilter, today: string) {
  return applyFilter(employersWithCounts(db, organisationId, today), filter).orderBy(sql`lower(e.name)`).orderBy('e.id').limit(filter.limit).offset(filter.offset).execute();
}

export async function countEmployers(db: Executor, organisationId: string, filter: Pick<EmployerFilter, 'q' | 'includeInactive'>, today: string): Promise<number> {
  const rows = await applyFilter(employersWithCounts(db, organisationId, today), filter).clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).execute();
  return Number(rows[0]?.n ?? 0);
}

export async function findEmployer(db: Executor, organisationId: string, id: string, today: string) {
  return employersWithCounts(db, organisationId, today).where('e.id', '=', id).executeTakeFirst();
}

export type EmployerRow = NonNullable<Awaited<ReturnType<typeof findEmployer>>>;

/** Another employer of the organisation with this KvK number, if any. */
export async function kvkTaken(db: Executor, organisationId: string, kvkNumber: string, exceptId?: string): Promise<boolean> {
  let query = db.selectFrom('employers').select('id').where('organisation_id', '=', organisationId).where('kvk_number', '=', kvkNumber);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function insertEmployer(db: Executor, row: Insertable<EmployersTable>) {
  return db.insertInto('employers').values(row).returning('id').executeTakeFirstOrThrow();
}

/** Inserts many employers at once (demo data). */
export async function insertEmployers(db: Executor, rows: Insertable<EmployersTable>[]): Promise<string[]> {
  if (rows.length === 0) return [];
  return (await db.insertInto('employers').values(rows).returning('id').execute()).map((r) => r.id);
}

/** Changes an employer only if it still has the version the caller read. */
export const updateEmployerIfVersion = (db: Executor, id: string, expectedVersion: number, changes: Updateable<EmployersTable>) => updateIfVersion(db, 'employers', id, expectedVersion, changes);

/** An active employer of the organisation, for a new or changed placement. */
export async function findActiveEmployer(db: Executor, organisationId: string, id: string) {
  return db.selectFrom('employers').select(['id', 'name']).where('organisation_id', '=', organisationId).where('id', '=', id).where('active', '=', true).executeTakeFirst();
}
