import { inActorTransaction } from '../../authz/boundary.ts';
import type { Kysely } from 'kysely';
import { todayIso } from '../../../shared/dates.ts';
import { clientPolicy } from '../clients/clients.policy.ts';
import type { DB, ContactMomentsTable } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { updateClientSummary } from '../clients/clients.repository.ts';
import { loadClientForAction } from '../clients/clients.service.ts';
import { recordProcessing } from '../processing-log/processing-log.service.ts';
import { completeRuleTasks } from '../tasks/tasks.service.ts';
import { addTimelineEvent } from '../timeline/timeline.service.ts';
import { refreshClientYears } from '../kpi/facts/kpi-facts.service.ts';
import { findContact, findLatestAnnualConversation, insertContact, listContacts } from './contacts.repository.ts';

const KIND_LABELS: Record<ContactMomentsTable['kind'], string> = {
  gesprek: 'Gesprek',
  telefonisch: 'Telefonisch contact',
  huisbezoek: 'Huisbezoek',
  email: 'E-mail',
  jaargesprek: 'Jaargesprek',
  notitie: 'Notitie',
};

/**
 * Records a contact moment or note. A yearly conversation keeps the client's "last yearly
 * conversation" in step; a confidential note stays out of the timeline of anyone but the coach
 * and the team lead.
 */
export async function recordContact(
  db: Kysely<DB>,
  ctx: RequestContext,
  clientId: string,
  input: { kind: ContactMomentsTable['kind']; occurredOn: string; summary: string; confidential: boolean },
) {
  if (input.occurredOn > todayIso()) throw new AppError('validation_failed', 'A contact moment cannot lie in the future', { field: 'occurredOn' });
  return inActorTransaction(db, ctx, async (trx) => {
    const client = await loadClientForAction(trx, ctx, clientId, 'addContact');
    const { id } = await insertContact(trx, {
      organisation_id: ctx.actor.organisationId,
      client_id: clientId,
      kind: input.kind,
      occurred_on: input.occurredOn,
      summary: input.summary,
      confidential: input.confidential,
      author_id: ctx.actor.userId,
    });
    if (input.kind === 'jaargesprek') {
      await updateClientSummary(trx, clientId, { annual_conversation_on: await findLatestAnnualConversation(trx, clientId) });
      await completeRuleTasks(trx, ctx, clientId, 'jaargesprek');
      await refreshClientYears(trx, ctx.actor.organisationId, [clientId]);
    }
    await addTimelineEvent(trx, ctx, {
      clientId,
      kind: `contact.${input.kind}`,
      summary: input.confidential ? `${KIND_LABELS[input.kind]} (vertrouwelijk)` : `${KIND_LABELS[input.kind]}: ${truncate(input.summary, 140)}`,
      confidential: input.confidential,
      subjectType: 'contact_moment',
      subjectId: id,
      occurredAt: new Date(`${input.occurredOn}T12:00:00Z`),
    });
    await recordProcessing(trx, ctx, { operation: 'contacts.record', activity: 'client-dossier', dataSubjectIds: [client.bsn_pseudonym] });
    return findContact(trx, id);
  });
}

export async function contactsOf(db: Kysely<DB>, ctx: RequestContext, clientId: string) {
  return inActorTransaction(db, ctx, async (trx) => {
    const client = await loadClientForAction(trx, ctx, clientId, 'readContacts');
    const rows = await listContacts(trx, clientId, clientPolicy.readConfidential(ctx.actor, client));
    await recordProcessing(trx, ctx, { operation: 'contacts.list', activity: 'client-dossier', dataSubjectIds: [client.bsn_pseudonym] });
    return rows;
  });
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
