import type { Kysely } from 'kysely';
import { todayIso } from '../../../shared/dates.ts';
import { GOAL_STATUS_NAMES } from '../../../shared/plan-goals.ts';
import { HEALTH_DIMENSION_NAMES } from '../../../shared/positive-health.ts';
import { inActorTransaction } from '../../authz/boundary.ts';
import type { Executor } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { recordProcessing } from '../processing-log/processing-log.service.ts';
import { addTimelineEvent } from '../timeline/timeline.service.ts';
import {
  deleteAction,
  deleteGoal,
  findAction,
  findGoal,
  insertAction,
  insertGoal,
  listActionsOfClient,
  listActionsOfGoal,
  listGoals,
  updateAction,
  updateGoalIfVersion,
} from './goals.repository.ts';
import { loadPlanForAction } from './plan-access.ts';
import { planPolicy } from './plans.policy.ts';
import type { ActionInput, ActionUpdateInput, GoalInput, GoalUpdateInput } from './plans.schema.ts';

type Owner = GoalInput['owner'];
const ownerColumns = (owner: Owner) => ({ owner_kind: owner.kind, owner_name: owner.kind === 'other' ? owner.name! : null });
const short = (text: string) => (text.length > 120 ? `${text.slice(0, 119)}…` : text);

/** A goal and the plan it belongs to, checked for managing it. */
async function loadGoal(trx: Executor, ctx: RequestContext, goalId: string) {
  const goal = await findGoal(trx, ctx.actor.organisationId, goalId);
  if (!goal) throw notFound('Goal');
  const { client } = await loadPlanForAction(trx, ctx, goal.client_id, 'manage');
  return { goal, client };
}

/** A client's goals with their actions, and whether the caller may change them. */
export async function goalsOf(db: Kysely<DB>, ctx: RequestContext, clientId: string) {
  return inActorTransaction(db, ctx, async (trx) => {
    const { client, subject } = await loadPlanForAction(trx, ctx, clientId, 'read');
    const [goals, actions] = await Promise.all([listGoals(trx, clientId), listActionsOfClient(trx, clientId)]);
    await recordProcessing(trx, ctx, { operation: 'plans.goals', activity: 'personal-plan', dataSubjectIds: [client.bsn_pseudonym] });
    return { goals, actions, policies: { manage: planPolicy.manage(ctx.actor, subject) } };
  });
}

/** Sets a goal under one of the six dimensions. */
export async function addGoal(db: Kysely<DB>, ctx: RequestContext, clientId: string, input: GoalInput) {
  return inActorTransaction(db, ctx, async (trx) => {
    const { client } = await loadPlanForAction(trx, ctx, clientId, 'manage');
    const { id } = await insertGoal(trx, {
      organisation_id: ctx.actor.organisationId,
      client_id: clientId,
      dimension: input.dimension,
      description: input.description,
      ...ownerColumns(input.owner),
      due_on: input.dueOn ?? null,
      created_by: ctx.actor.userId,
    });
    await addTimelineEvent(trx, ctx, { clientId, kind: 'plan.goal_added', summary: `Doel gesteld (${HEALTH_DIMENSION_NAMES[input.dimension]}): ${short(input.description)}`, subjectType: 'plan_goal', subjectId: id });
    await recordProcessing(trx, ctx, { operation: 'plans.goal-add', activity: 'personal-plan', dataSubjectIds: [client.bsn_pseudonym] });
    return { goal: (await findGoal(trx, ctx.actor.organisationId, id))!, actions: [] };
  });
}

/** Changes a goal under optimistic concurrency; an achieved goal is at 100% unless told otherwise. */
export async function changeGoal(db: Kysely<DB>, ctx: RequestContext, goalId: string, expectedVersion: number, input: GoalUpdateInput) {
  return inActorTransaction(db, ctx, async (trx) => {
    const { goal, client } = await loadGoal(trx, ctx, goalId);
    if (goal.version !== expectedVersion) throw new AppError('precondition_failed', 'Someone else changed this goal since you read it', { currentVersion: goal.version });
    const progress = input.progress ?? (input.status === 'achieved' ? 100 : undefined);
    const changed = await updateGoalIfVersion(trx, goalId, expectedVersion, {
      dimension: input.dimension,
      description: input.description,
      ...(input.owner ? ownerColumns(input.owner) : {}),
      due_on: input.dueOn,
      status: input.status,
      progress,
    });
    if (!changed) throw new AppError('precondition_failed', 'Someone else changed this goal since you read it');
    if (input.status && input.status !== goal.status) {
      await addTimelineEvent(trx, ctx, {
        clientId: goal.client_id,
        kind: 'plan.goal_status',
        summary: `Doel ${GOAL_STATUS_NAMES[input.status]}: ${short(input.description ?? goal.description)}`,
        subjectType: 'plan_goal',
        subjectId: goalId,
      });
    }
    await recordProcessing(trx, ctx, { operation: 'plans.goal-change', activity: 'personal-plan', dataSubjectIds: [client.bsn_pseudonym] });
    return { goal: (await findGoal(trx, ctx.actor.organisationId, goalId))!, actions: await listActionsOfGoal(trx, goalId) };
  });
}

/** Removes a goal with its actions (a goal set by mistake; a goal given up is 'stopped'). */
export async function removeGoal(db: Kysely<DB>, ctx: RequestContext, goalId: string) {
  return inActorTransaction(db, ctx, async (trx) => {
    const { goal, client } = await loadGoal(trx, ctx, goalId);
    await deleteGoal(trx, goalId);
    await addTimelineEvent(trx, ctx, { clientId: goal.client_id, kind: 'plan.goal_removed', summary: `Doel verwijderd: ${short(goal.description)}`, subjectType: 'plan_goal', subjectId: goalId });
    await recordProcessing(trx, ctx, { operation: 'plans.goal-remove', activity: 'personal-plan', dataSubjectIds: [client.bsn_pseudonym] });
  });
}

/** Adds an action towards a goal. */
export async function addAction(db: Kysely<DB>, ctx: RequestContext, goalId: string, input: ActionInput) {
  return inActorTransaction(db, ctx, async (trx) => {
    const { goal, client } = await loadGoal(trx, ctx, goalId);
    const { id } = await insertAction(trx, {
      organisation_id: ctx.actor.organisationId,
      goal_id: goalId,
      client_id: goal.client_id,
      description: input.description,
      ...ownerColumns(input.owner),
      due_on: input.dueOn ?? null,
      created_by: ctx.actor.userId,
    });
    await recordProcessing(trx, ctx, { operation: 'plans.action-add', activity: 'personal-plan', dataSubjectIds: [client.bsn_pseudonym] });
    return (await findAction(trx, ctx.actor.organisationId, id))!;
  });
}

/** Changes an action or ticks it off; a finished action lands on the timeline. */
export async function changeAction(db: Kysely<DB>, ctx: RequestContext, actionId: string, input: ActionUpdateInput) {
  return inActorTransaction(db, ctx, async (trx) => {
    const action = await findAction(trx, ctx.actor.organisationId, actionId);
    if (!action) throw notFound('Action');
    const { client } = await loadGoal(trx, ctx, action.goal_id);
    const doneChanged = input.done !== undefined && input.done !== action.done;
    await updateAction(trx, actionId, {
      description: input.description,
      ...(input.owner ? ownerColumns(input.owner) : {}),
      due_on: input.dueOn,
      ...(doneChanged ? { done: input.done, done_on: input.done ? todayIso() : null } : {}),
    });
    if (doneChanged && input.done) {
      await addTimelineEvent(trx, ctx, { clientId: action.client_id, kind: 'plan.action_done', summary: `Actie gedaan: ${short(input.description ?? action.description)}`, subjectType: 'plan_goal_action', subjectId: actionId });
    }
    await recordProcessing(trx, ctx, { operation: 'plans.action-change', activity: 'personal-plan', dataSubjectIds: [client.bsn_pseudonym] });
    return (await findAction(trx, ctx.actor.organisationId, actionId))!;
  });
}

export async function removeAction(db: Kysely<DB>, ctx: RequestContext, actionId: string) {
  return inActorTransaction(db, ctx, async (trx) => {
    const action = await findAction(trx, ctx.actor.organisationId, actionId);
    if (!action) throw notFound('Action');
    const { client } = await loadGoal(trx, ctx, action.goal_id);
    await deleteAction(trx, actionId);
    await recordProcessing(trx, ctx, { operation: 'plans.action-remove', activity: 'personal-plan', dataSubjectIds: [client.bsn_pseudonym] });
  });
}
