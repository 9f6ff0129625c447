import type { Executor } from '../../db/database.ts';

/** Teams with their municipality and how many staff belong to them. */
function teamsWithNames(db: Executor, organisationId: string) {
  return db
    .selectFrom('teams as t')
    .leftJoin('municipalities as m', 'm.id', 't.municipality_id')
    .select((eb) => [
      't.id', 't.organisation_id', 't.name', 't.municipality_id', 'm.name as municipality_name',
      eb.selectFrom('users').select(eb.fn.countAll<number>().as('n')).whereRef('users.team_id', '=', 't.id').as('member_count'),
    ])
    .where('t.organisation_id', '=', organisationId);
}

export async function listTeams(db: Executor, organisationId: string) {
  return teamsWithNames(db, organisationId).orderBy('t.name').execute();
}

export async function findTeam(db: Executor, organisationId: string, teamId: string) {
  return teamsWithNames(db, organisationId).where('t.id', '=', teamId).executeTakeFirst();
}

export type TeamListRow = Awaited<ReturnType<typeof listTeams>>[number];

export async function findTeamByName(db: Executor, organisationId: string, name: string) {
  return db.selectFrom('teams').select('id').where('organisation_id', '=', organisationId).where('name', '=', name).executeTakeFirst();
}

export async function insertTeam(db: Executor, row: { organisation_id: string; name: string; municipality_id: string | null }) {
  return db.insertInto('teams').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function updateTeamRow(db: Executor, organisationId: string, teamId: string, changes: { name?: string; municipality_id?: string | null }) {
  await db.updateTable('teams').set({ ...changes, updated_at: new Date() }).where('organisation_id', '=', organisationId).where('id', '=', teamId).execute();
}
