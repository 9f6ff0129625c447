import { z } from 'zod';
import { ROLES } from '../../../shared/roles.ts';
import type { App, Deps } from '../../http/types.ts';
import { presentClientListItem } from '../clients/clients.presenter.ts';
import { clientListItem } from '../clients/clients.schema.ts';
import { buildStartPage } from './start.service.ts';

const startResponse = z.object({
  role: z.enum(ROLES),
  counts: z.record(z.string(), z.number().int().nullable()),
  clients: z.array(clientListItem),
});

/** The start page of each role. */
export function registerStartRoutes(app: App, { db }: Deps): void {
  app.get(
    '/api/start',
    { config: { access: 'start:read' }, schema: { tags: ['start'], summary: "The caller's start page", response: { 200: startResponse } } },
    async (request) => {
      const ctx = request.context();
      const page = await buildStartPage(db, ctx);
      return { role: ctx.actor.role, counts: page.counts, clients: page.clients.map((c) => presentClientListItem(ctx.actor, c)) };
    },
  );
}
