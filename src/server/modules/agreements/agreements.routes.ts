import type { App, Deps } from '../../http/types.ts';
import { abilitiesOf } from '../../authz/policy.ts';
import { etagOf } from '../clients/clients.presenter.ts';
import { ifMatchHeaders } from '../clients/clients.schema.ts';
import { versionFromIfMatch } from '../clients/clients.service.ts';
import { evaluateAgreements } from './agreements-evaluation.service.ts';
import { agreementPolicy } from './agreements.policy.ts';
import { presentAgreement, presentReturnAssumptions } from './agreements.presenter.ts';
import {
  agreementBody,
  agreementItem,
  agreementList,
  agreementListQuery,
  evaluationQuery,
  evaluationResponse,
  idParams,
  returnAssumptionsBody,
  returnAssumptionsQuery,
  returnAssumptionsResponse,
} from './agreements.schema.ts';
import { createAgreement, listAgreementsFor, removeAgreement, updateAgreement } from './agreements.service.ts';
import { returnAssumptionsOf, saveReturnAssumptions } from './return-assumptions.service.ts';

/** Performance agreements per municipality and year, how far they are met, and the return assumptions. */
export function registerAgreementRoutes(app: App, { db }: Deps): void {
  const tags = ['performance agreements'];
  app.get(
    '/api/performance-agreements',
    { config: { access: 'agreements:read' }, schema: { tags, summary: 'Agreements, by municipality and year', querystring: agreementListQuery, response: { 200: agreementList } } },
    async (request) => {
      const ctx = request.context();
      const rows = await listAgreementsFor(db, ctx, request.query);
      return { items: rows.map((row) => presentAgreement(ctx.actor, row)), policies: { create: agreementPolicy.create(ctx.actor, { organisation_id: ctx.actor.organisationId }) } };
    },
  );
  app.get(
    '/api/performance-agreements/evaluation',
    {
      config: { access: 'agreements:read' },
      schema: { tags, summary: 'Each agreement of a municipality and year: met, not met or not measurable, with the figure', querystring: evaluationQuery, response: { 200: evaluationResponse } },
    },
    async (request) => {
      const ctx = request.context();
      const result = await evaluateAgreements(db, ctx, request.query);
      return {
        municipality: result.municipality,
        year: result.year,
        items: result.items.map(({ agreement, ...rest }) => ({ agreement: presentAgreement(ctx.actor, agreement), ...rest })),
      };
    },
  );
  app.post(
    '/api/performance-agreements',
    { config: { access: 'agreements:manage' }, schema: { tags, summary: 'Add an agreement', body: agreementBody, response: { 201: agreementItem } } },
    async (request, reply) => {
      const ctx = request.context();
      const agreement = presentAgreement(ctx.actor, await createAgreement(db, ctx, request.body));
      return reply.status(201).header('etag', etagOf(agreement.version)).send(agreement);
    },
  );
  app.put(
    '/api/performance-agreements/:id',
    {
      config: { access: 'agreements:manage' },
      schema: { tags, summary: 'Change an agreement (If-Match required)', params: idParams, headers: ifMatchHeaders, body: agreementBody, response: { 200: agreementItem } },
    },
    async (request, reply) => {
      const ctx = request.context();
      const version = versionFromIfMatch(request.headers['if-match']);
      const agreement = presentAgreement(ctx.actor, await updateAgreement(db, ctx, request.params.id, version, request.body));
      return reply.header('etag', etagOf(agreement.version)).send(agreement);
    },
  );
  app.delete(
    '/api/performance-agreements/:id',
    { config: { access: 'agreements:manage' }, schema: { tags, summary: 'Remove an agreement (If-Match required)', params: idParams, headers: ifMatchHeaders } },
    async (request, reply) => {
      await removeAgreement(db, request.context(), request.params.id, versionFromIfMatch(request.headers['if-match']));
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/return-assumptions',
    { config: { access: 'agreements:read' }, schema: { tags, summary: 'The assumptions behind the return per route for a year (ETag: version, 0 when none)', querystring: returnAssumptionsQuery, response: { 200: returnAssumptionsResponse } } },
    async (request, reply) => {
      const ctx = request.context();
      const assumptions = presentReturnAssumptions(await returnAssumptionsOf(db, ctx, request.query.year));
      const { update } = abilitiesOf(ctx.actor, agreementPolicy, { organisation_id: ctx.actor.organisationId });
      return reply.header('etag', etagOf(assumptions?.version ?? 0)).send({ year: request.query.year, assumptions, policies: { update } });
    },
  );
  app.put(
    '/api/return-assumptions',
    {
      config: { access: 'agreements:manage' },
      schema: { tags, summary: 'Set the assumptions of a year (If-Match: "0" the first time)', querystring: returnAssumptionsQuery, headers: ifMatchHeaders, body: returnAssumptionsBody, response: { 200: returnAssumptionsResponse } },
    },
    async (request, reply) => {
      const ctx = request.context();
      const row = await saveReturnAssumptions(db, ctx, request.query.year, versionFromIfMatch(request.headers['if-match']), request.body);
      const assumptions = presentReturnAssumptions(row)!;
      return reply.header('etag', etagOf(assumptions.version)).send({ year: request.query.year, assumptions, policies: { update: true } });
    },
  );
}
