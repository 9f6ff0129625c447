import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { notFound } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { recordProcessing } from '../processing-log/processing-log.service.ts';
import { countClients, findClient, searchClients, type ClientSearch } from './clients.repository.ts';

/** Searches the clients in the actor's scope; every client shown is a processing, and is logged. */
export async function listClients(db: Kysely<DB>, ctx: RequestContext, search: ClientSearch) {
  return db.transaction().execute(async (trx) => {
    const [rows, total] = await Promise.all([searchClients(trx, ctx.actor, search), countClients(trx, ctx.actor, search)]);
    await recordProcessing(trx, ctx, {
      operation: search.q ? 'clients.search' : 'clients.list',
      activity: 'caseload-management',
      dataSubjectIds: rows.map((r) => r.bsn_pseudonym),
    });
    return { rows, total };
  });
}

/** Opens one client's dossier; a client outside the scope answers 404, not 403. */
export async function getClient(db: Kysely<DB>, ctx: RequestContext, clientId: string) {
  return db.transaction().execute(async (trx) => {
    const client = await findClient(trx, ctx.actor, clientId);
    if (!client) throw notFound('Client');
    await recordProcessing(trx, ctx, { operation: 'clients.read', activity: 'client-dossier', dataSubjectIds: [client.bsn_pseudonym] });
    return client;
  });
}
