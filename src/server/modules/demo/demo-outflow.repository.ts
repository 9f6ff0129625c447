import type { Executor } from '../../db/database.ts';
import type { OutflowReason } from '../../../shared/client-fields.ts';

/** Demo clients on the work routes still on a benefit, in client-number order, with when their benefit started. */
export async function workRouteClients(db: Executor, organisationId: string) {
  return db
    .selectFrom('clients')
    .select(['id', 'route', 'coach_id', 'benefit_start_date'])
    .where('organisation_id', '=', organisationId)
    .where('route', 'in', ['werknemer', 'ondernemer'])
    .where('benefit_ended_on', 'is', null)
    .orderBy('client_number')
    .execute();
}

/** Records that a demo client's benefit ended, and why (as registerOutflow does for a real one). */
export async function setOutflow(db: Executor, clientId: string, endedOn: string, reason: OutflowReason): Promise<void> {
  await db.updateTable('clients').set({ benefit_ended_on: endedOn, outflow_reason: reason }).where('id', '=', clientId).execute();
}
