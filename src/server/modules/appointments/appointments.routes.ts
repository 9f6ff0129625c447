import type { App, Deps } from '../../http/types.ts';
import { clientIdParams } from '../clients/clients.schema.ts';
import { presentAppointment } from './appointments.presenter.ts';
import { appointmentItem, appointmentList, appointmentParams, cancelBody, scheduleBody } from './appointments.schema.ts';
import { appointmentsOf, cancelAppointment, scheduleAppointment } from './appointments.service.ts';

/** Appointments a coach plans with a client; the client sees them on their own page (/api/me/portal). */
export function registerAppointmentRoutes(app: App, { db }: Deps): void {
  const tags = ['appointments'];
  app.get(
    '/api/clients/:id/appointments',
    { config: { access: 'appointments:read' }, schema: { tags, summary: "A client's appointments, newest first", params: clientIdParams, response: { 200: appointmentList } } },
    async (request) => {
      const ctx = request.context();
      const { rows, mayPlan } = await appointmentsOf(db, ctx, request.params.id);
      return { items: rows.map((row) => presentAppointment(ctx.actor, row, mayPlan)), policies: { schedule: mayPlan } };
    },
  );
  app.post(
    '/api/clients/:id/appointments',
    { config: { access: 'appointments:manage' }, schema: { tags, summary: 'Plan an appointment with a client', params: clientIdParams, body: scheduleBody, response: { 201: appointmentItem } } },
    async (request, reply) => {
      const ctx = request.context();
      const row = await scheduleAppointment(db, ctx, request.params.id, request.body);
      return reply.status(201).send(presentAppointment(ctx.actor, row, true));
    },
  );
  app.post(
    '/api/clients/:id/appointments/:appointmentId/cancel',
    { config: { access: 'appointments:manage' }, schema: { tags, summary: 'Cancel a planned appointment, with a reason', params: appointmentParams, body: cancelBody, response: { 200: appointmentItem } } },
    async (request) => {
      const ctx = request.context();
      const row = await cancelAppointment(db, ctx, request.params.id, request.params.appointmentId, request.body.reason);
      return presentAppointment(ctx.actor, row, true);
    },
  );
}
