import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { ClientWorkProfilesTable, PlacementsTable } from '../../db/schema.ts';
import { saveClientRowIfVersion, updateIfVersion } from '../../db/versioned-rows.ts';
import type { PlacementKind } from '../../../shared/placements.ts';

function placementsWithEmployer(db: Executor) {
  return db
    .selectFrom('placements as p')
    .leftJoin('employers as e', 'e.id', 'p.employer_id')
    .selectAll('p')
    .select(['e.name as employer_name']);
}

export async function listClientPlacements(db: Executor, clientId: string) {
  return placementsWithEmployer(db).where('p.client_id', '=', clientId).orderBy('p.starts_on', 'desc').orderBy('p.created_at', 'desc').execute();
}

export async function findPlacement(db: Executor, organisationId: string, id: string) {
  return placementsWithEmployer(db).where('p.organisation_id', '=', organisationId).where('p.id', '=', id).executeTakeFirst();
}

export type PlacementRow = NonNullable<Awaited<ReturnType<typeof findPlacement>>>;

export async function insertPlacement(db: Executor, row: Insertable<PlacementsTable>) {
  return db.insertInto('placements').values(row).returning('id').executeTakeFirstOrThrow();
}

/** Inserts many placements at once (demo data). */
export async function insertPlacements(db: Executor, rows: Insertable<PlacementsTable>[]): Promise<string[]> {
  if (rows.length === 0) return [];
  return (await db.insertInto('placements').values(rows).returning('id').execute()).map((r) => r.id);
}

/** Changes a placement only if it still has the version the caller read. */
export const updatePlacementIfVersion = (db: Executor, id: string, expectedVersion: number, changes: Updateable<PlacementsTable>) =>
  updateIfVersion(db, 'placements', id, expectedVersion, changes);

/** Whether the client ever had a placement of this kind (an earlier SW job allows a return). */
export async function hadPlacementOfKind(db: Executor, clientId: string, kind: PlacementKind): Promise<boolean> {
  return (await db.selectFrom('placements').select('id').where('client_id', '=', clientId).where('kind', '=', kind).executeTakeFirst()) !== undefined;
}

/** The client's other placements running on a date (what the ladder step rests on after one ends). */
export async function runningPlacementsOn(db: Executor, clientId: string, on: string, exceptId: string) {
  return db
    .selectFrom('placements')
    .select(['kind', 'wage_subsidy', 'job_coach'])
    .where('client_id', '=', clientId)
    .where('id', '!=', exceptId)
    .where('starts_on', '<=', on)
    .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>', on)]))
    .execute();
}

export async function findWorkProfile(db: Executor, clientId: string) {
  return db.selectFrom('client_work_profiles').selectAll().where('client_id', '=', clientId).executeTakeFirst();
}

export type WorkProfileRow = NonNullable<Awaited<ReturnType<typeof findWorkProfile>>>;

export type WorkProfileValues = Pick<ClientWorkProfilesTable, 'doelgroepregister' | 'doelgroepregister_on' | 'wsw_history' | 'wsw_ended_on'>;

/** Writes the work profile if it still has the version the caller read (0: none yet). */
export const saveWorkProfileIfVersion = (db: Executor, row: { client_id: string; organisation_id: string; updated_by: string } & WorkProfileValues, expectedVersion: number) =>
  saveClientRowIfVersion(db, 'client_work_profiles', row, expectedVersion);

/** Inserts many work profiles at once (demo data). */
export async function insertWorkProfiles(db: Executor, rows: Insertable<ClientWorkProfilesTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('client_work_profiles').values(rows).execute();
}
