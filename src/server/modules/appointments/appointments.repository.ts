import type { Executor } from '../../db/database.ts';
import type { Insertable } from 'kysely';
import type { AppointmentsTable } from '../../db/schema.ts';

/** Appointments with the person the client meets (name and role), as every reader needs them. */
function appointmentsWithPerson(db: Executor) {
  return db
    .selectFrom('appointments as a')
    .leftJoin('users as u', 'u.id', 'a.with_user_id')
    .select([
      'a.id', 'a.organisation_id', 'a.client_id', 'a.starts_at', 'a.ends_at', 'a.location', 'a.purpose', 'a.status', 'a.cancel_reason',
      'a.cancelled_at', 'a.created_at', 'u.id as with_id', 'u.display_name as with_name', 'u.role as with_role',
    ]);
}

export async function insertAppointment(db: Executor, row: Insertable<AppointmentsTable>): Promise<string> {
  return (await db.insertInto('appointments').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Bulk insert for demo data. */
export async function insertAppointments(db: Executor, rows: Insertable<AppointmentsTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await db.insertInto('appointments').values(rows.slice(i, i + 1000)).execute();
}

export async function findAppointment(db: Executor, clientId: string, appointmentId: string) {
  return appointmentsWithPerson(db).where('a.client_id', '=', clientId).where('a.id', '=', appointmentId).executeTakeFirst();
}

/**
 * A client's appointments by time. `from` keeps only those that have not ended yet (the
 * client's page); the dossier shows them all, cancelled ones included.
 */
export async function listAppointments(db: Executor, clientId: string, options: { from?: Date; plannedOnly?: boolean; limit?: number } = {}) {
  let query = appointmentsWithPerson(db).where('a.client_id', '=', clientId);
  if (options.from) query = query.where('a.ends_at', '>=', options.from);
  if (options.plannedOnly) query = query.where('a.status', '=', 'gepland');
  query = query.orderBy('a.starts_at', options.from ? 'asc' : 'desc');
  if (options.limit) query = query.limit(options.limit);
  return query.execute();
}

export type AppointmentRow = Awaited<ReturnType<typeof listAppointments>>[number];

/** Cancels a planned appointment; false when it was no longer planned (someone else was first). */
export async function cancelPlannedAppointment(db: Executor, appointmentId: string, change: { reason: string; by: string; at: Date }): Promise<boolean> {
  const rows = await db
    .updateTable('appointments')
    .set({ status: 'geannuleerd', cancel_reason: change.reason, cancelled_by: change.by, cancelled_at: change.at })
    .where('id', '=', appointmentId)
    .where('status', '=', 'gepland')
    .returning('id')
    .execute();
  return rows.length === 1;
}

/** Whether a user is staff of the service who can meet a client (coach or team lead, not blocked). */
export async function isServiceStaff(db: Executor, organisationId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', userId)
    .where('role', 'in', ['coach', 'team_lead'])
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}
