import { sql } from 'kysely';
import type { Actor } from '../../authz/actor.ts';
import { isExternalActor } from '../../authz/boundary.ts';
import { moduleScope } from '../../authz/module-scope.ts';
import { clientScope, OPEN_REFERRAL_STATUS_LITERALS } from '../../authz/scopes.ts';
import type { Executor } from '../../db/database.ts';
import type { EnrolmentStatus } from '../../db/schema.ts';

/** Present sessions over recorded sessions, per enrolment; null when nothing was recorded yet. */
const attendanceRate = sql<number | null>`(
  select case when count(*) = 0 then null else round(count(*) filter (where a.status = 'aanwezig')::numeric / count(*), 2)::float8 end
  from attendance a where a.enrolment_id = e.id)`;

/** Place on the waiting list: prioritised clients first, then first come, first served. */
const waitingPosition = sql<number | null>`case when e.status = 'waiting' then (
  select count(*)::int + 1 from enrolments w
  where w.cohort_id = e.cohort_id and w.status = 'waiting'
    and (w.priority > e.priority or (w.priority = e.priority and (w.requested_at, w.id) < (e.requested_at, e.id)))
) end`;

/** Ids of the clients in the actor's scope, as a subquery. */
function clientIdsInScope(db: Executor, actor: Actor) {
  return db.selectFrom('clients').select('clients.id').where(clientScope(actor));
}

/**
 * Every enrolment of a cohort, in waiting-list order, with its client when in the actor's scope.
 * The service's staff see all of them (a client outside their scope as null, so without a name);
 * a provider coach only those of clients in its scope (referred to it). One statement: reading the clients
 * again by id cost a second plan of the clients and their backstop policy (1.5 → 1.05 ms of
 * PostgreSQL CPU for a provider's cohort of 17).
 */
export async function listCohortEnrolments(db: Executor, actor: Actor, cohortId: string) {
  const rows = await db
    .selectFrom('enrolments as e')
    .leftJoin('clients', (join) => join.onRef('clients.id', '=', 'e.client_id').on(clientScope(actor)))
    .select(['e.id', 'e.client_id', 'e.status', 'e.priority', 'e.requested_at', 'e.placed_at', 'e.intake_note', 'e.end_reason'])
    .select([
      'clients.id as scoped_id', 'clients.organisation_id as scoped_organisation_id', 'clients.coach_id as scoped_coach_id', 'clients.team_id as scoped_team_id',
      'clients.first_name as scoped_first_name', 'clients.last_name as scoped_last_name', 'clients.client_number as scoped_client_number',
      'clients.bsn_pseudonym as scoped_bsn_pseudonym',
    ])
    .where('e.cohort_id', '=', cohortId)
    .$if(isExternalActor(actor), (qb) => qb.where('clients.id', 'is not', null))
    .orderBy('e.priority', 'desc')
    .orderBy('e.requested_at')
    .orderBy('e.id')
    .execute();
  // The rows come in waiting-list order, so a waiting enrolment's place is one more than the
  // waiting rows before it: what waitingPosition counts, without a correlated subquery that
  // carried the backstop's policy on enrolments into the plan once more (2.3 → 0.9 ms of
  // PostgreSQL CPU for a provider's cohort of 17, with the attendance rate read elsewhere).
  let waiting = 0;
  return rows.map(({ scoped_id, scoped_organisation_id, scoped_coach_id, scoped_team_id, scoped_first_name, scoped_last_name, scoped_client_number, scoped_bsn_pseudonym, ...enrolment }) => ({
    ...enrolment,
    position: enrolment.status === 'waiting' ? ++waiting : null,
    client:
      scoped_id === null
        ? null
        : ({
            id: scoped_id,
            organisation_id: scoped_organisation_id!,
            coach_id: scoped_coach_id,
            team_id: scoped_team_id,
            first_name: scoped_first_name!,
            last_name: scoped_last_name!,
            client_number: scoped_client_number!,
            bsn_pseudonym: scoped_bsn_pseudonym!,
          } satisfies ScopedClient),
  }));
}

export type CohortEnrolmentRow = Awaited<ReturnType<typeof listCohortEnrolments>>[number];

/** Enrolments in cohorts of modules the actor may see. */
function scopedEnrolments(db: Executor, actor: Actor) {
  return db
    .selectFrom('enrolments as e')
    .innerJoin('cohorts as c', 'c.id', 'e.cohort_id')
    .innerJoin('modules', 'modules.id', 'c.module_id')
    .where(moduleScope(actor));
}

/** One enrolment, when the actor may see its module. */
export async function findEnrolment(db: Executor, actor: Actor, enrolmentId: string) {
  return scopedEnrolments(db, actor).where('e.id', '=', enrolmentId).select(['e.id', 'e.cohort_id', 'e.client_id', 'e.status', 'e.priority']).executeTakeFirst();
}

export async function findEnrolmentOfClient(db: Executor, cohortId: string, clientId: string) {
  return db.selectFrom('enrolments').select(['id', 'status']).where('cohort_id', '=', cohortId).where('client_id', '=', clientId).executeTakeFirst();
}

type EnrolmentStart = { status: EnrolmentStatus; priority: boolean; referral_id: string | null; enrolled_by: string; placed: boolean };

export async function insertEnrolment(db: Executor, row: { organisation_id: string; cohort_id: string; client_id: string } & EnrolmentStart) {
  const { placed, ...values } = row;
  return db
    .insertInto('enrolments')
    // The moment of the request under the cohort lock, not the transaction's start (now()): the
    // waiting list's order is the order in which enrolments got the lock.
    .values({ ...values, requested_at: sql<Date>`clock_timestamp()`, placed_at: placed ? new Date() : null })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** Starts an earlier enrolment of the same client again (after leaving or not being selected), at the back of the queue. */
export async function restartEnrolment(db: Executor, enrolmentId: string, start: EnrolmentStart): Promise<void> {
  const { placed, ...values } = start;
  await db
    .updateTable('enrolments')
    .set((eb) => ({
      ...values,
      requested_at: sql<Date>`clock_timestamp()`,
      placed_at: placed ? new Date() : null,
      ended_at: null,
      end_reason: null,
      intake_note: null,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', enrolmentId)
    .execute();
}

/**
 * Moves enrolments to a new status; placed_at and ended_at follow the status. `closed` ends an
 * enrolment in a status that is not always final (not_selected becomes final when the group starts).
 */
export async function setEnrolmentStatus(
  db: Executor,
  enrolmentIds: readonly string[],
  status: EnrolmentStatus,
  extra: { end_reason?: string | null; intake_note?: string | null; priority?: boolean; closed?: boolean } = {},
): Promise<void> {
  if (enrolmentIds.length === 0) return;
  const now = new Date();
  const { closed, ...columns } = extra;
  await db
    .updateTable('enrolments')
    .set((eb) => ({
      ...columns,
      status,
      ...(status === 'placed' ? { placed_at: now } : {}),
      ...(status === 'completed' || status === 'left' || closed ? { ended_at: now } : {}),
      version: eb('version', '+', 1),
    }))
    .where('id', 'in', enrolmentIds)
    .execute();
}

export async function setEnrolmentPriority(db: Executor, enrolmentId: string, priority: boolean): Promise<void> {
  await db.updateTable('enrolments').set((eb) => ({ priority, version: eb('version', '+', 1) })).where('id', '=', enrolmentId).execute();
}

/**
 * The first `limit` clients on a cohort's waiting list (index enrolments_waiting_idx). In a
 * provider's module only clients who still have an open referral to that provider move up.
 */
export async function firstWaiting(db: Executor, cohortId: string, providerId: string | null, limit: number) {
  if (limit <= 0) return [];
  let query = db
    .selectFrom('enrolments as e')
    .select(['e.id', 'e.client_id'])
    .where('e.cohort_id', '=', cohortId)
    // A literal, so the prepared statement's generic plan can read enrolments_waiting_idx in order.
    .where('e.status', '=', sql.lit('waiting'));
  if (providerId) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('referrals as r')
          .select(sql`1`.as('one'))
          .whereRef('r.client_id', '=', 'e.client_id')
          .where('r.external_organisation_id', '=', providerId)
          .where('r.status', 'in', OPEN_REFERRAL_STATUS_LITERALS),
      ),
    );
  }
  return query.orderBy('e.priority', 'desc').orderBy('e.requested_at').orderBy('e.id').limit(limit).execute();
}

/** Collective-start candidates in one state; the selected ones in the order they get the seats. */
export async function candidatesWithStatus(db: Executor, cohortId: string, status: 'invited' | 'selected' | 'not_selected') {
  return db
    .selectFrom('enrolments as e')
    .select(['e.id', 'e.client_id'])
    .where('e.cohort_id', '=', cohortId)
    .where('e.status', '=', status)
    .orderBy('e.priority', 'desc')
    .orderBy('e.requested_at')
    .orderBy('e.id')
    .execute();
}

export async function waitingPositionOf(db: Executor, enrolmentId: string): Promise<number | null> {
  const row = await db.selectFrom('enrolments as e').select(waitingPosition.as('position')).where('e.id', '=', enrolmentId).executeTakeFirst();
  return row?.position ?? null;
}

/** The clients among `ids` that lie in the actor's client scope, with what an overview names. */
export async function clientsInScope(db: Executor, actor: Actor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('clients')
    .where(clientScope(actor))
    .where('clients.id', 'in', [...new Set(ids)])
    .select(['clients.id', 'clients.organisation_id', 'clients.coach_id', 'clients.team_id', 'clients.first_name', 'clients.last_name', 'clients.client_number', 'clients.bsn_pseudonym'])
    .execute();
}

export type ScopedClient = Awaited<ReturnType<typeof clientsInScope>>[number];

/** A client's enrolments in modules the actor may see, newest cohort first. */
export async function listClientEnrolments(db: Executor, actor: Actor, clientId: string) {
  return scopedEnrolments(db, actor)
    .where('e.client_id', '=', clientId)
    .select(['e.id', 'e.cohort_id', 'e.status', 'c.label as cohort_label', 'c.starts_on', 'modules.name as module_name'])
    .select([attendanceRate.as('attendance_rate'), waitingPosition.as('position')])
    .orderBy('c.starts_on', 'desc')
    .execute();
}

/** The enrolments that a session's attendance is about: placed participants and any already recorded (scoped as listCohortEnrolments). */
export async function listSessionAttendance(db: Executor, actor: Actor, sessionId: string, cohortId: string) {
  return db
    .selectFrom('enrolments as e')
    .leftJoin('attendance as a', (join) => join.onRef('a.enrolment_id', '=', 'e.id').on('a.session_id', '=', sessionId))
    .select(['e.id', 'e.client_id', 'e.status as enrolment_status', 'a.status', 'a.note'])
    .where('e.cohort_id', '=', cohortId)
    .where((eb) => eb.or([eb('e.status', 'in', ['placed', 'completed']), eb('a.session_id', 'is not', null)]))
    .$if(isExternalActor(actor), (qb) => qb.where('e.client_id', 'in', clientIdsInScope(db, actor)))
    .orderBy('e.placed_at')
    .orderBy('e.id')
    .execute();
}

export async function upsertAttendance(
  db: Executor,
  rows: { session_id: string; enrolment_id: string; organisation_id: string; status: 'aanwezig' | 'afgemeld' | 'afwezig'; note: string | null; recorded_by: string }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('attendance')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['session_id', 'enrolment_id']).doUpdateSet((eb) => ({
        status: eb.ref('excluded.status'),
        note: eb.ref('excluded.note'),
        recorded_by: eb.ref('excluded.recorded_by'),
        recorded_at: new Date(),
      })),
    )
    .execute();
}
