import type { FastifyReply } from 'fastify';
import type { App, Deps } from '../../http/types.ts';
import { clientIdParams } from '../clients/clients.schema.ts';
import type { DataExport } from './data-export.types.ts';
import { dataExportSchema } from './privacy.schema.ts';
import { exportClientData, exportOwnData } from './privacy.service.ts';

/** The download headers: a file named after the client and the day, never cached. */
function asDownload(reply: FastifyReply, doc: DataExport, extension: 'json' | 'pdf'): FastifyReply {
  const day = doc.createdAt.slice(0, 10);
  return reply
    .header('content-disposition', `attachment; filename="meedoen-gegevens-${doc.subject.clientNumber}-${day}.${extension}"`)
    .header('cache-control', 'no-store');
}

/** The AVG inzage: a copy of all data about a client, by the client or by their coach on request. */
export function registerPrivacyRoutes(app: App, { db, config }: Deps): void {
  const tags = ['privacy'];
  app.get(
    '/api/me/data-export.json',
    { config: { access: 'own-data:read' }, schema: { tags, summary: 'A copy of all data Meedoen holds about me, as JSON', response: { 200: dataExportSchema } } },
    async (request, reply) => {
      const doc = await exportOwnData(db, config, request.context(), 'json');
      return asDownload(reply, doc, 'json').send(doc);
    },
  );
  app.get(
    '/api/clients/:id/data-export.json',
    { config: { access: 'clients:export' }, schema: { tags, summary: "A copy of all data about a client (on the client's request), as JSON", params: clientIdParams, response: { 200: dataExportSchema } } },
    async (request, reply) => {
      const doc = await exportClientData(db, config, request.context(), request.params.id, 'json');
      return asDownload(reply, doc, 'json').send(doc);
    },
  );
}
