import type { Kysely } from 'kysely';
import { inActorTransaction } from '../../authz/boundary.ts';
import { authorize } from '../../authz/policy.ts';
import type { Executor } from '../../db/database.ts';
import type { AttendanceStatus, DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { recordProcessing } from '../processing-log/processing-log.service.ts';
import { findPseudonyms } from '../clients/clients.repository.ts';
import { clientsInScope, listSessionAttendance, upsertAttendance } from './enrolments.repository.ts';
import { cohortPolicy } from './group-modules.policy.ts';
import { findSession } from './group-modules.repository.ts';
import { activityOf, cohortRef, loadCohort } from './waiting-list.service.ts';

/** Loads a session and its cohort, and checks that the actor keeps its attendance. */
async function loadSessionForAttendance(trx: Executor, ctx: RequestContext, sessionId: string) {
  const session = await findSession(trx, ctx.actor, sessionId);
  if (!session) throw notFound('Session');
  const cohort = await loadCohort(trx, ctx, session.cohort_id);
  authorize(ctx.actor, cohortPolicy, 'recordAttendance', cohortRef(cohort));
  return { session, cohort };
}

/** The attendance list of a session, with names only for clients in the caller's scope. */
async function attendanceOf(trx: Executor, ctx: RequestContext, sessionId: string, cohortId: string) {
  const rows = await listSessionAttendance(trx, ctx.actor, sessionId, cohortId);
  const clients = await clientsInScope(
    trx,
    ctx.actor,
    rows.map((r) => r.client_id),
  );
  return { rows, clients: new Map(clients.map((c) => [c.id, c])) };
}

/** A session's attendance list: every placed participant, with what was recorded (or nothing yet). */
export async function sessionAttendance(db: Kysely<DB>, ctx: RequestContext, sessionId: string) {
  return inActorTransaction(db, ctx, async (trx) => {
    const { session, cohort } = await loadSessionForAttendance(trx, ctx, sessionId);
    const result = await attendanceOf(trx, ctx, session.id, session.cohort_id);
    await recordProcessing(trx, ctx, { operation: 'attendance.read', activity: activityOf(cohort), dataSubjectIds: [...result.clients.values()].map((c) => c.bsn_pseudonym) });
    return result;
  });
}

/**
 * Records (or corrects) attendance of participants at a session: present, excused or absent.
 * Only participants who hold or held a seat in the session's cohort can be recorded.
 */
export async function recordAttendance(
  db: Kysely<DB>,
  ctx: RequestContext,
  sessionId: string,
  items: readonly { enrolmentId: string; status: AttendanceStatus; note?: string | null }[],
) {
  return inActorTransaction(db, ctx, async (trx) => {
    const { session, cohort } = await loadSessionForAttendance(trx, ctx, sessionId);
    const participants = new Map((await listSessionAttendance(trx, ctx.actor, session.id, session.cohort_id)).map((r) => [r.id, r]));
    items.forEach((item, index) => {
      if (!participants.has(item.enrolmentId)) throw new AppError('unknown_reference', 'Not a participant of this cohort', { field: `items.${index}.enrolmentId` });
    });
    // The last entry for the same participant wins.
    const latest = [...new Map(items.map((item) => [item.enrolmentId, item])).values()];
    await upsertAttendance(
      trx,
      latest.map((item) => ({
        session_id: session.id,
        enrolment_id: item.enrolmentId,
        organisation_id: cohort.organisation_id,
        status: item.status,
        note: item.note ?? null,
        recorded_by: ctx.actor.userId,
      })),
    );
    const recordedClients = latest.map((item) => participants.get(item.enrolmentId)!.client_id);
    await recordProcessing(trx, ctx, { operation: 'attendance.record', activity: activityOf(cohort), dataSubjectIds: await findPseudonyms(trx, [...new Set(recordedClients)]) });
    return attendanceOf(trx, ctx, session.id, session.cohort_id);
  });
}
