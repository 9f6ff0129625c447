import { z } from 'zod';
import { clientIdParams } from '../clients/clients.schema.ts';
import type { App, Deps } from '../../http/types.ts';
import { readTimeline } from './timeline.service.ts';

const timelineQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(30), before: z.coerce.number().int().positive().optional() });
const timelineResponse = z.object({
  items: z.array(z.object({ id: z.string(), occurredAt: z.string(), kind: z.string(), summary: z.string(), actor: z.object({ id: z.string(), displayName: z.string() }).nullable() })),
  nextBefore: z.string().nullable(),
});

/** The client timeline: everything that happened to the client, newest first, from every module. */
export function registerTimelineRoutes(app: App, { db }: Deps): void {
  app.get(
    '/api/clients/:id/timeline',
    { config: { access: 'clients:write' }, schema: { tags: ['timeline'], summary: "A page of the client's timeline", params: clientIdParams, querystring: timelineQuery, response: { 200: timelineResponse } } },
    async (request) => {
      const { rows: items, hasMore } = await readTimeline(db, request.context(), request.params.id, request.query);
      return {
        items: items.map((r) => ({
          id: String(r.id),
          occurredAt: r.occurred_at.toISOString(),
          kind: r.kind,
          summary: r.summary,
          actor: r.actor_id && r.actor_name ? { id: r.actor_id, displayName: r.actor_name } : null,
        })),
        nextBefore: hasMore ? String(items[items.length - 1]!.id) : null,
      };
    },
  );
}
