import type { FastifyReply } from 'fastify';
import type { App, Deps } from '../../http/types.ts';
import { clientIdParams } from '../clients/clients.schema.ts';
import { renderDataExportPdf } from './data-export.pdf.ts';
import type { DataExport } from './data-export.types.ts';
import { dataExportSchema } from './privacy.schema.ts';
import { exportClientData, exportOwnData, type ExportFormat } from './privacy.service.ts';

const FORMATS = {
  json: { summary: 'as JSON', response: { 200: dataExportSchema } },
  pdf: { summary: 'as a readable PDF in Dutch', response: undefined },
} as const;

/** Sends the copy as a download named after the client and the day, never cached. */
async function deliver(reply: FastifyReply, doc: DataExport, format: ExportFormat): Promise<FastifyReply> {
  reply.header('content-disposition', `attachment; filename="meedoen-gegevens-${doc.subject.clientNumber}-${doc.createdAt.slice(0, 10)}.${format}"`).header('cache-control', 'no-store');
  return format === 'pdf' ? reply.type('application/pdf').send(await renderDataExportPdf(doc)) : reply.send(doc);
}

/** The AVG inzage: a copy of all data about a client, by the client or by their coach on request. */
export function registerPrivacyRoutes(app: App, { db, config }: Deps): void {
  const tags = ['privacy'];
  for (const format of Object.keys(FORMATS) as ExportFormat[]) {
    const { summary, response } = FORMATS[format];
    app.get(
      `/api/me/data-export.${format}`,
      { config: { access: 'own-data:read' }, schema: { tags, summary: `A copy of all data Meedoen holds about me, ${summary}`, ...(response ? { response } : {}) } },
      async (request, reply) => deliver(reply, await exportOwnData(db, config, request.context(), format), format),
    );
    app.get(
      `/api/clients/:id/data-export.${format}`,
      {
        config: { access: 'clients:export' },
        schema: { tags, summary: `A copy of all data about a client (on the client's request), ${summary}`, params: clientIdParams, ...(response ? { response } : {}) },
      },
      async (request, reply) => deliver(reply, await exportClientData(db, config, request.context(), request.params.id, format), format),
    );
  }
}
