import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';

/** Projects of an organisation with their municipality and number of participants. */
function projectsOf(db: Executor, organisationId: string) {
  return db
    .selectFrom('projects as p')
    .leftJoin('municipalities as m', 'm.id', 'p.municipality_id')
    .where('p.organisation_id', '=', organisationId)
    .select(['p.id', 'p.organisation_id', 'p.name', 'p.description', 'p.municipality_id', 'm.name as municipality_name', 'p.starts_on', 'p.ends_on', 'p.version'])
    .select((eb) =>
      eb
        .selectFrom('project_participants as pp')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('pp.project_id', '=', 'p.id')
        .as('participant_count'),
    );
}

/** The projects, newest first; with `year`, only those that run during that calendar year. */
export async function listProjects(db: Executor, organisationId: string, year?: number) {
  let query = projectsOf(db, organisationId);
  if (year !== undefined) {
    query = query
      .where('p.starts_on', '<=', `${year}-12-31`)
      .where((eb) => eb.or([eb('p.ends_on', 'is', null), eb('p.ends_on', '>=', `${year}-01-01`)]));
  }
  return query.orderBy('p.starts_on', 'desc').orderBy('p.name').execute();
}

export type ProjectRow = Awaited<ReturnType<typeof listProjects>>[number];

export async function findProject(db: Executor, organisationId: string, projectId: string): Promise<ProjectRow | undefined> {
  return projectsOf(db, organisationId).where('p.id', '=', projectId).executeTakeFirst();
}

/**
 * Participants per project and calendar year, for every year from the project's start to its end
 * (or to today while it runs). A participant counts in a year when their participation overlaps
 * it; without a leaving date it lasts until the project's end.
 */
export async function countParticipantsByYear(db: Executor, projectIds: readonly string[], today: string) {
  if (projectIds.length === 0) return [];
  const { rows } = await sql<{ project_id: string; yr: number; n: number }>`
    select p.id as project_id, y.yr, count(pp.client_id)::int as n
    from projects p
    cross join lateral generate_series(
      extract(year from p.starts_on)::int,
      extract(year from coalesce(p.ends_on, greatest(${today}::date, p.starts_on)))::int
    ) as y(yr)
    left join project_participants pp
      on pp.project_id = p.id
      and pp.joined_on <= make_date(y.yr, 12, 31)
      and coalesce(pp.left_on, p.ends_on, 'infinity'::date) >= make_date(y.yr, 1, 1)
    where p.id in (${sql.join(projectIds)})
    group by p.id, y.yr
    order by p.id, y.yr`.execute(db);
  return rows;
}

export async function projectNameTaken(db: Executor, organisationId: string, name: string, exceptId?: string): Promise<boolean> {
  let query = db.selectFrom('projects').select('id').where('organisation_id', '=', organisationId).where('name', '=', name);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

type ProjectFields = { name: string; description: string; municipality_id: string | null; starts_on: string; ends_on: string | null };

export async function insertProject(db: Executor, row: ProjectFields & { organisation_id: string }) {
  return db.insertInto('projects').values(row).returning('id').executeTakeFirstOrThrow();
}

/** Changes a project only when it still has the version the caller read; false when stale. */
export async function updateProjectIfVersion(db: Executor, projectId: string, expectedVersion: number, changes: Partial<ProjectFields>): Promise<boolean> {
  const result = await db
    .updateTable('projects')
    .set((eb) => ({ ...changes, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', projectId)
    .where('version', '=', expectedVersion)
    .returning('id')
    .execute();
  return result.length === 1;
}

/** Who takes part in a project (and took part), earliest first. */
export async function listParticipants(db: Executor, projectId: string) {
  return db
    .selectFrom('project_participants')
    .select(['client_id', 'joined_on', 'left_on'])
    .where('project_id', '=', projectId)
    .orderBy('joined_on')
    .orderBy('client_id')
    .execute();
}

export async function findParticipant(db: Executor, projectId: string, clientId: string) {
  return db.selectFrom('project_participants').select(['client_id', 'joined_on', 'left_on']).where('project_id', '=', projectId).where('client_id', '=', clientId).executeTakeFirst();
}

export async function insertParticipant(db: Executor, row: { project_id: string; client_id: string; organisation_id: string; joined_on: string; added_by: string }): Promise<void> {
  await db.insertInto('project_participants').values(row).execute();
}

export async function setLeftOn(db: Executor, projectId: string, clientId: string, leftOn: string): Promise<void> {
  await db.updateTable('project_participants').set({ left_on: leftOn }).where('project_id', '=', projectId).where('client_id', '=', clientId).execute();
}

/** The projects a client takes or took part in, newest first. */
export async function listClientProjects(db: Executor, organisationId: string, clientId: string) {
  return db
    .selectFrom('project_participants as pp')
    .innerJoin('projects as p', 'p.id', 'pp.project_id')
    .select(['p.id', 'p.name', 'pp.joined_on', 'pp.left_on'])
    .where('p.organisation_id', '=', organisationId)
    .where('pp.client_id', '=', clientId)
    .orderBy('pp.joined_on', 'desc')
    .execute();
}
