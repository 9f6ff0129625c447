import type { Insertable, Updateable } from 'kysely';
import type { Actor } from '../../authz/actor.ts';
import { clientScope } from '../../authz/scopes.ts';
import type { Executor } from '../../db/database.ts';
import type { BeschutWerkApplicationsTable } from '../../db/schema.ts';
import { updateIfVersion } from '../../db/versioned-rows.ts';
import type { BeschutStatus } from '../../../shared/placements.ts';

/** Sets a municipality's quota for a year (insert or replace). */
export async function saveQuota(db: Executor, row: { organisation_id: string; municipality_id: string; year: number; quota: number; updated_by: string | null }): Promise<void> {
  await db
    .insertInto('beschut_werk_quotas')
    .values(row)
    .onConflict((oc) => oc.columns(['municipality_id', 'year']).doUpdateSet({ quota: row.quota, updated_by: row.updated_by, updated_at: new Date() }))
    .execute();
}

/**
 * Per municipality of the organisation, on a reference date: the quota of the year, beschut werk
 * placements running (realised), applications in assessment, positively assessed clients
 * waiting for a place, and fitness trajectories started in the year.
 */
export async function quotaOverview(db: Executor, organisationId: string, year: number, on: string) {
  return db
    .selectFrom('municipalities as m')
    .leftJoin('beschut_werk_quotas as q', (join) => join.onRef('q.municipality_id', '=', 'm.id').on('q.year', '=', year))
    .select((eb) => [
      'm.id',
      'm.name',
      'q.quota',
      eb
        .selectFrom('placements as p')
        .select(eb.fn.countAll<number>().as('n'))
        .where('p.organisation_id', '=', organisationId)
        .where('p.kind', '=', 'beschut_werk')
        .whereRef('p.municipality_id', '=', 'm.id')
        .where('p.starts_on', '<=', on)
        .where((w) => w.or([w('p.ended_on', 'is', null), w('p.ended_on', '>', on)]))
        .as('realised'),
      eb
        .selectFrom('beschut_werk_applications as a')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('a.municipality_id', '=', 'm.id')
        .where('a.requested_on', '<=', on)
        .where((w) => w.or([w('a.assessed_on', 'is', null), w('a.assessed_on', '>', on)]))
        .as('in_assessment'),
      eb
        .selectFrom('beschut_werk_applications as a')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('a.municipality_id', '=', 'm.id')
        .where('a.advice', '=', 'positief')
        .where('a.assessed_on', '<=', on)
        .where((w) => w.or([w('a.placed_on', 'is', null), w('a.placed_on', '>', on)]))
        .where((w) => w.or([w('a.werkfit_started_on', 'is', null), w('a.werkfit_started_on', '>', on)]))
        .as('waiting'),
      eb
        .selectFrom('beschut_werk_applications as a')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('a.municipality_id', '=', 'm.id')
        .where('a.werkfit_started_on', '>=', `${year}-01-01`)
        .where('a.werkfit_started_on', '<=', on)
        .as('werkfit'),
    ])
    .where('m.organisation_id', '=', organisationId)
    .orderBy('m.name')
    .execute();
}

export type QuotaOverviewRow = Awaited<ReturnType<typeof quotaOverview>>[number];

export async function insertApplication(db: Executor, row: Insertable<BeschutWerkApplicationsTable>) {
  return db.insertInto('beschut_werk_applications').values(row).returning('id').executeTakeFirstOrThrow();
}

/** Inserts many applications at once (demo data). */
export async function insertApplications(db: Executor, rows: Insertable<BeschutWerkApplicationsTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('beschut_werk_applications').values(rows).execute();
}

export async function findApplication(db: Executor, organisationId: string, id: string) {
  return db.selectFrom('beschut_werk_applications').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
}

export type ApplicationRow = NonNullable<Awaited<ReturnType<typeof findApplication>>>;

export async function listClientApplications(db: Executor, clientId: string) {
  return db.selectFrom('beschut_werk_applications').selectAll().where('client_id', '=', clientId).orderBy('requested_on', 'desc').execute();
}

/** The client's open application (in assessment or waiting), if any. */
export async function findOpenApplication(db: Executor, clientId: string) {
  return db.selectFrom('beschut_werk_applications').selectAll().where('client_id', '=', clientId).where('status', 'in', ['in_beoordeling', 'positief']).executeTakeFirst();
}

/** Applications of the clients in the actor's scope with a given status, with the client's name. */
export async function listApplicationsInScope(db: Executor, actor: Actor, filter: { status: BeschutStatus; municipalityId?: string; limit: number }) {
  let query = db
    .selectFrom('beschut_werk_applications as a')
    .innerJoin('clients', 'clients.id', 'a.client_id')
    .innerJoin('municipalities as m', 'm.id', 'a.municipality_id')
    .leftJoin('users as coach', 'coach.id', 'clients.coach_id')
    .selectAll('a')
    .select([
      'clients.first_name', 'clients.last_name', 'clients.client_number', 'clients.bsn_pseudonym', 'clients.coach_id', 'clients.team_id', 'm.name as municipality_name',
      'coach.display_name as coach_name',
    ])
    .where(clientScope(actor))
    .where('a.status', '=', filter.status);
  if (filter.municipalityId) query = query.where('a.municipality_id', '=', filter.municipalityId);
  // Longest waiting first: the waiting list is served in order.
  return query.orderBy(filter.status === 'positief' ? 'a.assessed_on' : 'a.requested_on').orderBy('a.id').limit(filter.limit).execute();
}

export type ScopedApplicationRow = Awaited<ReturnType<typeof listApplicationsInScope>>[number];

/** Changes an application only if it still has the version the caller read. */
export const updateApplicationIfVersion = (db: Executor, id: string, expectedVersion: number, changes: Updateable<BeschutWerkApplicationsTable>) =>
  updateIfVersion(db, 'beschut_werk_applications', id, expectedVersion, changes);

/** A waiting client got a place: the application records which placement, from when. */
export async function markApplicationPlaced(db: Executor, id: string, placementId: string, placedOn: string): Promise<void> {
  await db
    .updateTable('beschut_werk_applications')
    .set((eb) => ({ status: 'geplaatst' as const, placement_id: placementId, placed_on: placedOn, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id)
    .execute();
}
