import type { App, Deps } from '../../http/types.ts';
import { presentClientDetail, presentClientListItem } from './clients.presenter.ts';
import { clientDetail, clientIdParams, clientListQuery, clientListResponse } from './clients.schema.ts';
import { getClient, listClients } from './clients.service.ts';

/** Client search and the dossier header. The coach's desk issue extends this module. */
export function registerClientRoutes(app: App, { db }: Deps): void {
  app.get(
    '/api/clients',
    {
      config: { access: 'clients:list' },
      schema: { tags: ['clients'], summary: 'Search the clients in your scope', querystring: clientListQuery, response: { 200: clientListResponse } },
    },
    async (request) => {
      const ctx = request.context();
      const { rows, total } = await listClients(db, ctx, request.query);
      return { items: rows.map((row) => presentClientListItem(ctx.actor, row)), total };
    },
  );

  app.get(
    '/api/clients/:id',
    {
      config: { access: 'clients:read' },
      schema: { tags: ['clients'], summary: 'One client', params: clientIdParams, response: { 200: clientDetail } },
    },
    async (request) => {
      const ctx = request.context();
      return presentClientDetail(ctx.actor, await getClient(db, ctx, request.params.id));
    },
  );
}
