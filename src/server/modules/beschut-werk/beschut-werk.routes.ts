import { z } from 'zod';
import type { App, Deps } from '../../http/types.ts';
import { clientIdParams, ifMatchHeaders } from '../clients/clients.schema.ts';
import { versionFromIfMatch } from '../clients/clients.service.ts';
import { presentPlacement } from '../placements/placements.presenter.ts';
import { ladderPrompt, placementItem } from '../placements/placements.schema.ts';
import { workDossierPolicy } from '../placements/placements.policy.ts';
import { beschutOverviewPolicy } from './beschut-werk.policy.ts';
import { presentApplication, presentOverviewRow, presentScopedApplication } from './beschut-werk.presenter.ts';
import {
  applicationItem,
  assessBody,
  overviewQuery,
  overviewResponse,
  placeBody,
  quotaBody,
  quotaParams,
  requestBody,
  scopedApplicationItem,
  scopedQuery,
  werkfitBody,
} from './beschut-werk.schema.ts';
import {
  applicationsInScope,
  applicationsOf,
  beschutOverview,
  placeFromWaitingList,
  recordAssessment,
  requestAdvice,
  setQuota,
  startWerkfit,
} from './beschut-werk.service.ts';

const idParams = z.object({ id: z.string().uuid() });

/** Beschut werk: the quota per municipality and year, UWV advice applications, the waiting list, placement or a fitness trajectory. */
export function registerBeschutWerkRoutes(app: App, { db }: Deps): void {
  const tags = ['beschut-werk'];
  app.get(
    '/api/beschut-werk/overview',
    { config: { access: 'beschut-werk:read' }, schema: { tags, summary: 'Quota, realised, waiting and in assessment per municipality', querystring: overviewQuery, response: { 200: overviewResponse } } },
    async (request) => {
      const ctx = request.context();
      const { on, rows } = await beschutOverview(db, ctx, request.query.year);
      const exact = beschutOverviewPolicy.readExactCounts(ctx.actor, { organisation_id: ctx.actor.organisationId });
      return { year: request.query.year, on, exact, items: rows.map((r) => presentOverviewRow(ctx.actor, r, exact)) };
    },
  );
  app.put(
    '/api/beschut-werk/quotas/:municipalityId/:year',
    { config: { access: 'beschut-werk:quota' }, schema: { tags, summary: "Set a municipality's quota (taakstelling) for a year", params: quotaParams, body: quotaBody } },
    async (request, reply) => {
      await setQuota(db, request.context(), request.params.municipalityId, request.params.year, request.body.quota);
      return reply.status(204).send();
    },
  );
  app.get(
    '/api/beschut-werk/applications',
    {
      config: { access: 'placements:write' },
      schema: { tags, summary: 'Waiting list or applications in assessment, of the clients you work with', querystring: scopedQuery, response: { 200: z.object({ items: z.array(scopedApplicationItem) }) } },
    },
    async (request) => {
      const ctx = request.context();
      return { items: (await applicationsInScope(db, ctx, request.query)).map((r) => presentScopedApplication(ctx.actor, r)) };
    },
  );
  app.get(
    '/api/clients/:id/beschut-werk',
    {
      config: { access: 'placements:read' },
      schema: { tags, summary: "A client's beschut werk applications", params: clientIdParams, response: { 200: z.object({ items: z.array(applicationItem), policies: z.object({ request: z.boolean() }) }) } },
    },
    async (request) => {
      const ctx = request.context();
      const { client, rows } = await applicationsOf(db, ctx, request.params.id);
      const open = rows.some((r) => r.status === 'in_beoordeling' || r.status === 'positief');
      return { items: rows.map((r) => presentApplication(ctx.actor, client, r)), policies: { request: workDossierPolicy.write(ctx.actor, client) && !open } };
    },
  );
  app.post(
    '/api/clients/:id/beschut-werk',
    { config: { access: 'placements:write' }, schema: { tags, summary: 'Ask UWV for an advice on beschut werk', params: clientIdParams, body: requestBody, response: { 201: applicationItem } } },
    async (request, reply) => {
      const ctx = request.context();
      const { client, application } = await requestAdvice(db, ctx, request.params.id, request.body);
      return reply.status(201).header('etag', `"${application.version}"`).send(presentApplication(ctx.actor, client, application));
    },
  );
  app.post(
    '/api/beschut-werk/applications/:id/assessment',
    { config: { access: 'placements:write' }, schema: { tags, summary: "Record UWV's advice (If-Match)", params: idParams, headers: ifMatchHeaders, body: assessBody, response: { 200: applicationItem } } },
    async (request, reply) => {
      const ctx = request.context();
      const { client, application } = await recordAssessment(db, ctx, request.params.id, versionFromIfMatch(request.headers['if-match']), request.body);
      return reply.header('etag', `"${application.version}"`).send(presentApplication(ctx.actor, client, application));
    },
  );
  app.post(
    '/api/beschut-werk/applications/:id/werkfit',
    { config: { access: 'placements:write' }, schema: { tags, summary: 'No place: start a fitness trajectory instead (If-Match)', params: idParams, headers: ifMatchHeaders, body: werkfitBody, response: { 200: applicationItem } } },
    async (request, reply) => {
      const ctx = request.context();
      const { client, application } = await startWerkfit(db, ctx, request.params.id, versionFromIfMatch(request.headers['if-match']), request.body);
      return reply.header('etag', `"${application.version}"`).send(presentApplication(ctx.actor, client, application));
    },
  );
  app.post(
    '/api/beschut-werk/applications/:id/placement',
    {
      config: { access: 'placements:write' },
      schema: { tags, summary: 'Place a waiting client in beschut werk (If-Match)', params: idParams, headers: ifMatchHeaders, body: placeBody, response: { 201: placementItem.extend({ ladderPrompt }) } },
    },
    async (request, reply) => {
      const ctx = request.context();
      const { placement, client, ladder } = await placeFromWaitingList(db, ctx, request.params.id, versionFromIfMatch(request.headers['if-match']), request.body);
      return reply.status(201).header('etag', `"${placement.version}"`).send({ ...presentPlacement(ctx.actor, client, placement), ladderPrompt: ladder });
    },
  );
}
