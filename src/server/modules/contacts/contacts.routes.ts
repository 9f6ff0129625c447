import { z } from 'zod';
import { CONTACT_KINDS } from '../../../shared/client-fields.ts';
import type { App, Deps } from '../../http/types.ts';
import { clientIdParams, isoDate } from '../clients/clients.schema.ts';
import type { ContactRow } from './contacts.repository.ts';
import { contactsOf, recordContact } from './contacts.service.ts';

const contactItem = z.object({
  id: z.string(),
  kind: z.enum(CONTACT_KINDS),
  occurredOn: z.string(),
  summary: z.string(),
  confidential: z.boolean(),
  author: z.object({ id: z.string(), displayName: z.string() }).nullable(),
});
const contactBody = z
  .object({ kind: z.enum(CONTACT_KINDS), occurredOn: isoDate, summary: z.string().trim().min(1).max(10_000), confidential: z.boolean().default(false) })
  .strict();

function presentContact(row: ContactRow) {
  return {
    id: row.id,
    kind: row.kind,
    occurredOn: row.occurred_on,
    summary: row.summary,
    confidential: row.confidential,
    author: row.author_id && row.author_name ? { id: row.author_id, displayName: row.author_name } : null,
  };
}

/** Contact moments, the yearly conversation and notes (confidential ones for coach and team lead only). */
export function registerContactRoutes(app: App, { db }: Deps): void {
  const tags = ['contact moments'];
  app.get(
    '/api/clients/:id/contacts',
    { config: { access: 'clients:write' }, schema: { tags, summary: 'Contact moments and notes, newest first', params: clientIdParams, response: { 200: z.object({ items: z.array(contactItem) }) } } },
    async (request) => ({ items: (await contactsOf(db, request.context(), request.params.id)).map(presentContact) }),
  );
  app.post(
    '/api/clients/:id/contacts',
    { config: { access: 'clients:write' }, schema: { tags, summary: 'Record a contact moment or note', params: clientIdParams, body: contactBody, response: { 201: contactItem } } },
    async (request, reply) => {
      return reply.status(201).send(presentContact(await recordContact(db, request.context(), request.params.id, request.body)));
    },
  );
}
