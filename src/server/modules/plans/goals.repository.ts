import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { PlanGoalActionsTable, PlanGoalsTable } from '../../db/schema.ts';

const GOAL_COLUMNS = ['id', 'organisation_id', 'client_id', 'dimension', 'description', 'owner_kind', 'owner_name', 'due_on', 'status', 'progress', 'version', 'created_at'] as const;
const ACTION_COLUMNS = ['id', 'goal_id', 'client_id', 'description', 'owner_kind', 'owner_name', 'due_on', 'done', 'done_on', 'created_at'] as const;

export type NewGoal = Insertable<PlanGoalsTable>;
export type NewAction = Insertable<PlanGoalActionsTable>;

export async function insertGoal(db: Executor, row: NewGoal) {
  return db.insertInto('plan_goals').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function insertAction(db: Executor, row: NewAction) {
  return db.insertInto('plan_goal_actions').values(row).returning('id').executeTakeFirstOrThrow();
}

/** Bulk inserts for demo data; goal ids come back in order. */
export async function insertGoals(db: Executor, rows: NewGoal[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 500) ids.push(...(await db.insertInto('plan_goals').values(rows.slice(i, i + 500)).returning('id').execute()).map((r) => r.id));
  return ids;
}

export async function insertActions(db: Executor, rows: NewAction[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('plan_goal_actions').values(rows.slice(i, i + 500)).execute();
}

/** A client's goals in the order they were set. */
export async function listGoals(db: Executor, clientId: string) {
  return db.selectFrom('plan_goals').select(GOAL_COLUMNS).where('client_id', '=', clientId).orderBy('created_at').orderBy('id').execute();
}

export type GoalRow = Awaited<ReturnType<typeof listGoals>>[number];

/** The actions of a client's goals, in the order they were added. */
export async function listActionsOfClient(db: Executor, clientId: string) {
  return db.selectFrom('plan_goal_actions').select(ACTION_COLUMNS).where('client_id', '=', clientId).orderBy('created_at').orderBy('id').execute();
}

export type ActionRow = Awaited<ReturnType<typeof listActionsOfClient>>[number];

export async function findGoal(db: Executor, organisationId: string, goalId: string) {
  return db.selectFrom('plan_goals').select(GOAL_COLUMNS).where('organisation_id', '=', organisationId).where('id', '=', goalId).executeTakeFirst();
}

export async function findAction(db: Executor, organisationId: string, actionId: string) {
  return db.selectFrom('plan_goal_actions').select(ACTION_COLUMNS).where('organisation_id', '=', organisationId).where('id', '=', actionId).executeTakeFirst();
}

export async function listActionsOfGoal(db: Executor, goalId: string) {
  return db.selectFrom('plan_goal_actions').select(ACTION_COLUMNS).where('goal_id', '=', goalId).orderBy('created_at').orderBy('id').execute();
}

/** Changes a goal only if it still has the version the caller read. */
export async function updateGoalIfVersion(db: Executor, goalId: string, expectedVersion: number, changes: Updateable<PlanGoalsTable>): Promise<boolean> {
  const rows = await db
    .updateTable('plan_goals')
    .set((eb) => ({ ...changes, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', goalId)
    .where('version', '=', expectedVersion)
    .returning('id')
    .execute();
  return rows.length === 1;
}

export async function deleteGoal(db: Executor, goalId: string): Promise<void> {
  await db.deleteFrom('plan_goal_actions').where('goal_id', '=', goalId).execute();
  await db.deleteFrom('plan_goals').where('id', '=', goalId).execute();
}

export async function updateAction(db: Executor, actionId: string, changes: Updateable<PlanGoalActionsTable>): Promise<void> {
  await db.updateTable('plan_goal_actions').set(changes).where('id', '=', actionId).execute();
}

export async function deleteAction(db: Executor, actionId: string): Promise<void> {
  await db.deleteFrom('plan_goal_actions').where('id', '=', actionId).execute();
}
