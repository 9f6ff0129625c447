import type { Executor } from '../../db/database.ts';

/** Positive Health measurements of the client, oldest first, answers included. */
export async function listHealthMeasurementsOf(db: Executor, clientId: string) {
  return db.selectFrom('health_measurements').selectAll().where('client_id', '=', clientId).orderBy('measured_on').orderBy('created_at').execute();
}

/** Zelfredzaamheid-Matrix measurements of the client, oldest first. */
export async function listZrmMeasurementsOf(db: Executor, clientId: string) {
  return db.selectFrom('zrm_measurements').selectAll().where('client_id', '=', clientId).orderBy('measured_on').orderBy('created_at').execute();
}

/** Goals of the client's plan. */
export async function listGoalsOf(db: Executor, clientId: string) {
  return db.selectFrom('plan_goals').selectAll().where('client_id', '=', clientId).orderBy('created_at').execute();
}

/** Actions towards the client's goals. */
export async function listGoalActionsOf(db: Executor, clientId: string) {
  return db.selectFrom('plan_goal_actions').selectAll().where('client_id', '=', clientId).orderBy('created_at').execute();
}
