import { z } from 'zod';
import type { App, Deps } from '../../http/types.ts';
import { clientIdParams, ifMatchHeaders } from '../clients/clients.schema.ts';
import { versionFromIfMatch } from '../clients/clients.service.ts';
import { workDossierPolicy } from './placements.policy.ts';
import { presentPlacement, presentWorkProfile } from './placements.presenter.ts';
import {
  createPlacementBody,
  endPlacementBody,
  ladderPrompt,
  placementItem,
  startContractBody,
  updatePlacementBody,
  workProfileBody,
  workProfileItem,
} from './placements.schema.ts';
import { createPlacement, endPlacement, placementsOf, startContract, updatePlacement } from './placements.service.ts';
import { saveWorkProfile, workProfileOf } from './work-profile.service.ts';

const idParams = z.object({ id: z.string().uuid() });
const withPrompt = placementItem.extend({ ladderPrompt });

/** Placements (volunteering to a regular job, the afspraakbaan's trial and contract) and the client's work profile. */
export function registerPlacementRoutes(app: App, { db }: Deps): void {
  const tags = ['placements'];
  app.get(
    '/api/clients/:id/placements',
    {
      config: { access: 'placements:read' },
      schema: { tags, summary: "A client's placements", params: clientIdParams, response: { 200: z.object({ items: z.array(placementItem), policies: z.object({ create: z.boolean() }) }) } },
    },
    async (request) => {
      const ctx = request.context();
      const { client, rows } = await placementsOf(db, ctx, request.params.id);
      return { items: rows.map((r) => presentPlacement(ctx.actor, client, r)), policies: { create: workDossierPolicy.write(ctx.actor, client) } };
    },
  );
  app.post(
    '/api/clients/:id/placements',
    { config: { access: 'placements:write' }, schema: { tags, summary: 'Start a placement (prompts a ladder measurement when the step likely changed)', params: clientIdParams, body: createPlacementBody, response: { 201: withPrompt } } },
    async (request, reply) => {
      const ctx = request.context();
      const { placement, client, ladder } = await createPlacement(db, ctx, request.params.id, request.body);
      return reply.status(201).header('etag', `"${placement.version}"`).send({ ...presentPlacement(ctx.actor, client, placement), ladderPrompt: ladder });
    },
  );
  app.patch(
    '/api/placements/:id',
    { config: { access: 'placements:write' }, schema: { tags, summary: 'Change a running placement (If-Match)', params: idParams, headers: ifMatchHeaders, body: updatePlacementBody, response: { 200: placementItem } } },
    async (request, reply) => {
      const ctx = request.context();
      const { placement, client } = await updatePlacement(db, ctx, request.params.id, versionFromIfMatch(request.headers['if-match']), request.body);
      return reply.header('etag', `"${placement.version}"`).send(presentPlacement(ctx.actor, client, placement));
    },
  );
  app.post(
    '/api/placements/:id/contract',
    { config: { access: 'placements:write' }, schema: { tags, summary: 'Afspraakbaan: from trial period to contract (If-Match)', params: idParams, headers: ifMatchHeaders, body: startContractBody, response: { 200: placementItem } } },
    async (request, reply) => {
      const ctx = request.context();
      const { placement, client } = await startContract(db, ctx, request.params.id, versionFromIfMatch(request.headers['if-match']), request.body);
      return reply.header('etag', `"${placement.version}"`).send(presentPlacement(ctx.actor, client, placement));
    },
  );
  app.post(
    '/api/placements/:id/end',
    { config: { access: 'placements:write' }, schema: { tags, summary: 'End a placement with its outcome (If-Match)', params: idParams, headers: ifMatchHeaders, body: endPlacementBody, response: { 200: withPrompt } } },
    async (request, reply) => {
      const ctx = request.context();
      const { placement, client, ladder } = await endPlacement(db, ctx, request.params.id, versionFromIfMatch(request.headers['if-match']), request.body);
      return reply.header('etag', `"${placement.version}"`).send({ ...presentPlacement(ctx.actor, client, placement), ladderPrompt: ladder });
    },
  );
  app.get(
    '/api/clients/:id/work-profile',
    { config: { access: 'placements:read' }, schema: { tags, summary: 'Doelgroepregister and former Wsw employment (with ETag)', params: clientIdParams, response: { 200: workProfileItem } } },
    async (request, reply) => {
      const ctx = request.context();
      const { client, row } = await workProfileOf(db, ctx, request.params.id);
      return reply.header('etag', `"${row?.version ?? 0}"`).send(presentWorkProfile(ctx.actor, client, row));
    },
  );
  app.put(
    '/api/clients/:id/work-profile',
    { config: { access: 'placements:write' }, schema: { tags, summary: 'Record doelgroepregister and former Wsw employment (If-Match; "0" the first time)', params: clientIdParams, headers: ifMatchHeaders, body: workProfileBody, response: { 200: workProfileItem } } },
    async (request, reply) => {
      const ctx = request.context();
      const { client, row } = await saveWorkProfile(db, ctx, request.params.id, versionFromIfMatch(request.headers['if-match']), request.body);
      return reply.header('etag', `"${row?.version ?? 0}"`).send(presentWorkProfile(ctx.actor, client, row));
    },
  );
}
