import type { Kysely } from 'kysely';
import { inActorTransaction } from '../../authz/boundary.ts';
import { abilitiesOf } from '../../authz/policy.ts';
import type { DB } from '../../db/schema.ts';
import { notFound } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { listAppointments } from '../appointments/appointments.repository.ts';
import { loadClientForAction } from '../clients/clients.service.ts';
import { privacyPolicy } from '../privacy/privacy.policy.ts';
import { recordProcessing } from '../processing-log/processing-log.service.ts';
import { findCoachAndService, listUpcomingModuleSessions } from './client-portal.repository.ts';

const UPCOMING = 10;

/**
 * The client's own page: who their coach is and how to reach the service, their coming
 * appointments and module sessions. Always the signed-in client's own record.
 */
export async function readOwnPortal(db: Kysely<DB>, ctx: RequestContext) {
  const clientId = ctx.actor.clientId;
  if (!clientId) throw notFound('Client');
  return inActorTransaction(db, ctx, async (trx) => {
    const client = await loadClientForAction(trx, ctx, clientId, 'read');
    const now = new Date();
    const [{ coach, service }, appointments, sessions] = await Promise.all([
      findCoachAndService(trx, client.organisation_id, client.coach_id),
      listAppointments(trx, client.id, { from: now, limit: UPCOMING }),
      listUpcomingModuleSessions(trx, client.id, now, UPCOMING),
    ]);
    await recordProcessing(trx, ctx, { operation: 'client-portal.read', activity: 'client-dossier', dataSubjectIds: [client.bsn_pseudonym] });
    return { client, coach, service, appointments, sessions, policies: abilitiesOf(ctx.actor, privacyPolicy, client) };
  });
}
