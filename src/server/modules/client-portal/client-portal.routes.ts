import { z } from 'zod';
import type { App, Deps } from '../../http/types.ts';
import { presentAppointment } from '../appointments/appointments.presenter.ts';
import { appointmentItem } from '../appointments/appointments.schema.ts';
import { readOwnPortal } from './client-portal.service.ts';

const portalResponse = z.object({
  client: z.object({ id: z.string(), firstName: z.string(), lastName: z.string(), clientNumber: z.string() }),
  coach: z.object({ displayName: z.string(), email: z.string() }).nullable(),
  team: z.string().nullable(),
  service: z.object({ name: z.string(), phone: z.string().nullable(), email: z.string().nullable(), visitingAddress: z.string().nullable() }),
  appointments: z.array(appointmentItem),
  moduleSessions: z.array(
    z.object({ id: z.string(), startsAt: z.string(), endsAt: z.string().nullable(), topic: z.string().nullable(), module: z.string(), group: z.string(), location: z.string().nullable() }),
  ),
  policies: z.object({ exportData: z.boolean() }),
});

/** The client's own page (/api/me): their coach, appointments and module sessions. */
export function registerClientPortalRoutes(app: App, { db }: Deps): void {
  app.get(
    '/api/me/portal',
    { config: { access: 'own-data:read' }, schema: { tags: ['client portal'], summary: 'My own page: coach, how to reach the service, coming appointments and module sessions', response: { 200: portalResponse } } },
    async (request) => {
      const ctx = request.context();
      const page = await readOwnPortal(db, ctx);
      return {
        client: { id: page.client.id, firstName: page.client.first_name, lastName: page.client.last_name, clientNumber: page.client.client_number },
        coach: page.coach ? { displayName: page.coach.display_name, email: page.coach.email } : null,
        team: page.client.team_name,
        service: { name: page.service.name, phone: page.service.contact_phone, email: page.service.contact_email, visitingAddress: page.service.visiting_address },
        appointments: page.appointments.map((row) => presentAppointment(ctx.actor, row, false)),
        moduleSessions: page.sessions.map((s) => ({
          id: s.id,
          startsAt: new Date(s.starts_at).toISOString(),
          endsAt: s.ends_at ? new Date(s.ends_at).toISOString() : null,
          topic: s.topic,
          module: s.module_name,
          group: s.cohort_label,
          location: s.location,
        })),
        policies: page.policies,
      };
    },
  );
}
