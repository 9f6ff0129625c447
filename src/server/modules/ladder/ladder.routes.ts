import type { App, Deps } from '../../http/types.ts';
import { clientIdParams } from '../clients/clients.schema.ts';
import { presentMeasurement } from './ladder.presenter.ts';
import { measureBody, measurementItem, measurementList } from './ladder.schema.ts';
import { ladderHistory, measureLadder } from './ladder.service.ts';

/** The participatieladder of a client: history and new measurements. */
export function registerLadderRoutes(app: App, { db }: Deps): void {
  const tags = ['participatieladder'];
  app.get(
    '/api/clients/:id/ladder',
    { config: { access: 'clients:read' }, schema: { tags, summary: 'Ladder measurements, newest first', params: clientIdParams, response: { 200: measurementList } } },
    async (request) => ({ items: (await ladderHistory(db, request.context(), request.params.id)).map(presentMeasurement) }),
  );
  app.post(
    '/api/clients/:id/ladder',
    { config: { access: 'clients:write' }, schema: { tags, summary: 'Record a measurement; the step is derived from the answers', params: clientIdParams, body: measureBody, response: { 201: measurementItem } } },
    async (request, reply) => {
      return reply.status(201).send(presentMeasurement(await measureLadder(db, request.context(), request.params.id, request.body)));
    },
  );
}
