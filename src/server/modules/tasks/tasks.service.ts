import { inActorTransaction } from '../../authz/boundary.ts';
import type { Kysely } from 'kysely';
import { ESCALATION_TARGET_LABELS } from '../../../shared/client-fields.ts';
import { addDays, addMonths, todayIso } from '../../../shared/dates.ts';
import { TRAJECTORY_ENDING_SOON_DAYS } from '../../../shared/referrals.ts';
import { authorize } from '../../authz/policy.ts';
import type { Executor } from '../../db/database.ts';
import type { DB, TaskKind } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { traceContextFrom } from '../../http/trace-context.ts';
import { findCoachInTeam, findPseudonyms } from '../clients/clients.repository.ts';
import { loadClientForAction } from '../clients/clients.service.ts';
import { recordProcessing, recordSystemProcessing } from '../processing-log/processing-log.service.ts';
import { taskPolicy } from './tasks.policy.ts';
import {
  completeOpenTasksOfKind,
  findRuleCandidates,
  findTask,
  insertRuleTasks,
  insertTask,
  lapseRuleTasksOfEndedClients,
  listTasks,
  markTaskDone,
  type NewTask,
} from './tasks.repository.ts';

/** Rule tasks are made this many days before they fall due, so they show up in time. */
export const RULE_HORIZON_DAYS = 30;

export type TaskQuery = { status: 'open' | 'afgerond' | 'vervallen'; scope: 'mine' | 'team'; clientId?: string; limit: number };

/** The caller's tasks, their team's (team lead), or one client's (anyone who works on the dossier). */
export async function listTasksFor(db: Kysely<DB>, ctx: RequestContext, query: TaskQuery) {
  return inActorTransaction(db, ctx, async (trx) => {
    const { actor } = ctx;
    let rows;
    if (query.clientId) {
      await loadClientForAction(trx, ctx, query.clientId, 'readTimeline');
      rows = await listTasks(trx, actor.organisationId, { status: query.status, clientId: query.clientId, limit: query.limit });
    } else if (query.scope === 'team') {
      if (actor.role !== 'team_lead' || !actor.teamId) throw new AppError('forbidden', 'Only a team lead sees the team’s tasks');
      rows = await listTasks(trx, actor.organisationId, { status: query.status, teamId: actor.teamId, limit: query.limit });
    } else {
      rows = await listTasks(trx, actor.organisationId, { status: query.status, assigneeId: actor.userId, limit: query.limit });
    }
    await recordProcessing(trx, ctx, {
      operation: 'tasks.list',
      activity: 'caseload-management',
      dataSubjectIds: rows.flatMap((r) => (r.bsn_pseudonym ? [r.bsn_pseudonym] : [])),
    });
    return rows;
  });
}

/** A task by hand, about a client (in the caller's reach) or not; assigned to the caller or a coach of their team. */
export async function createTask(db: Kysely<DB>, ctx: RequestContext, input: { title: string; dueOn: string; clientId?: string | null; assigneeId?: string | null }) {
  return inActorTransaction(db, ctx, async (trx) => {
    const { actor } = ctx;
    let assigneeId = actor.userId;
    if (input.assigneeId && input.assigneeId !== actor.userId) {
      if (actor.role !== 'team_lead' || !actor.teamId || !(await findCoachInTeam(trx, actor.organisationId, input.assigneeId, actor.teamId))) {
        throw new AppError('not_in_team', 'A task can be assigned to yourself, or by a team lead to a coach of the team', { field: 'assigneeId' });
      }
      assigneeId = input.assigneeId;
    }
    let pseudonym: string | undefined;
    if (input.clientId) pseudonym = (await loadClientForAction(trx, ctx, input.clientId, 'update')).bsn_pseudonym;
    const { id } = await insertTask(trx, {
      organisation_id: actor.organisationId,
      client_id: input.clientId ?? null,
      assignee_id: assigneeId,
      kind: 'handmatig',
      title: input.title,
      due_on: input.dueOn,
      created_by: actor.userId,
    });
    if (pseudonym) await recordProcessing(trx, ctx, { operation: 'tasks.create', activity: 'caseload-management', dataSubjectIds: [pseudonym] });
    return (await findTask(trx, actor.organisationId, id))!;
  });
}

export async function completeTask(db: Kysely<DB>, ctx: RequestContext, taskId: string) {
  return inActorTransaction(db, ctx, async (trx) => {
    const task = await findTask(trx, ctx.actor.organisationId, taskId);
    if (!task) throw notFound('Task');
    authorize(ctx.actor, taskPolicy, 'complete', task);
    await markTaskDone(trx, taskId, ctx.actor.userId);
    if (task.bsn_pseudonym) await recordProcessing(trx, ctx, { operation: 'tasks.complete', activity: 'caseload-management', dataSubjectIds: [task.bsn_pseudonym] });
    return (await findTask(trx, ctx.actor.organisationId, taskId))!;
  });
}

/**
 * Completes a client's open rule tasks of a kind when the work they asked for was done; with a
 * rule key prefix only those of one subject (`escalationTaskKey(id)`).
 */
export async function completeRuleTasks(trx: Executor, ctx: RequestContext, clientId: string, kind: TaskKind, ruleKeyPrefix?: string): Promise<void> {
  await completeOpenTasksOfKind(trx, clientId, kind, ctx.actor.userId, ruleKeyPrefix);
}

/** The rule key prefix of the tasks about one escalation (its due date follows). */
export const escalationTaskKey = (escalationId: string) => `escalatie:${escalationId}:`;
/** The rule key prefix of the tasks about one trajectory's end (its planned end date follows). */
export const trajectoryEndTaskKey = (referralId: string) => `traject:${referralId}:`;


/**
 * A task that an event in another module asks of the client's coach (a placement started, so
 * measure the ladder), in the caller's transaction. The key makes it once per event; returns
 * whether a task was made.
 */
export async function promptCoachTask(
  trx: Executor,
  ctx: RequestContext,
  task: { clientId: string; assigneeId: string | null; kind: TaskKind; title: string; dueOn: string; key: string },
): Promise<boolean> {
  const created = await insertRuleTasks(trx, [
    {
      organisation_id: ctx.actor.organisationId,
      client_id: task.clientId,
      assignee_id: task.assigneeId,
      kind: task.kind,
      title: task.title,
      due_on: task.dueOn,
      rule_key: task.key,
      created_by: ctx.actor.userId,
    },
  ]);
  return created.length === 1;
}

/**
 * Runs the task rules for an organisation, for clients still on the benefit: a ladder measurement
 * or yearly conversation falling due within 30 days, a signal past its follow-up date without
 * escalation, a trajectory planned to end within 30 days, and an escalation (or the partner
 * referral made for it) past its due date without an outcome each become a task for the client's
 * coach. Rule tasks of clients whose benefit has ended lapse. Rule keys make a rerun harmless.
 */
export async function generateRuleTasks(db: Kysely<DB>, organisationId: string, today = todayIso()): Promise<number> {
  const horizonDate = addDays(today, RULE_HORIZON_DAYS);
  return db.transaction().execute(async (trx) => {
    await lapseRuleTasksOfEndedClients(trx, organisationId, today, null, null);
    const candidates = await findRuleCandidates(trx, organisationId, today, horizonDate, addDays(today, TRAJECTORY_ENDING_SOON_DAYS));
    const tasks: NewTask[] = [];
    for (const c of candidates.ladder) {
      tasks.push({
        organisation_id: organisationId,
        client_id: c.id,
        assignee_id: c.coach_id,
        kind: 'ladder_meting',
        title: 'Participatieladder meten (jaarlijks)',
        due_on: c.ladder_measured_on ? addMonths(c.ladder_measured_on, 12) : today,
        rule_key: c.rule_key,
        created_by: null,
      });
    }
    for (const c of candidates.annual) {
      tasks.push({
        organisation_id: organisationId,
        client_id: c.id,
        assignee_id: c.coach_id,
        kind: 'jaargesprek',
        title: 'Jaargesprek over werk en activering voeren',
        due_on: c.annual_conversation_on ? addMonths(c.annual_conversation_on, 12) : today,
        rule_key: c.rule_key,
        created_by: null,
      });
    }
    for (const s of candidates.signals) {
      tasks.push({
        organisation_id: organisationId,
        client_id: s.client_id,
        assignee_id: s.coach_id,
        kind: 'signaal_opvolging',
        title: 'Signaal opvolgen: vervolgdatum verstreken zonder escalatie',
        due_on: s.follow_up_on!,
        rule_key: `signaal:${s.id}:${s.follow_up_on}`,
        created_by: null,
      });
    }
    for (const r of candidates.trajectories) {
      tasks.push({
        organisation_id: organisationId,
        client_id: r.client_id,
        assignee_id: r.coach_id,
        kind: 'traject_eindigt',
        title: `Traject bij ${r.provider_name} eindigt: eindmeting en vervolg voorbereiden`,
        due_on: r.planned_end_on!,
        rule_key: `${trajectoryEndTaskKey(r.id)}${r.planned_end_on}`,
        created_by: null,
      });
    }
    for (const e of candidates.escalations) {
      tasks.push({
        organisation_id: organisationId,
        client_id: e.client_id,
        assignee_id: e.coach_id,
        kind: 'escalatie_verlopen',
        title: `Terugkoppeling van ${e.partner_name ?? ESCALATION_TARGET_LABELS[e.target_kind]} uitgebleven: navragen`,
        due_on: e.due_on,
        rule_key: `${escalationTaskKey(e.id)}${e.due_on}`,
        created_by: null,
      });
    }
    // Only the clients who got a new task are logged: a rerun that makes nothing processed no one.
    const created: (string | null)[] = [];
    for (let i = 0; i < tasks.length; i += 1000) created.push(...(await insertRuleTasks(trx, tasks.slice(i, i + 1000))));
    if (created.length > 0) {
      const pseudonyms = await findPseudonyms(trx, [...new Set(created.filter((id) => id !== null))]);
      await recordSystemProcessing(trx, organisationId, traceContextFrom(undefined), {
        operation: 'tasks.generate-rules',
        activity: 'caseload-management',
        dataSubjectIds: pseudonyms,
      });
    }
    return created.length;
  });
}
