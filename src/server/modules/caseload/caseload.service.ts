import { inActorTransaction } from '../../authz/boundary.ts';
import type { Kysely } from 'kysely';
import { ageOn, todayIso } from '../../../shared/dates.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { recordAuditEvent } from '../audit/audit.ts';
import { attentionThresholds } from '../clients/clients.presenter.ts';
import { findCoachInTeam } from '../clients/clients.repository.ts';
import { recordProcessing } from '../processing-log/processing-log.service.ts';
import { reassignOpenTasks } from '../tasks/tasks.repository.ts';
import { insertTimelineEvents } from '../timeline/timeline.repository.ts';
import { assess, byAttention, caseloadCounts, matchesFilter, tallyAttention, type CaseloadEntry, type CaseloadFilter } from './caseload.attention.ts';
import { findTeamName, listAnnualConversationOverdue, listCaseloadRows, listTeamCoaches, moveClientsToCoach } from './caseload.repository.ts';

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
    const all: CaseloadEntry[] = [];
    let outflowed = 0;
    for (const row of await listCaseloadRows(trx, ctx.actor, owner, today)) {
      const entry = assess(row, thresholds);
      if (entry.outflowed) outflowed += 1;
      if (entry.outflowed === !!filter.outflowed) all.push(entry);
    }
    const { total, ...facets } = caseloadCounts(all);
    const counts = { total, outflowed, ...facets };
    const filtered = all.filter((e) => matchesFilter(e, filter)).sort(byAttention);
    const page = filtered.slice(filter.offset, filter.offset + filter.limit);
    await recordProcessing(trx, ctx, { operation: 'caseload.list', activity: 'caseload-management', dataSubjectIds: page.map((e) => e.row.bsn_pseudonym) });
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
  const byCoach = new Map(coaches.map((c) => [c.id, { onBenefit: [] as CaseloadEntry[], outflowed: 0 }]));
  let unassigned = 0;
  for (const row of rows) {
    const entry = assess(row, thresholds);
    const own = row.coach_id ? byCoach.get(row.coach_id) : undefined;
    if (entry.outflowed) {
      if (own) own.outflowed += 1;
    } else if (own) own.onBenefit.push(entry);
    else unassigned += 1;
  }
  return {
    team: team!,
    coaches: coaches.map((c) => {
      const own = byCoach.get(c.id)!;
      return { id: c.id, displayName: c.display_name, clientCount: own.onBenefit.length, outflowed: own.outflowed, attention: tallyAttention(own.onBenefit) };
    }),
    unassigned,
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
