import type { App, Deps } from '../../http/types.ts';
import { clientIdParams } from '../clients/clients.schema.ts';
import { compareHealth, dimensionChanges, healthHistory, recordHealthMeasurement } from './health.service.ts';
import { printablePlan } from './plan-print.service.ts';
import { presentHealthDetail, presentHealthSummary, presentZrm } from './plans.presenter.ts';
import { comparisonQuery, healthComparison, healthDetail, healthList, healthMeasureBody, zrmBody, zrmItem, zrmList } from './plans.schema.ts';
import { recordZrm, zrmHistory } from './zrm.service.ts';

/** Positive Health and the Zelfredzaamheid-Matrix of one client, and the printable plan. */
export function registerPlanRoutes(app: App, { db }: Deps): void {
  const tags = ['personal plan'];
  app.get(
    '/api/clients/:id/health-measurements',
    { config: { access: 'plans:read' }, schema: { tags, summary: 'Positive Health measurements, newest first (dimension scores)', params: clientIdParams, response: { 200: healthList } } },
    async (request) => {
      const { rows, policies } = await healthHistory(db, request.context(), request.params.id);
      return { items: rows.map(presentHealthSummary), policies };
    },
  );
  app.post(
    '/api/clients/:id/health-measurements',
    { config: { access: 'plans:measure' }, schema: { tags, summary: 'Record a Positive Health measurement (42 aspects, 0–10)', params: clientIdParams, body: healthMeasureBody, response: { 201: healthDetail } } },
    async (request, reply) => reply.status(201).send(presentHealthDetail(await recordHealthMeasurement(db, request.context(), request.params.id, request.body))),
  );
  app.get(
    '/api/clients/:id/health-measurements/comparison',
    {
      config: { access: 'plans:read' },
      schema: { tags, summary: 'The latest web against the first (or a chosen earlier) one', params: clientIdParams, querystring: comparisonQuery, response: { 200: healthComparison } },
    },
    async (request) => {
      const { latest, baseline } = await compareHealth(db, request.context(), request.params.id, request.query.baseline);
      return {
        latest: latest ? presentHealthDetail(latest) : null,
        baseline: baseline ? presentHealthDetail(baseline) : null,
        changes: latest && baseline ? dimensionChanges(latest, baseline) : null,
      };
    },
  );
  app.get(
    '/api/clients/:id/zrm',
    { config: { access: 'plans:read' }, schema: { tags, summary: 'Zelfredzaamheid-Matrix measurements, newest first', params: clientIdParams, response: { 200: zrmList } } },
    async (request) => {
      const { rows, policies } = await zrmHistory(db, request.context(), request.params.id);
      return { items: rows.map(presentZrm), policies };
    },
  );
  app.post(
    '/api/clients/:id/zrm',
    { config: { access: 'plans:manage' }, schema: { tags, summary: 'Record a Zelfredzaamheid-Matrix measurement (13 domains, 1–5)', params: clientIdParams, body: zrmBody, response: { 201: zrmItem } } },
    async (request, reply) => reply.status(201).send(presentZrm(await recordZrm(db, request.context(), request.params.id, request.body))),
  );
  app.get(
    '/api/clients/:id/plan.pdf',
    { config: { access: 'plans:read' }, schema: { tags, summary: 'The personal plan as a printable PDF (Dutch, B1)', params: clientIdParams } },
    async (request, reply) => {
      const { pdf, fileName } = await printablePlan(db, request.context(), request.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${fileName}"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
}
