import type { Kysely } from 'kysely';
import { inActorTransaction } from '../../authz/boundary.ts';
import { authorize } from '../../authz/policy.ts';
import type { Config } from '../../config.ts';
import type { DB } from '../../db/schema.ts';
import { notFound } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { loadClientForAction } from '../clients/clients.service.ts';
import { recordProcessing } from '../processing-log/processing-log.service.ts';
import { addTimelineEvent } from '../timeline/timeline.service.ts';
import { collectDataExport } from './data-export.collector.ts';
import { privacyPolicy } from './privacy.policy.ts';

export type ExportFormat = 'json' | 'pdf';

/**
 * Makes a copy of all data about a client (AVG art. 15). Making it is itself a processing: it is
 * logged (activity 'subject-access') and put on the timeline first, in the same transaction, so
 * the copy's own processing log already shows it.
 */
export async function exportClientData(db: Kysely<DB>, config: Config, ctx: RequestContext, clientId: string, format: ExportFormat) {
  return inActorTransaction(db, ctx, async (trx) => {
    const client = await loadClientForAction(trx, ctx, clientId, 'read');
    authorize(ctx.actor, privacyPolicy, 'exportData', client);
    await recordProcessing(trx, ctx, { operation: `data-export.${format}`, activity: 'subject-access', dataSubjectIds: [client.bsn_pseudonym] });
    await addTimelineEvent(trx, ctx, {
      clientId: client.id,
      kind: 'privacy.data_export',
      summary: `Kopie van alle gegevens gemaakt (AVG-inzage, ${format.toUpperCase()})`,
      subjectType: 'client',
      subjectId: client.id,
    });
    return collectDataExport(trx, client, { confidentialNotes: config.subjectAccess.confidentialNotes, now: new Date() });
  });
}

/** The client's own copy: always their own record, whatever they ask for. */
export async function exportOwnData(db: Kysely<DB>, config: Config, ctx: RequestContext, format: ExportFormat) {
  if (!ctx.actor.clientId) throw notFound('Client');
  return exportClientData(db, config, ctx, ctx.actor.clientId, format);
}
