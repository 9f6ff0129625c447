import type { App, Deps } from '../../http/types.ts';
import { etagOf, presentClientDetail, presentClientListItem } from './clients.presenter.ts';
import {
  changeRouteBody,
  clientDetail,
  clientIdParams,
  clientListQuery,
  clientListResponse,
  ifMatchHeaders,
  registerClientBody,
  registerOutflowBody,
  routeHistoryResponse,
  updateClientBody,
} from './clients.schema.ts';
import { changeRoute, getClient, listClients, registerClient, registerOutflow, routeHistory, updateClient, versionFromIfMatch } from './clients.service.ts';

/** Clients: search, register, the dossier header, edits under optimistic concurrency, the route. */
export function registerClientRoutes(app: App, { db, config }: Deps): void {
  const tags = ['clients'];
  app.get(
    '/api/clients',
    { config: { access: 'clients:list' }, schema: { tags, summary: 'Search the clients in your scope (name prefix, BSN, client number)', querystring: clientListQuery, response: { 200: clientListResponse } } },
    async (request) => {
      const ctx = request.context();
      const { rows, total, capped } = await listClients(db, ctx, request.query);
      return { items: rows.map((row) => presentClientListItem(ctx.actor, row)), total, totalCapped: capped };
    },
  );

  app.post(
    '/api/clients',
    { config: { access: 'clients:create' }, schema: { tags, summary: 'Register a client', body: registerClientBody, response: { 201: clientDetail } } },
    async (request, reply) => {
      const ctx = request.context();
      const client = await registerClient(db, config, ctx, request.body);
      return reply.status(201).header('etag', etagOf(client.version)).send(presentClientDetail(ctx.actor, client));
    },
  );

  app.get(
    '/api/clients/:id',
    { config: { access: 'clients:read' }, schema: { tags, summary: 'One client (ETag carries the version)', params: clientIdParams, response: { 200: clientDetail } } },
    async (request, reply) => {
      const ctx = request.context();
      const client = await getClient(db, ctx, request.params.id);
      return reply.header('etag', etagOf(client.version)).send(presentClientDetail(ctx.actor, client));
    },
  );

  app.patch(
    '/api/clients/:id',
    {
      config: { access: 'clients:write' },
      schema: { tags, summary: "Change a client's record (If-Match required)", params: clientIdParams, headers: ifMatchHeaders, body: updateClientBody, response: { 200: clientDetail } },
    },
    async (request, reply) => {
      const ctx = request.context();
      const version = versionFromIfMatch(request.headers['if-match']);
      const client = await updateClient(db, ctx, request.params.id, version, request.body);
      return reply.header('etag', etagOf(client.version)).send(presentClientDetail(ctx.actor, client));
    },
  );

  app.put(
    '/api/clients/:id/route',
    {
      config: { access: 'clients:write' },
      schema: { tags, summary: "Set the client's route, with a reason (If-Match required)", params: clientIdParams, headers: ifMatchHeaders, body: changeRouteBody, response: { 200: clientDetail } },
    },
    async (request, reply) => {
      const ctx = request.context();
      const client = await changeRoute(db, ctx, request.params.id, versionFromIfMatch(request.headers['if-match']), request.body);
      return reply.header('etag', etagOf(client.version)).send(presentClientDetail(ctx.actor, client));
    },
  );

  app.post(
    '/api/clients/:id/outflow',
    {
      config: { access: 'clients:write' },
      schema: { tags, summary: 'Register the end of the benefit (uitstroom) and its reason (If-Match required)', params: clientIdParams, headers: ifMatchHeaders, body: registerOutflowBody, response: { 200: clientDetail } },
    },
    async (request, reply) => {
      const ctx = request.context();
      const client = await registerOutflow(db, ctx, request.params.id, versionFromIfMatch(request.headers['if-match']), request.body);
      return reply.header('etag', etagOf(client.version)).send(presentClientDetail(ctx.actor, client));
    },
  );

  app.get(
    '/api/clients/:id/route-history',
    { config: { access: 'clients:write' }, schema: { tags, summary: 'Who changed the route, when and why', params: clientIdParams, response: { 200: routeHistoryResponse } } },
    async (request) => {
      const rows = await routeHistory(db, request.context(), request.params.id);
      return {
        items: rows.map((r) => ({
          id: String(r.id),
          previousRoute: r.previous_route,
          route: r.route,
          reason: r.reason,
          changedAt: r.changed_at.toISOString(),
          changedBy: r.user_id && r.user_name ? { id: r.user_id, displayName: r.user_name } : null,
        })),
      };
    },
  );
}
