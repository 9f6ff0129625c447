import { inActorTransaction } from '../../authz/boundary.ts';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { DB } from '../../db/schema.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { loadClientForAction } from '../clients/clients.service.ts';
import { listActivities, listLogForSubject } from './processing-log.repository.ts';
import { pseudonymiseBsn, recordProcessing } from './processing-log.service.ts';

const LOG_PAGE = 500;

/** A client's processing log, for whoever may read it (checked by `authorizeClient` once loaded). */
export async function readClientLog(db: Kysely<DB>, ctx: RequestContext, clientId: string) {
  return inActorTransaction(db, ctx, async (trx) => {
    const client = await loadClientForAction(trx, ctx, clientId, 'readProcessingLog');
    const rows = await listLogForSubject(trx, ctx.actor.organisationId, client.bsn_pseudonym, LOG_PAGE);
    await recordProcessing(trx, ctx, { operation: 'processing-log.read', activity: 'privacy-rights', dataSubjectIds: [client.bsn_pseudonym] });
    return rows;
  });
}

/** The log of one data subject by BSN: the administrator answers an inzage request or an audit. */
export async function searchLogByBsn(db: Kysely<DB>, config: Config, ctx: RequestContext, bsn: string) {
  const pseudonym = pseudonymiseBsn(config.pseudonymKey, bsn);
  return inActorTransaction(db, ctx, async (trx) => {
    const rows = await listLogForSubject(trx, ctx.actor.organisationId, pseudonym, LOG_PAGE);
    await recordProcessing(trx, ctx, { operation: 'processing-log.search', activity: 'privacy-rights', dataSubjectIds: [pseudonym] });
    return rows;
  });
}

export async function readActivities(db: Kysely<DB>, ctx: RequestContext) {
  return listActivities(db, ctx.actor.organisationId);
}
