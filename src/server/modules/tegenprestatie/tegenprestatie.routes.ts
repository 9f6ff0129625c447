import { z } from 'zod';
import type { App, Deps } from '../../http/types.ts';
import { clientIdParams } from '../clients/clients.schema.ts';
import { workDossierPolicy } from '../placements/placements.policy.ts';
import { presentDecision } from './tegenprestatie.presenter.ts';
import { decisionBody, decisionItem } from './tegenprestatie.schema.ts';
import { decisionsOf, recordDecision } from './tegenprestatie.service.ts';

/** Tegenprestatie (counter-performance): legally possible, rarely imposed; when decided, recorded here. */
export function registerTegenprestatieRoutes(app: App, { db }: Deps): void {
  const tags = ['tegenprestatie'];
  app.get(
    '/api/clients/:id/tegenprestatie',
    {
      config: { access: 'placements:read' },
      schema: { tags, summary: "A client's tegenprestatie decisions", params: clientIdParams, response: { 200: z.object({ items: z.array(decisionItem), policies: z.object({ decide: z.boolean() }) }) } },
    },
    async (request) => {
      const ctx = request.context();
      const { client, rows } = await decisionsOf(db, ctx, request.params.id);
      return { items: rows.map(presentDecision), policies: { decide: workDossierPolicy.write(ctx.actor, client) } };
    },
  );
  app.post(
    '/api/clients/:id/tegenprestatie',
    { config: { access: 'placements:write' }, schema: { tags, summary: 'Record a tegenprestatie decision', params: clientIdParams, body: decisionBody, response: { 201: decisionItem } } },
    async (request, reply) => {
      const { row } = await recordDecision(db, request.context(), request.params.id, request.body);
      return reply.status(201).send(presentDecision(row));
    },
  );
}
