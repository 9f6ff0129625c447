import type { Executor } from '../../db/database.ts';

/**
 * Queries that only the copy of a client's data needs (AVG inzage). Where a module already has
 * the query (contacts, ladder, signals, route history, appointments) the sections use that one.
 */

/** The controller as named in the copy: the service and how to reach it. */
export async function findService(db: Executor, organisationId: string) {
  return db
    .selectFrom('organisations')
    .select(['name', 'contact_phone', 'contact_email', 'visiting_address'])
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow();
}

/** The client's own login account (a client has at most one). */
export async function findClientAccount(db: Executor, organisationId: string, clientId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'created_at', 'last_login_at', 'disabled_at'])
    .where('organisation_id', '=', organisationId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
}

/** Role and external organisation of the users who acted, to describe them without their names. */
export async function findActorRoles(db: Executor, organisationId: string, userIds: readonly string[]) {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('users as u')
    .leftJoin('external_organisations as x', 'x.id', 'u.external_organisation_id')
    .select(['u.id', 'u.role', 'x.name as external_name'])
    .where('u.organisation_id', '=', organisationId)
    .where('u.id', 'in', [...userIds])
    .execute();
}

/** Every task about the client, open and closed. */
export async function listTasksAbout(db: Executor, clientId: string) {
  return db
    .selectFrom('tasks')
    .select(['id', 'kind', 'title', 'due_on', 'status', 'assignee_id', 'created_by', 'created_at', 'completed_at'])
    .where('client_id', '=', clientId)
    .orderBy('created_at')
    .execute();
}

/** The whole timeline, oldest first; confidential events only when the policy includes them. */
export async function listWholeTimeline(db: Executor, clientId: string, includeConfidential: boolean) {
  let query = db.selectFrom('timeline_events').select(['id', 'occurred_at', 'kind', 'summary', 'confidential', 'actor_id']).where('client_id', '=', clientId);
  if (!includeConfidential) query = query.where('confidential', '=', false);
  return query.orderBy('occurred_at').orderBy('id').execute();
}

/** How many confidential items a policy left out, so the copy can say so. */
export async function countConfidential(db: Executor, clientId: string) {
  const [contacts, events] = await Promise.all([
    db.selectFrom('contact_moments').select((eb) => eb.fn.countAll<number>().as('n')).where('client_id', '=', clientId).where('confidential', '=', true).executeTakeFirstOrThrow(),
    db.selectFrom('timeline_events').select((eb) => eb.fn.countAll<number>().as('n')).where('client_id', '=', clientId).where('confidential', '=', true).executeTakeFirstOrThrow(),
  ]);
  return { contacts: Number(contacts.n), events: Number(events.n) };
}

/** The processing log of one data subject, oldest first, with the activity's purpose and legal ground. */
export async function listProcessingOfSubject(db: Executor, organisationId: string, dataSubjectId: string) {
  return db
    .selectFrom('processing_log as l')
    .innerJoin('processing_activities as a', 'a.id', 'l.processing_activity_id')
    .select(['l.id', 'l.operation', 'l.started_at', 'l.status', 'l.user_id', 'l.trace_id', 'a.code as activity_code', 'a.name as activity_name', 'a.purpose', 'a.legal_ground'])
    .where('l.organisation_id', '=', organisationId)
    .where('l.data_subject_id', '=', dataSubjectId)
    .orderBy('l.started_at')
    .orderBy('l.id')
    .execute();
}

/** The register of processing activities (AVG art. 30) of the organisation. */
export async function listRegister(db: Executor, organisationId: string) {
  return db
    .selectFrom('processing_activities')
    .select(['code', 'name', 'purpose', 'legal_ground', 'retention'])
    .where('organisation_id', '=', organisationId)
    .orderBy('name')
    .execute();
}

/** Outside organisations that received the client's data: through a referral or an escalated signal. */
export async function listRecipients(db: Executor, clientId: string) {
  const viaReferrals = db
    .selectFrom('referrals as r')
    .innerJoin('external_organisations as x', 'x.id', 'r.external_organisation_id')
    .select(['x.name', 'x.kind', 'r.requested_at as since'])
    .where('r.client_id', '=', clientId);
  const viaEscalations = db
    .selectFrom('escalations as e')
    .innerJoin('external_organisations as x', 'x.id', 'e.external_organisation_id')
    .select(['x.name', 'x.kind', 'e.created_at as since'])
    .where('e.client_id', '=', clientId);
  return db
    .selectFrom(viaReferrals.unionAll(viaEscalations).as('shared'))
    .select(['name', 'kind', (eb) => eb.fn.min('since').as('first_shared_at')])
    .groupBy(['name', 'kind'])
    .orderBy('name')
    .execute();
}
