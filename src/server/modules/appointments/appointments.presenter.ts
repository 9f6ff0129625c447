import type { Actor } from '../../authz/actor.ts';
import type { AppointmentRow } from './appointments.repository.ts';
import { plannedAppointmentPolicy } from './appointments.policy.ts';

/** The fields of an appointment that leave the server; `mayPlan` is the caller's right to plan for this client. */
export function presentAppointment(actor: Actor, row: AppointmentRow, mayPlan: boolean) {
  return {
    id: row.id,
    startsAt: new Date(row.starts_at).toISOString(),
    endsAt: new Date(row.ends_at).toISOString(),
    location: row.location,
    purpose: row.purpose,
    status: row.status,
    cancelReason: row.cancel_reason,
    with: row.with_id && row.with_name && row.with_role ? { displayName: row.with_name, role: row.with_role } : null,
    policies: { cancel: mayPlan && plannedAppointmentPolicy.cancel(actor, row) },
  };
}
