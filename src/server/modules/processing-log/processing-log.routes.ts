import type { App, Deps } from '../../http/types.ts';
import { clientIdParams } from '../clients/clients.schema.ts';
import { presentLogEntry } from './processing-log.presenter.ts';
import { activitiesResponse, logResponse, logSearchQuery } from './processing-log.schema.ts';
import { readActivities, readClientLog, searchLogByBsn } from './processing-log.use-cases.ts';

/** Reading the processing log: per client from the dossier, by BSN for the administrator. */
export function registerProcessingLogRoutes(app: App, { db, config }: Deps): void {
  app.get(
    '/api/clients/:id/processing-log',
    {
      config: { access: 'processing-log:read-client' },
      schema: { tags: ['processing log'], summary: "A client's processing log", params: clientIdParams, response: { 200: logResponse } },
    },
    async (request) => {
      const ctx = request.context();
      const rows = await readClientLog(db, ctx, request.params.id);
      return { items: rows.map(presentLogEntry) };
    },
  );

  app.get(
    '/api/processing-log',
    {
      config: { access: 'processing-log:search' },
      schema: { tags: ['processing log'], summary: 'The processing log of one data subject, by BSN', querystring: logSearchQuery, response: { 200: logResponse } },
    },
    async (request) => {
      const rows = await searchLogByBsn(db, config, request.context(), request.query.bsn);
      return { items: rows.map(presentLogEntry) };
    },
  );

  app.get(
    '/api/processing-activities',
    {
      config: { access: 'processing-activities:read' },
      schema: { tags: ['processing log'], summary: 'The register of processing activities', response: { 200: activitiesResponse } },
    },
    async (request) => {
      const rows = await readActivities(db, request.context());
      return {
        items: rows.map((r) => ({ id: r.id, code: r.code, name: r.name, purpose: r.purpose, legalGround: r.legal_ground, retention: r.retention })),
      };
    },
  );
}
