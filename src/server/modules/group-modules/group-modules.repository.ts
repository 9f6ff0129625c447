import { sql } from 'kysely';
import type { Actor } from '../../authz/actor.ts';
import { moduleScope } from '../../authz/module-scope.ts';
import type { Executor } from '../../db/database.ts';
import type { CohortStatus } from '../../db/schema.ts';
import type { SessionAttendanceRow } from './cohort-attendance.ts';

/** Modules the actor may see, with the provider's name. */
function scopedModules(db: Executor, actor: Actor) {
  return db
    .selectFrom('modules')
    .leftJoin('external_organisations as p', 'p.id', 'modules.provider_id')
    .where(moduleScope(actor))
    .select([
      'modules.id', 'modules.organisation_id', 'modules.provider_id', 'modules.name', 'modules.description', 'modules.active', 'modules.version',
      'p.name as provider_name',
    ]);
}

/** The module list, with the number of planned cohorts still to start. */
export async function listModules(db: Executor, actor: Actor, today: string) {
  return scopedModules(db, actor)
    .select((eb) =>
      eb
        .selectFrom('cohorts')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('cohorts.module_id', '=', 'modules.id')
        .where('cohorts.status', '=', 'gepland')
        .where('cohorts.starts_on', '>=', today)
        .as('upcoming_cohorts'),
    )
    .orderBy(sql`lower(modules.name)`)
    .execute();
}

export type ModuleRow = Awaited<ReturnType<typeof listModules>>[number];

export async function findModule(db: Executor, actor: Actor, moduleId: string) {
  return scopedModules(db, actor).where('modules.id', '=', moduleId).executeTakeFirst();
}

/** Another module of the same offerer with this name (names are unique per provider, case-insensitively). */
export async function moduleNameTaken(db: Executor, organisationId: string, providerId: string | null, name: string, exceptId?: string): Promise<boolean> {
  let query = db
    .selectFrom('modules')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where(sql`lower(name)`, '=', name.toLowerCase())
    .where((eb) => (providerId === null ? eb('provider_id', 'is', null) : eb('provider_id', '=', providerId)));
  if (exceptId) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function findProvider(db: Executor, organisationId: string, providerId: string) {
  return db
    .selectFrom('external_organisations')
    .select(['id', 'name'])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', providerId)
    .where('kind', '=', 'provider')
    .executeTakeFirst();
}

export async function insertModule(db: Executor, row: { organisation_id: string; provider_id: string | null; name: string; description: string }) {
  return db.insertInto('modules').values(row).returning('id').executeTakeFirstOrThrow();
}

/** Changes a module only when it still has the version the caller read; false when stale. */
export async function updateModuleIfVersion(db: Executor, moduleId: string, expectedVersion: number, changes: { name?: string; description?: string; active?: boolean }): Promise<boolean> {
  const result = await db
    .updateTable('modules')
    .set((eb) => ({ ...changes, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', moduleId)
    .where('version', '=', expectedVersion)
    .returning('id')
    .execute();
  return result.length === 1;
}

const COHORT_COLUMNS = [
  'c.id', 'c.organisation_id', 'c.module_id', 'c.label', 'c.starts_on', 'c.ends_on', 'c.capacity', 'c.location', 'c.collective', 'c.status',
  'c.version', 'modules.name as module_name', 'modules.provider_id',
] as const;

/** Cohorts of modules the actor may see, with the seats counted over all enrolments (see migration 0005). */
function scopedCohorts(db: Executor, actor: Actor) {
  return db
    .selectFrom('cohorts as c')
    .innerJoin('modules', 'modules.id', 'c.module_id')
    .crossJoinLateral(sql<{ placed: number; waiting: number; invited: number; selected: number }>`meedoen_cohort_counts(c.id)`.as('n'))
    .where(moduleScope(actor))
    .select(COHORT_COLUMNS)
    .select(['n.placed', 'n.waiting', 'n.invited', 'n.selected']);
}

export async function listCohorts(db: Executor, actor: Actor, moduleId: string) {
  return scopedCohorts(db, actor).where('c.module_id', '=', moduleId).orderBy('c.starts_on').orderBy('c.label').execute();
}

export type CohortRow = Awaited<ReturnType<typeof listCohorts>>[number];

export async function findCohort(db: Executor, actor: Actor, cohortId: string): Promise<CohortRow | undefined> {
  return scopedCohorts(db, actor).where('c.id', '=', cohortId).executeTakeFirst();
}

/**
 * Locks a cohort row for the rest of the transaction, so that seat counts and placements of two
 * concurrent requests happen one after the other. Returns false when the actor cannot see it.
 */
export async function lockCohort(db: Executor, actor: Actor, cohortId: string): Promise<boolean> {
  const row = await db
    .selectFrom('cohorts as c')
    .innerJoin('modules', 'modules.id', 'c.module_id')
    .where(moduleScope(actor))
    .where('c.id', '=', cohortId)
    .select('c.id')
    .forUpdate('c')
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertCohort(
  db: Executor,
  row: { organisation_id: string; module_id: string; label: string; starts_on: string; ends_on: string | null; capacity: number; location: string | null; collective: boolean },
) {
  return db.insertInto('cohorts').values(row).returning('id').executeTakeFirstOrThrow();
}

/** Changes a cohort only if it still has the version the caller read. */
export async function updateCohortIfVersion(
  db: Executor,
  cohortId: string,
  expectedVersion: number,
  changes: { label?: string; starts_on?: string; ends_on?: string | null; capacity?: number; location?: string | null; status?: CohortStatus },
): Promise<boolean> {
  const result = await db
    .updateTable('cohorts')
    .set((eb) => ({ ...changes, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', cohortId)
    .where('version', '=', expectedVersion)
    .returning('id')
    .execute();
  return result.length === 1;
}

export async function insertSession(db: Executor, row: { organisation_id: string; cohort_id: string; starts_at: Date; ends_at: Date | null; topic: string | null }) {
  return db.insertInto('cohort_sessions').values(row).returning('id').executeTakeFirstOrThrow();
}

/**
 * A cohort's sessions in order, each with its attendance rows (a session without any once, with
 * nulls), which tallyAttendance turns into the counts per session and the rate per participant.
 */
export async function listSessionsWithAttendance(db: Executor, cohortId: string): Promise<SessionAttendanceRow[]> {
  return db
    .selectFrom('cohort_sessions as s')
    .leftJoin('attendance as a', 'a.session_id', 's.id')
    .select(['s.id', 's.starts_at', 's.ends_at', 's.topic', 'a.enrolment_id', 'a.status as attendance_status'])
    .where('s.cohort_id', '=', cohortId)
    .orderBy('s.starts_at')
    .orderBy('s.id')
    .execute();
}

/** A session with its cohort id, when the actor may see the cohort's module. */
export async function findSession(db: Executor, actor: Actor, sessionId: string) {
  return db
    .selectFrom('cohort_sessions as s')
    .innerJoin('cohorts as c', 'c.id', 's.cohort_id')
    .innerJoin('modules', 'modules.id', 'c.module_id')
    .where(moduleScope(actor))
    .where('s.id', '=', sessionId)
    .select(['s.id', 's.cohort_id'])
    .executeTakeFirst();
}
