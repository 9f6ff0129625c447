import type { Executor } from '../../db/database.ts';

/** The client's coach and how to reach the service. */
export async function findCoachAndService(db: Executor, organisationId: string, coachId: string | null) {
  const [coach, service] = await Promise.all([
    coachId
      ? db.selectFrom('users').select(['display_name', 'email']).where('organisation_id', '=', organisationId).where('id', '=', coachId).where('disabled_at', 'is', null).executeTakeFirst()
      : Promise.resolve(undefined),
    db.selectFrom('organisations').select(['name', 'contact_phone', 'contact_email', 'visiting_address']).where('id', '=', organisationId).executeTakeFirstOrThrow(),
  ]);
  return { coach, service };
}

/**
 * Upcoming sessions of the group modules the client is placed in, soonest first. Served by
 * the enrolments index on client_id and the sessions index on cohort_id.
 */
export async function listUpcomingModuleSessions(db: Executor, clientId: string, from: Date, limit: number) {
  return db
    .selectFrom('enrolments as e')
    .innerJoin('cohorts as c', 'c.id', 'e.cohort_id')
    .innerJoin('modules as m', 'm.id', 'c.module_id')
    .innerJoin('cohort_sessions as s', 's.cohort_id', 'c.id')
    .select(['s.id', 's.starts_at', 's.ends_at', 's.topic', 'm.name as module_name', 'c.label as cohort_label', 'c.location'])
    .where('e.client_id', '=', clientId)
    .where('e.status', '=', 'placed')
    .where('c.status', '!=', 'geannuleerd')
    .where('s.starts_at', '>=', from)
    .orderBy('s.starts_at')
    .limit(limit)
    .execute();
}

export type ModuleSessionRow = Awaited<ReturnType<typeof listUpcomingModuleSessions>>[number];

/** Sets how clients reach the service (administration and demo data). */
export async function updateServiceContact(db: Executor, organisationId: string, contact: { contact_phone: string | null; contact_email: string | null; visiting_address: string | null }): Promise<void> {
  await db.updateTable('organisations').set(contact).where('id', '=', organisationId).execute();
}
