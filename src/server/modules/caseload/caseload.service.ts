import { inActorTransaction } from '../../authz/boundary.ts';
import type { Kysely } from 'kysely';
import { ROUTES, TARGET_GROUPS, type ClientRoute, type TargetGroup } from '../../../shared/client-fields.ts';
import { ageOn, todayIso } from '../../../shared/dates.ts';
import { endsSoon } from '../../../shared/referrals.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { recordAuditEvent } from '../audit/audit.ts';
import { attentionFlags, attentionThresholds, type AttentionThresholds } from '../clients/clients.presenter.ts';
import { findCoachInTeam } from '../clients/clients.repository.ts';
import { benefitEnded } from '../clients/outflow.repository.ts';
import { recordProcessing } from '../processing-log/processing-log.service.ts';
import { reassignOpenTasks } from '../tasks/tasks.repository.ts';
import { insertTimelineEvents } from '../timeline/timeline.repository.ts';
import { findTeamName, listAnnualConversationOverdue, listCaseloadRows, listTeamCoaches, moveClientsToCoach, type CaseloadRow } from './caseload.repository.ts';

export const ATTENTION_CODES = ['overdue_tasks', 'open_signals', 'trajectory_ending', 'annual_conversation_overdue', 'ladder_overdue', 'no_route'] as const;
export type AttentionCode = (typeof ATTENTION_CODES)[number];
/** How much each reason weighs when ordering the caseload: overdue work first, then risks, then what ends soon, then upkeep. */
const ATTENTION_WEIGHT: Record<AttentionCode, number> = {
  overdue_tasks: 32,
  open_signals: 16,
  trajectory_ending: 8,
  annual_conversation_overdue: 4,
  ladder_overdue: 2,
  no_route: 1,
};

export type CaseloadFilter = {
  coachId?: string;
  route?: ClientRoute | 'none';
  step?: number | 'none';
  municipalityId?: string;
  group?: TargetGroup;
  attention?: AttentionCode;
  /** Show the clients whose benefit has ended instead of those still on it. */
  outflowed?: boolean;
  limit: number;
  offset: number;
};

export type CaseloadEntry = CaseloadRow & {
  age: number;
  ladderOverdue: boolean;
  annualRequired: boolean;
  annualOverdue: boolean;
  outflowed: boolean;
  trajectoryEnding: boolean;
  attention: AttentionCode[];
  score: number;
};

/**
 * What needs attention for one client. A client whose benefit has ended ("uitgestroomd") needs
 * none: the rules leave them alone and their rule tasks have lapsed.
 */
function assess(row: CaseloadRow, thresholds: AttentionThresholds): CaseloadEntry {
  const flags = attentionFlags(row, thresholds);
  const outflowed = benefitEnded(row, thresholds.today);
  const trajectoryEnding = !outflowed && endsSoon({ status: 'active', plannedEndOn: row.trajectory_ends_on }, thresholds.today);
  const attention: AttentionCode[] = [];
  if (!outflowed) {
    if (Number(row.overdue_task_count) > 0) attention.push('overdue_tasks');
    if (row.open_signal_count > 0) attention.push('open_signals');
    if (trajectoryEnding) attention.push('trajectory_ending');
    if (flags.annualOverdue) attention.push('annual_conversation_overdue');
    if (flags.ladderOverdue) attention.push('ladder_overdue');
    if (!row.route) attention.push('no_route');
  }
  return { ...row, ...flags, outflowed, trajectoryEnding, attention, score: attention.reduce((s, c) => s + ATTENTION_WEIGHT[c], 0) };
}

/** The attention figures of a set of clients (each counts a client once). */
function tallyAttention(list: CaseloadEntry[]) {
  const has = (code: AttentionCode) => list.filter((e) => e.attention.includes(code)).length;
  return {
    ladderOverdue: has('ladder_overdue'),
    annualConversationOverdue: has('annual_conversation_overdue'),
    openSignals: has('open_signals'),
    overdueTasks: has('overdue_tasks'),
    trajectoryEnding: has('trajectory_ending'),
  };
}

function countBy<T extends string>(entries: CaseloadEntry[], keys: readonly T[], keyOf: (e: CaseloadEntry) => T | T[] | null, none = true) {
  const counts = Object.fromEntries([...keys, ...(none ? ['none'] : [])].map((k) => [k, 0])) as Record<T | 'none', number>;
  for (const e of entries) {
    const k = keyOf(e);
    if (k === null) (counts as Record<string, number>).none! += 1;
    else for (const one of [k].flat()) counts[one as T] += 1;
  }
  return counts;
}

/** Resolves whose caseload is asked for: a coach sees their own; a team lead any coach of the team, or the whole team. */
async function caseloadOwner(db: Kysely<DB>, ctx: RequestContext, coachId: string | undefined) {
  const { actor } = ctx;
  if (actor.role === 'coach') {
    if (coachId && coachId !== actor.userId) throw new AppError('forbidden', 'A coach sees their own caseload');
    return { coachId: actor.userId };
  }
  if (!actor.teamId) throw new AppError('forbidden', 'You lead no team');
  if (coachId) {
    if (!(await findCoachInTeam(db, actor.organisationId, coachId, actor.teamId))) throw new AppError('not_in_team', 'The coach is not in your team');
    return { coachId };
  }
  return { teamId: actor.teamId };
}

/**
 * "Mijn caseload": the clients with what needs attention first, the filters and their counts.
 * Clients whose benefit has ended are left out unless asked for (`outflowed`), and then shown
 * alone; every count covers the population shown, so a count always equals what its filter
 * lists, and `outflowed` says how many left. Only the clients on the page are personal data
 * shown, and only they are logged.
 */
export async function caseload(db: Kysely<DB>, ctx: RequestContext, filter: CaseloadFilter) {
  const today = todayIso();
  const owner = await caseloadOwner(db, ctx, filter.coachId);
  return inActorTransaction(db, ctx, async (trx) => {
    const thresholds = attentionThresholds(today);
    const everyone = (await listCaseloadRows(trx, ctx.actor, owner, today)).map((r) => assess(r, thresholds));
    const all = everyone.filter((e) => e.outflowed === !!filter.outflowed);
    const counts = {
      total: all.length,
      outflowed: everyone.filter((e) => e.outflowed).length,
      byRoute: countBy(all, ROUTES, (e) => e.route),
      byStep: countBy(all, ['1', '2', '3', '4', '5', '6'] as const, (e) => (e.ladder_step ? (String(e.ladder_step) as '1') : null)),
      byMunicipality: [...new Map(all.map((e) => [e.municipality_id, e.municipality_name])).entries()]
        .map(([id, name]) => ({ id, name, count: all.filter((e) => e.municipality_id === id).length }))
        .sort((a, b) => a.name.localeCompare(b.name, 'nl')),
      byGroup: countBy(all, TARGET_GROUPS, (e) => e.target_groups, false),
      attention: tallyAttention(all),
    };
    const filtered = all.filter(
      (e) =>
        (!filter.route || (filter.route === 'none' ? !e.route : e.route === filter.route)) &&
        (!filter.step || (filter.step === 'none' ? !e.ladder_step : e.ladder_step === filter.step)) &&
        (!filter.municipalityId || e.municipality_id === filter.municipalityId) &&
        (!filter.group || e.target_groups.includes(filter.group)) &&
        (!filter.attention || e.attention.includes(filter.attention)),
    );
    filtered.sort((a, b) => b.score - a.score || a.last_name.localeCompare(b.last_name, 'nl') || a.id.localeCompare(b.id));
    const page = filtered.slice(filter.offset, filter.offset + filter.limit);
    await recordProcessing(trx, ctx, { operation: 'caseload.list', activity: 'caseload-management', dataSubjectIds: page.map((e) => e.bsn_pseudonym) });
    return { items: page, total: filtered.length, counts };
  });
}

/**
 * A team lead's view: the coaches of the team side by side, with their counts (aggregates, no
 * personal data). A coach's client count is of clients still on the benefit, as their caseload
 * shows by default; those who left are counted apart.
 */
export async function teamCaseloads(db: Kysely<DB>, ctx: RequestContext) {
  const { actor } = ctx;
  if (!actor.teamId) throw new AppError('forbidden', 'You lead no team');
  const today = todayIso();
  const [team, coaches, rows] = await Promise.all([
    findTeamName(db, actor.teamId),
    listTeamCoaches(db, actor.organisationId, actor.teamId),
    listCaseloadRows(db, actor, { teamId: actor.teamId }, today),
  ]);
  const thresholds = attentionThresholds(today);
  const everyone = rows.map((r) => assess(r, thresholds));
  const entries = everyone.filter((e) => !e.outflowed);
  return {
    team: team!,
    coaches: coaches.map((c) => {
      const own = entries.filter((e) => e.coach_id === c.id);
      const outflowed = everyone.filter((e) => e.outflowed && e.coach_id === c.id).length;
      return { id: c.id, displayName: c.display_name, clientCount: own.length, outflowed, attention: tallyAttention(own) };
    }),
    unassigned: entries.filter((e) => !e.coach_id || !coaches.some((c) => c.id === e.coach_id)).length,
  };
}

/**
 * Moves clients (all or chosen ones) from one coach of the team to another. Everything moves
 * with them: open tasks change assignee; every client gets a timeline event and a processing-log
 * record, and the reassignment is audited. Nothing is half-done: one transaction.
 */
export async function reassignCaseload(db: Kysely<DB>, ctx: RequestContext, input: { fromCoachId: string; toCoachId: string; clientIds?: string[] }) {
  const { actor } = ctx;
  if (!actor.teamId) throw new AppError('forbidden', 'You lead no team');
  if (input.fromCoachId === input.toCoachId) throw new AppError('validation_failed', 'Choose two different coaches', { field: 'toCoachId' });
  return inActorTransaction(db, ctx, async (trx) => {
    const [from, to] = await Promise.all([
      findCoachInTeam(trx, actor.organisationId, input.fromCoachId, actor.teamId!),
      findCoachInTeam(trx, actor.organisationId, input.toCoachId, actor.teamId!),
    ]);
    if (!from) throw new AppError('not_in_team', 'The coach to move from is not in your team', { field: 'fromCoachId' });
    if (!to) throw new AppError('not_in_team', 'The coach to move to is not in your team (or is disabled)', { field: 'toCoachId' });
    const caseloadIds = (await listCaseloadRows(trx, actor, { coachId: input.fromCoachId }, todayIso())).map((r) => r.id);
    const chosen = input.clientIds ?? caseloadIds;
    const stray = chosen.filter((id) => !caseloadIds.includes(id));
    if (stray.length > 0) throw new AppError('validation_failed', `${stray.length} of the chosen clients are not in this coach's caseload`, { field: 'clientIds' });
    const moved = await moveClientsToCoach(trx, actor.organisationId, chosen, input.fromCoachId, input.toCoachId);
    const tasksMoved = await reassignOpenTasks(trx, chosen, input.fromCoachId, input.toCoachId);
    const now = new Date();
    await insertTimelineEvents(
      trx,
      moved.map((m) => ({
        organisation_id: actor.organisationId,
        client_id: m.id,
        occurred_at: now,
        kind: 'client.reassigned',
        summary: 'Overgedragen aan een andere participatiecoach',
        actor_id: actor.userId,
        subject_type: 'client',
        subject_id: m.id,
      })),
    );
    await recordProcessing(trx, ctx, { operation: 'caseload.reassign', activity: 'caseload-management', dataSubjectIds: moved.map((m) => m.bsn_pseudonym) });
    await recordAuditEvent(trx, ctx, {
      action: 'caseload.reassigned',
      subjectType: 'user',
      subjectId: input.fromCoachId,
      details: { toCoachId: input.toCoachId, clients: moved.length, tasks: tasksMoved },
    });
    return { moved: moved.length, tasksMoved };
  });
}

/** Who is overdue for the yearly conversation (aged 27–65, none in twelve months), within the scope. */
export async function annualConversationsOverdue(db: Kysely<DB>, ctx: RequestContext, page: { limit: number; offset: number }) {
  const today = todayIso();
  return inActorTransaction(db, ctx, async (trx) => {
    const { rows, total } = await listAnnualConversationOverdue(trx, ctx.actor, today, page);
    await recordProcessing(trx, ctx, { operation: 'annual-conversations.overdue', activity: 'caseload-management', dataSubjectIds: rows.map((r) => r.bsn_pseudonym) });
    return { rows: rows.map((r) => ({ ...r, age: ageOn(r.date_of_birth, today) })), total };
  });
}
