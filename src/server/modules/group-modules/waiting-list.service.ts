import { assertTimelineKind } from '../../../shared/timeline.ts';
import type { Executor } from '../../db/database.ts';
import type { EnrolmentStatus } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import type { ProcessingActivityCode } from '../processing-log/processing-activities.ts';
import { recordProcessing } from '../processing-log/processing-log.service.ts';
import { addTimelineEvent } from '../timeline/timeline.service.ts';
import { findPseudonyms } from '../clients/clients.repository.ts';
import { firstWaiting, setEnrolmentStatus } from './enrolments.repository.ts';
import { OPEN_COHORT_STATUSES, type CohortRef } from './group-modules.policy.ts';
import { findCohort, lockCohort, type CohortRow } from './group-modules.repository.ts';

/** How a cohort is named on a client's timeline: "Solliciteren (voorjaar 2027)". */
export function cohortName(cohort: { module_name: string; label: string }): string {
  return `${cohort.module_name} (${cohort.label})`;
}

/** Work in a provider's module is part of a referral; in the service's own, of the client's dossier. */
export function activityOf(cohort: { provider_id: string | null }): ProcessingActivityCode {
  return cohort.provider_id ? 'referral' : 'client-dossier';
}

/** The fields of a cohort row that the policy looks at. */
export function cohortRef(cohort: CohortRow): CohortRef {
  return { organisation_id: cohort.organisation_id, provider_id: cohort.provider_id, status: cohort.status, collective: cohort.collective };
}

/**
 * Loads a cohort through the actor's module scope (404 outside it). With `lock`, the cohort row
 * is locked first (select … for update), so that every seat count and placement that follows in
 * this transaction sees the enrolments of all earlier ones and no two requests hand out the same
 * seat.
 */
export async function loadCohort(trx: Executor, ctx: RequestContext, cohortId: string, options: { lock?: boolean } = {}): Promise<CohortRow> {
  if (options.lock && !(await lockCohort(trx, ctx.actor, cohortId))) throw notFound('Cohort');
  const cohort = await findCohort(trx, ctx.actor, cohortId);
  if (!cohort) throw notFound('Cohort');
  return cohort;
}

/** A finished or cancelled cohort takes no more enrolments, sessions or changes. */
export function assertOpen(cohort: CohortRow): void {
  if (!OPEN_COHORT_STATUSES.includes(cohort.status)) throw new AppError('closed_to_changes', `The cohort is ${cohort.status}`);
}

/**
 * Whether free seats are handed out now. A collective cohort that has not started keeps its seats
 * for the selected group; everyone else waits until the start.
 */
export function placesNow(cohort: CohortRow): boolean {
  return cohort.status === 'lopend' || (cohort.status === 'gepland' && !cohort.collective);
}

export type EnrolmentChange = { enrolmentId: string; clientId: string; kind: string; summary: string };

/** Every enrolment change lands on the client's timeline and in the processing log, in the same transaction. */
export async function recordEnrolmentChanges(trx: Executor, ctx: RequestContext, cohort: CohortRow, operation: string, changes: readonly EnrolmentChange[]): Promise<void> {
  if (changes.length === 0) return;
  for (const change of changes) {
    await addTimelineEvent(trx, ctx, { clientId: change.clientId, kind: assertTimelineKind(change.kind), summary: change.summary, subjectType: 'enrolment', subjectId: change.enrolmentId });
  }
  await recordProcessing(trx, ctx, { operation, activity: activityOf(cohort), dataSubjectIds: await findPseudonyms(trx, [...new Set(changes.map((c) => c.clientId))]) });
}

/**
 * Fills the free seats of a cohort from its waiting list (prioritised first, then first come,
 * first served). The caller holds the cohort lock (loadCohort with `lock`). Returns the placed
 * enrolment ids.
 */
export async function placeFromWaitingList(trx: Executor, ctx: RequestContext, cohortId: string): Promise<string[]> {
  const cohort = await findCohort(trx, ctx.actor, cohortId);
  if (!cohort || !placesNow(cohort)) return [];
  const next = await firstWaiting(trx, cohort.id, cohort.provider_id, cohort.capacity - cohort.placed);
  await setEnrolmentStatus(
    trx,
    next.map((n) => n.id),
    'placed',
  );
  await recordEnrolmentChanges(
    trx,
    ctx,
    cohort,
    'enrolments.place-from-waiting-list',
    next.map((n) => ({ enrolmentId: n.id, clientId: n.client_id, kind: 'module.placed', summary: `Geplaatst in ${cohortName(cohort)} vanaf de wachtlijst` })),
  );
  return next.map((n) => n.id);
}

/** Ends the open enrolments of a cohort that finishes or is cancelled. */
export async function closeEnrolments(
  trx: Executor,
  ctx: RequestContext,
  cohort: CohortRow,
  enrolments: readonly { id: string; client_id: string; status: EnrolmentStatus }[],
  outcome: 'afgerond' | 'geannuleerd',
): Promise<void> {
  const completed = outcome === 'afgerond' ? enrolments.filter((e) => e.status === 'placed') : [];
  const left = enrolments.filter((e) => ['invited', 'selected', 'waiting', 'placed'].includes(e.status) && !completed.includes(e));
  const reason = outcome === 'afgerond' ? 'Groep afgerond' : 'Groep geannuleerd';
  await setEnrolmentStatus(
    trx,
    completed.map((e) => e.id),
    'completed',
  );
  await setEnrolmentStatus(
    trx,
    left.map((e) => e.id),
    'left',
    { end_reason: reason },
  );
  await recordEnrolmentChanges(trx, ctx, cohort, `cohorts.${outcome}`, [
    ...completed.map((e) => ({ enrolmentId: e.id, clientId: e.client_id, kind: 'module.completed', summary: `${cohortName(cohort)} afgerond` })),
    ...left.map((e) => ({ enrolmentId: e.id, clientId: e.client_id, kind: 'module.left', summary: `Uitgeschreven bij ${cohortName(cohort)}: ${reason.toLowerCase()}` })),
  ]);
}
