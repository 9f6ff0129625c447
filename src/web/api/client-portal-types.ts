/**
 * Shapes of the client's own page (/api/me/portal) and of appointments (/api/clients/:id/appointments),
 * as the web UI relies on them.
 */
import type { Role } from '../../shared/roles.ts';

/** A planned meeting with a client; `with` is whom the client meets. */
export type Appointment = {
  id: string;
  startsAt: string;
  endsAt: string;
  location: string;
  purpose: string;
  status: 'gepland' | 'geannuleerd';
  cancelReason: string | null;
  with: { displayName: string; role: Role } | null;
  policies: { cancel: boolean };
};

/** GET /api/clients/:id/appointments. */
export type AppointmentList = { items: Appointment[]; policies: { schedule: boolean } };

/** One coming session of a group module the client is placed in. */
export type ModuleSession = { id: string; startsAt: string; endsAt: string | null; topic: string | null; module: string; group: string; location: string | null };

/** GET /api/me/portal: the signed-in client's own page. */
export type ClientPortal = {
  client: { id: string; firstName: string; lastName: string; clientNumber: string };
  coach: { displayName: string; email: string } | null;
  team: string | null;
  service: { name: string; phone: string | null; email: string | null; visitingAddress: string | null };
  appointments: Appointment[];
  moduleSessions: ModuleSession[];
  policies: { exportData: boolean };
};
