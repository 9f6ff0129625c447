import type { Kysely } from 'kysely';
import { inActorTransaction } from '../../authz/boundary.ts';
import { authorize } from '../../authz/policy.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { loadClientForAction } from '../clients/clients.service.ts';
import { recordProcessing } from '../processing-log/processing-log.service.ts';
import { addTimelineEvent } from '../timeline/timeline.service.ts';
import { appointmentPolicy, plannedAppointmentPolicy } from './appointments.policy.ts';
import { cancelPlannedAppointment, findAppointment, insertAppointment, isServiceStaff, listAppointments } from './appointments.repository.ts';
import type { ScheduleInput } from './appointments.schema.ts';

const dayAndTime = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** A client's appointments for the dossier, newest first, with whether the caller may plan more. */
export async function appointmentsOf(db: Kysely<DB>, ctx: RequestContext, clientId: string) {
  return inActorTransaction(db, ctx, async (trx) => {
    const client = await loadClientForAction(trx, ctx, clientId, 'read');
    authorize(ctx.actor, appointmentPolicy, 'list', client);
    const rows = await listAppointments(trx, client.id);
    await recordProcessing(trx, ctx, { operation: 'appointments.list', activity: 'client-dossier', dataSubjectIds: [client.bsn_pseudonym] });
    return { rows, mayPlan: appointmentPolicy.schedule(ctx.actor, client) };
  });
}

/**
 * Plans an appointment with a client: when, how long, where, what about and with whom (the
 * planner, or another coach or team lead of the service). It lands on the client's timeline and
 * on the client's own page.
 */
export async function scheduleAppointment(db: Kysely<DB>, ctx: RequestContext, clientId: string, input: ScheduleInput) {
  const startsAt = new Date(input.startsAt);
  if (startsAt.getTime() <= Date.now()) throw new AppError('validation_failed', 'An appointment is planned in the future', { field: 'startsAt' });
  const endsAt = new Date(startsAt.getTime() + input.durationMinutes * 60_000);
  return inActorTransaction(db, ctx, async (trx) => {
    const client = await loadClientForAction(trx, ctx, clientId, 'read');
    authorize(ctx.actor, appointmentPolicy, 'schedule', client);
    const withUserId = input.withUserId ?? ctx.actor.userId;
    if (withUserId !== ctx.actor.userId && !(await isServiceStaff(trx, ctx.actor.organisationId, withUserId))) {
      throw new AppError('unknown_reference', 'The client can only meet a coach or team lead of the service', { field: 'withUserId' });
    }
    const id = await insertAppointment(trx, {
      organisation_id: ctx.actor.organisationId,
      client_id: client.id,
      starts_at: startsAt,
      ends_at: endsAt,
      location: input.location,
      purpose: input.purpose,
      with_user_id: withUserId,
      created_by: ctx.actor.userId,
    });
    await addTimelineEvent(trx, ctx, {
      clientId: client.id,
      kind: 'appointment.scheduled',
      summary: `Afspraak gepland op ${dayAndTime.format(startsAt)} (${input.location})`,
      subjectType: 'appointment',
      subjectId: id,
    });
    await recordProcessing(trx, ctx, { operation: 'appointments.schedule', activity: 'client-dossier', dataSubjectIds: [client.bsn_pseudonym] });
    return (await findAppointment(trx, client.id, id))!;
  });
}

/** Cancels a planned appointment that has not begun, with a reason the client sees. */
export async function cancelAppointment(db: Kysely<DB>, ctx: RequestContext, clientId: string, appointmentId: string, reason: string) {
  return inActorTransaction(db, ctx, async (trx) => {
    const client = await loadClientForAction(trx, ctx, clientId, 'read');
    authorize(ctx.actor, appointmentPolicy, 'schedule', client);
    const appointment = await findAppointment(trx, client.id, appointmentId);
    if (!appointment) throw notFound('Appointment');
    if (!plannedAppointmentPolicy.cancel(ctx.actor, appointment)) throw new AppError('invalid_transition', 'Only a planned appointment that has not begun can be cancelled');
    if (!(await cancelPlannedAppointment(trx, appointment.id, { reason, by: ctx.actor.userId, at: new Date() }))) {
      throw new AppError('invalid_transition', 'The appointment was cancelled already');
    }
    await addTimelineEvent(trx, ctx, {
      clientId: client.id,
      kind: 'appointment.cancelled',
      summary: `Afspraak van ${dayAndTime.format(new Date(appointment.starts_at))} afgezegd: ${reason}`,
      subjectType: 'appointment',
      subjectId: appointment.id,
    });
    await recordProcessing(trx, ctx, { operation: 'appointments.cancel', activity: 'client-dossier', dataSubjectIds: [client.bsn_pseudonym] });
    return (await findAppointment(trx, client.id, appointment.id))!;
  });
}
