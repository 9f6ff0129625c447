import { definePolicy } from '../../authz/policy.ts';
import { clientPolicy } from '../clients/clients.policy.ts';

type ClientRef = Parameters<typeof clientPolicy.read>[1];

/**
 * An appointment is a contact moment that is still to come: whoever may read and record a
 * client's contact moments may see and plan their appointments.
 */
export const appointmentPolicy = definePolicy<ClientRef, 'list' | 'schedule'>({
  list: clientPolicy.readContacts,
  schedule: clientPolicy.addContact,
});

/** Rules on one appointment of a client the actor may plan for: only a planned one that has not begun is cancelled. */
export const plannedAppointmentPolicy = definePolicy<{ status: string; starts_at: Date | string }, 'cancel'>({
  cancel: (_actor, appointment) => appointment.status === 'gepland' && new Date(appointment.starts_at).getTime() > Date.now(),
});
