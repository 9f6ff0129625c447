import { sql, type ExpressionBuilder, type RawBuilder } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { DB, TaskKind } from '../../db/schema.ts';
import { onBenefit } from '../clients/outflow.repository.ts';

export type NewTask = {
  organisation_id: string;
  client_id: string | null;
  assignee_id: string | null;
  kind: TaskKind;
  title: string;
  due_on: string;
  rule_key?: string | null;
  created_by: string | null;
};

export async function insertTask(db: Executor, task: NewTask) {
  return db.insertInto('tasks').values(task).returning('id').executeTakeFirstOrThrow();
}

/** Inserts rule-made tasks, skipping those whose rule key already exists; returns the client of each new one. */
export async function insertRuleTasks(db: Executor, tasks: NewTask[]): Promise<(string | null)[]> {
  if (tasks.length === 0) return [];
  const result = await db
    .insertInto('tasks')
    .values(tasks)
    .onConflict((oc) => oc.columns(['organisation_id', 'rule_key']).where('rule_key', 'is not', null).doNothing())
    .returning('client_id')
    .execute();
  return result.map((r) => r.client_id);
}

function tasksWithNames(db: Executor, organisationId: string) {
  return db
    .selectFrom('tasks as k')
    .leftJoin('clients as c', 'c.id', 'k.client_id')
    .leftJoin('users as u', 'u.id', 'k.assignee_id')
    .select([
      'k.id', 'k.organisation_id', 'k.kind', 'k.title', 'k.due_on', 'k.status', 'k.client_id', 'k.assignee_id', 'k.completed_at',
      'c.first_name as client_first_name', 'c.last_name as client_last_name', 'c.bsn_pseudonym', 'c.team_id as client_team_id', 'c.coach_id as client_coach_id',
      'u.display_name as assignee_name', 'u.team_id as assignee_team_id',
    ])
    .where('k.organisation_id', '=', organisationId);
}

export type TaskFilter = { status: 'open' | 'afgerond' | 'vervallen'; assigneeId?: string; teamId?: string; clientId?: string; limit: number };

/**
 * Tasks by assignee, by the assignees' team, or by client; open ones by due date, done ones newest first.
 * 'open' is a SQL literal, not a parameter: only then can the prepared statement's generic plan
 * read the open partial indexes (tasks_assignee_idx, tasks_open_client_due_idx). With a parameter
 * it scanned every task (23 ms at 100,000 clients), so PostgreSQL planned the list afresh each time.
 */
export async function listTasks(db: Executor, organisationId: string, filter: TaskFilter) {
  let query = tasksWithNames(db, organisationId).where('k.status', '=', filter.status === 'open' ? sql.lit('open') : filter.status);
  if (filter.assigneeId) query = query.where('k.assignee_id', '=', filter.assigneeId);
  if (filter.teamId) query = query.where('u.team_id', '=', filter.teamId);
  if (filter.clientId) query = query.where('k.client_id', '=', filter.clientId);
  query = filter.status === 'open' ? query.orderBy('k.due_on').orderBy('k.id') : query.orderBy('k.completed_at', 'desc');
  return query.limit(filter.limit).execute();
}

export type TaskRow = Awaited<ReturnType<typeof listTasks>>[number];

export async function findTask(db: Executor, organisationId: string, taskId: string) {
  return tasksWithNames(db, organisationId).where('k.id', '=', taskId).executeTakeFirst();
}

export async function markTaskDone(db: Executor, taskId: string, userId: string): Promise<void> {
  await db.updateTable('tasks').set({ status: 'afgerond', completed_at: new Date(), completed_by: userId }).where('id', '=', taskId).execute();
}

/**
 * Completes the open rule-made tasks of a kind for a client (the measurement or conversation
 * happened), or only those whose rule key starts with the prefix (one escalation's).
 * Here and below, 'open' (like other statuses and kinds the code fixes) is a SQL literal so the
 * prepared statement's generic plan can use the partial indexes on open rows; with a parameter
 * it cannot, and tasks has no other index on client_id (a scan of every task).
 */
export async function completeOpenTasksOfKind(db: Executor, clientId: string, kind: TaskKind, userId: string, ruleKeyPrefix?: string): Promise<void> {
  let query = db
    .updateTable('tasks')
    .set({ status: 'afgerond', completed_at: new Date(), completed_by: userId })
    .where('client_id', '=', clientId)
    .where('kind', '=', kind)
    .where('status', '=', sql.lit('open'));
  if (ruleKeyPrefix) query = query.where(sql<string>`left(rule_key, ${ruleKeyPrefix.length})`, '=', ruleKeyPrefix);
  await query.execute();
}

/** Open tasks of the given clients move to another assignee (caseload reassignment). */
export async function reassignOpenTasks(db: Executor, clientIds: string[], fromUserId: string, toUserId: string): Promise<number> {
  if (clientIds.length === 0) return 0;
  const result = await db
    .updateTable('tasks')
    .set({ assignee_id: toUserId })
    .where('client_id', 'in', clientIds)
    .where('assignee_id', '=', fromUserId)
    .where('status', '=', sql.lit('open'))
    .returning('id')
    .execute();
  return result.length;
}

/**
 * The rule key of a yearly task (ladder measurement, yearly conversation) of a client: the rule,
 * the client and the date it was last done ('nooit' when never), so it is made once per due date.
 */
function yearlyRuleKey(rule: 'ladder' | 'jaargesprek', lastDone: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`${sql.lit(`${rule}:`)} || clients.id || ':' || coalesce(to_char(${lastDone}::timestamp, 'YYYY-MM-DD'), 'nooit')`;
}

/**
 * No task (in any state) carries the key yet. Most clients who are due have theirs from an
 * earlier run: leaving them out here, by a hash anti-join over the tasks, spares the hourly run
 * sending every due client through the app and back into an insert that skips them (1,000,000
 * clients: 700,000 candidates, 30–44 s a run, for nothing new).
 */
function noTaskWithKey(organisationId: string, key: RawBuilder<string>) {
  return (eb: ExpressionBuilder<DB, 'clients'>) =>
    eb.not(eb.exists(eb.selectFrom('tasks').select(sql`1`.as('one')).where('tasks.organisation_id', '=', organisationId).where('tasks.rule_key', '=', key)));
}

/**
 * Rule candidates, computed in SQL over the organisation's clients who are still on the benefit:
 * whose ladder measurement or yearly conversation falls due by `horizonDate` and has no task yet, open signals past
 * their follow-up date without an escalation, running trajectories planned to end by
 * `endingBy`, and open escalations past their due date without an outcome.
 */
export async function findRuleCandidates(db: Executor, organisationId: string, today: string, horizonDate: string, endingBy: string) {
  const ladderKey = yearlyRuleKey('ladder', sql`clients.ladder_measured_on`);
  const annualKey = yearlyRuleKey('jaargesprek', sql`clients.annual_conversation_on`);
  const ladder = await db
    .selectFrom('clients')
    .select(['id', 'coach_id', 'ladder_measured_on', ladderKey.as('rule_key')])
    .where('organisation_id', '=', organisationId)
    .where('coach_id', 'is not', null)
    .where(onBenefit(today))
    .where((eb) => eb.or([eb('ladder_measured_on', 'is', null), eb('ladder_measured_on', '<=', sql<string>`(${horizonDate}::date - interval '12 months')::date`)]))
    .where(noTaskWithKey(organisationId, ladderKey))
    .execute();
  const annual = await db
    .selectFrom('clients')
    .select(['id', 'coach_id', 'annual_conversation_on', 'date_of_birth', annualKey.as('rule_key')])
    .where('organisation_id', '=', organisationId)
    .where('coach_id', 'is not', null)
    .where(onBenefit(today))
    .where(noTaskWithKey(organisationId, annualKey))
    // Aged 27 up to 65 on the horizon date.
    .where('date_of_birth', '<=', sql<string>`(${horizonDate}::date - interval '27 years')::date`)
    .where('date_of_birth', '>', sql<string>`(${horizonDate}::date - interval '65 years')::date`)
    .where((eb) => eb.or([eb('annual_conversation_on', 'is', null), eb('annual_conversation_on', '<=', sql<string>`(${horizonDate}::date - interval '12 months')::date`)]))
    .execute();
  const signals = await db
    .selectFrom('signals as s')
    .innerJoin('clients', 'clients.id', 's.client_id')
    .select(['s.id', 's.client_id', 's.follow_up_on', 'clients.coach_id'])
    .where('s.organisation_id', '=', organisationId)
    .where('s.status', 'in', [sql.lit('open' as const), sql.lit('in_behandeling' as const)])
    .where('s.follow_up_on', '<', today)
    .where(onBenefit(today))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('escalations as e').select('e.id').whereRef('e.signal_id', '=', 's.id'))))
    .execute();
  const trajectories = await db
    .selectFrom('referrals as r')
    .innerJoin('clients', 'clients.id', 'r.client_id')
    .innerJoin('external_organisations as x', 'x.id', 'r.external_organisation_id')
    .select(['r.id', 'r.client_id', 'r.planned_end_on', 'clients.coach_id', 'x.name as provider_name'])
    .where('r.organisation_id', '=', organisationId)
    .where('r.status', '=', sql.lit('active'))
    .where('r.kind', '=', sql.lit('trajectory'))
    .where('r.planned_end_on', '<=', endingBy)
    .where('clients.coach_id', 'is not', null)
    .where(onBenefit(today))
    .execute();
  const escalations = await db
    .selectFrom('escalations as e')
    .innerJoin('signals as s', 's.id', 'e.signal_id')
    .innerJoin('clients', 'clients.id', 'e.client_id')
    .leftJoin('external_organisations as x', 'x.id', 'e.external_organisation_id')
    .select(['e.id', 'e.client_id', 'e.due_on', 'e.target_kind', 'clients.coach_id', 'x.name as partner_name'])
    .where('e.organisation_id', '=', organisationId)
    .where('e.status', '=', sql.lit('open'))
    .where('e.due_on', '<', today)
    .where('s.status', '!=', 'afgerond')
    .where('clients.coach_id', 'is not', null)
    .where(onBenefit(today))
    .execute();
  return { ladder, annual, signals, trajectories, escalations };
}

/**
 * Rule-made tasks (every kind but 'handmatig') of clients whose benefit has ended lapse: the
 * work they asked for is no longer due. Hand-made tasks stay; the coach decides about them.
 * One client (an outflow just registered) or, with `clientId` null, the whole organisation (the
 * rule run, for outflows registered ahead of their date). Returns how many lapsed.
 */
export async function lapseRuleTasksOfEndedClients(db: Executor, organisationId: string, today: string, clientId: string | null, userId: string | null): Promise<number> {
  let ended = db
    .selectFrom('clients')
    .select('clients.id')
    .where('clients.organisation_id', '=', organisationId)
    .where((eb) => eb.not(onBenefit(today)(eb)));
  if (clientId) ended = ended.where('clients.id', '=', clientId);
  const result = await db
    .updateTable('tasks')
    .set({ status: 'vervallen', completed_at: new Date(), completed_by: userId })
    .where('organisation_id', '=', organisationId)
    .where('status', '=', sql.lit('open'))
    .where('kind', '!=', 'handmatig')
    .where('client_id', 'in', ended)
    .returning('id')
    .execute();
  return result.length;
}
