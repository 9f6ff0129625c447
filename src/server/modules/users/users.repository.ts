import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { NewUser, UserUpdate } from '../../db/schema.ts';

export async function findUserByEmail(db: Executor, email: string) {
  return db.selectFrom('users').selectAll().where(sql`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();
}

export async function findUserInOrganisation(db: Executor, organisationId: string, userId: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', userId)
    .executeTakeFirst();
}

/** Counts a failed login and locks the account when the limit is reached, atomically. */
export async function recordFailedLogin(db: Executor, userId: string, maxFailures: number, lockUntil: Date) {
  return db
    .updateTable('users')
    .set((eb) => ({
      failed_login_count: eb('failed_login_count', '+', 1),
      locked_until: eb
        .case()
        .when(eb('failed_login_count', '+', 1), '>=', maxFailures)
        .then(lockUntil)
        .else(eb.ref('locked_until'))
        .end(),
    }))
    .where('id', '=', userId)
    .returning(['failed_login_count', 'locked_until'])
    .executeTakeFirstOrThrow();
}

export async function recordSuccessfulLogin(db: Executor, userId: string, now: Date): Promise<void> {
  await db
    .updateTable('users')
    .set({ failed_login_count: 0, locked_until: null, last_login_at: now })
    .where('id', '=', userId)
    .execute();
}

/** Users with their team and external organisation names: the admin list's row. */
function usersWithNames(db: Executor, organisationId: string) {
  return db
    .selectFrom('users as u')
    .leftJoin('teams as t', 't.id', 'u.team_id')
    .leftJoin('external_organisations as x', 'x.id', 'u.external_organisation_id')
    .select([
      'u.id', 'u.organisation_id', 'u.email', 'u.display_name', 'u.role', 'u.disabled_at', 'u.locked_until', 'u.last_login_at',
      'u.team_id', 't.name as team_name', 'u.external_organisation_id', 'x.name as external_organisation_name',
      'x.kind as external_organisation_kind',
    ])
    .where('u.organisation_id', '=', organisationId);
}

/** Staff users of an organisation (client accounts are managed from the client's dossier). */
export async function listUsers(db: Executor, organisationId: string) {
  return usersWithNames(db, organisationId).where('u.role', '!=', 'client').orderBy('u.display_name').execute();
}

export type UserListRow = Awaited<ReturnType<typeof listUsers>>[number];

export async function findUserListRow(db: Executor, organisationId: string, userId: string) {
  return usersWithNames(db, organisationId).where('u.id', '=', userId).executeTakeFirst();
}

export async function insertUser(db: Executor, user: NewUser) {
  return db.insertInto('users').values(user).returning('id').executeTakeFirstOrThrow();
}

export async function updateUser(db: Executor, organisationId: string, userId: string, changes: UserUpdate): Promise<void> {
  await db
    .updateTable('users')
    .set({ ...changes, updated_at: new Date() })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', userId)
    .execute();
}

/** Whether a team belongs to the organisation (foreign ids from a request are never trusted). */
export async function teamBelongsTo(db: Executor, organisationId: string, teamId: string): Promise<boolean> {
  const row = await db.selectFrom('teams').select('id').where('organisation_id', '=', organisationId).where('id', '=', teamId).executeTakeFirst();
  return !!row;
}

export async function findExternalOrganisation(db: Executor, organisationId: string, id: string) {
  return db
    .selectFrom('external_organisations')
    .select(['id', 'kind'])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}
