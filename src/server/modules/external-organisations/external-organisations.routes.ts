import { configurationPolicy } from '../../authz/configuration.policy.ts';
import type { Actor } from '../../authz/actor.ts';
import { abilitiesOf } from '../../authz/policy.ts';
import type { App, Deps } from '../../http/types.ts';
import type { ExternalOrganisationRow } from './external-organisations.repository.ts';
import {
  createPartnerBody,
  externalOrganisationIdParams,
  externalOrganisationItem,
  externalOrganisationList,
  updateExternalOrganisationBody,
} from './external-organisations.schema.ts';
import { createPartner, listExternalOrganisationsFor, updateExternalOrganisationRecord } from './external-organisations.service.ts';

/** The fields of a provider or partner that the administrator sees. */
export function presentExternalOrganisation(actor: Actor, row: ExternalOrganisationRow) {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    partnerKind: row.partner_kind,
    active: row.active,
    contactName: row.contact_name,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    policies: abilitiesOf(actor, configurationPolicy, row),
  };
}

/** Providers and network partners: the administrator binds users to them and adds partners. */
export function registerExternalOrganisationRoutes(app: App, { db }: Deps): void {
  const tags = ['external organisations'];
  app.get(
    '/api/external-organisations',
    { config: { access: 'admin:manage' }, schema: { tags, summary: 'Providers and partners', response: { 200: externalOrganisationList } } },
    async (request) => {
      const { actor } = request.context();
      return { items: (await listExternalOrganisationsFor(db, request.context())).map((row) => presentExternalOrganisation(actor, row)) };
    },
  );
  app.post(
    '/api/external-organisations',
    { config: { access: 'admin:manage' }, schema: { tags, summary: 'Add a network partner', body: createPartnerBody, response: { 201: externalOrganisationItem } } },
    async (request, reply) => {
      const ctx = request.context();
      return reply.status(201).send(presentExternalOrganisation(ctx.actor, await createPartner(db, ctx, request.body)));
    },
  );
  app.patch(
    '/api/external-organisations/:id',
    {
      config: { access: 'admin:manage' },
      schema: { tags, summary: 'Change a provider or partner', params: externalOrganisationIdParams, body: updateExternalOrganisationBody, response: { 200: externalOrganisationItem } },
    },
    async (request) => {
      const ctx = request.context();
      return presentExternalOrganisation(ctx.actor, await updateExternalOrganisationRecord(db, ctx, request.params.id, request.body));
    },
  );
}
