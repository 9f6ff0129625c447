import type { App, Deps } from '../../http/types.ts';
import { etagOf } from '../clients/clients.presenter.ts';
import { ifMatchHeaders } from '../clients/clients.schema.ts';
import { versionFromIfMatch } from '../clients/clients.service.ts';
import { presentContract, presentProvider } from './contracts.presenter.ts';
import {
  contractItem,
  contractList,
  contractListQuery,
  createContractBody,
  createProviderBody,
  idParams,
  providerItem,
  providerList,
  updateContractBody,
  updateProviderBody,
} from './contracts.schema.ts';
import { createContract, getContract, listContractsFor, updateContract } from './contracts.service.ts';
import { createProvider, listProviders, updateProvider } from './providers.service.ts';

/** Providers of trajectories and their contracts, with the contracts' use. */
export function registerContractRoutes(app: App, { db }: Deps): void {
  const tags = ['providers and contracts'];
  app.get(
    '/api/providers',
    { config: { access: 'providers:read' }, schema: { tags, summary: 'Providers with their contact person and contract counts', response: { 200: providerList } } },
    async (request) => {
      const ctx = request.context();
      return { items: (await listProviders(db, ctx)).map((row) => presentProvider(ctx.actor, row)) };
    },
  );
  app.post(
    '/api/providers',
    { config: { access: 'admin:manage' }, schema: { tags, summary: 'Add a provider', body: createProviderBody, response: { 201: providerItem } } },
    async (request, reply) => {
      const ctx = request.context();
      return reply.status(201).send(presentProvider(ctx.actor, await createProvider(db, ctx, request.body)));
    },
  );
  app.patch(
    '/api/providers/:id',
    { config: { access: 'admin:manage' }, schema: { tags, summary: 'Change a provider', params: idParams, body: updateProviderBody, response: { 200: providerItem } } },
    async (request) => {
      const ctx = request.context();
      return presentProvider(ctx.actor, await updateProvider(db, ctx, request.params.id, request.body));
    },
  );

  app.get(
    '/api/contracts',
    { config: { access: 'contracts:read' }, schema: { tags, summary: 'Contracts with their use', querystring: contractListQuery, response: { 200: contractList } } },
    async (request) => {
      const ctx = request.context();
      const items = (await listContractsFor(db, ctx, request.query)).map((view) => presentContract(ctx.actor, view));
      return { items, total: items.length };
    },
  );
  app.get(
    '/api/contracts/:id',
    { config: { access: 'contracts:read' }, schema: { tags, summary: 'One contract (ETag carries the version)', params: idParams, response: { 200: contractItem } } },
    async (request, reply) => {
      const ctx = request.context();
      const contract = presentContract(ctx.actor, await getContract(db, ctx, request.params.id));
      return reply.header('etag', etagOf(contract.version)).send(contract);
    },
  );
  app.post(
    '/api/contracts',
    { config: { access: 'contracts:manage' }, schema: { tags, summary: 'Add a contract', body: createContractBody, response: { 201: contractItem } } },
    async (request, reply) => {
      const ctx = request.context();
      const contract = presentContract(ctx.actor, await createContract(db, ctx, request.body));
      return reply.status(201).header('etag', etagOf(contract.version)).send(contract);
    },
  );
  app.patch(
    '/api/contracts/:id',
    {
      config: { access: 'contracts:manage' },
      schema: { tags, summary: 'Change a contract (If-Match required)', params: idParams, headers: ifMatchHeaders, body: updateContractBody, response: { 200: contractItem } },
    },
    async (request, reply) => {
      const ctx = request.context();
      const version = versionFromIfMatch(request.headers['if-match']);
      const contract = presentContract(ctx.actor, await updateContract(db, ctx, request.params.id, version, request.body));
      return reply.header('etag', etagOf(contract.version)).send(contract);
    },
  );
}
