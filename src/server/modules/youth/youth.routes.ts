import { z } from 'zod';
import { todayIso } from '../../../shared/dates.ts';
import type { App, Deps } from '../../http/types.ts';
import { clientIdParams, ifMatchHeaders } from '../clients/clients.schema.ts';
import { versionFromIfMatch } from '../clients/clients.service.ts';
import { backInEducationItem, schoolRecordBody, schoolRecordItem } from './youth.schema.ts';
import { presentBackInEducation, presentSchoolRecord } from './youth.presenter.ts';
import { backInEducationList, saveSchoolRecord, schoolRecordOf } from './youth.service.ts';

/** Young people (16–27): school, start qualification, RMC reports, and who is back in education. */
export function registerYouthRoutes(app: App, { db }: Deps): void {
  const tags = ['youth'];
  app.get(
    '/api/clients/:id/school-record',
    { config: { access: 'placements:read' }, schema: { tags, summary: "A young person's school and qualification (with ETag; version 0 when none)", params: clientIdParams, response: { 200: schoolRecordItem } } },
    async (request, reply) => {
      const ctx = request.context();
      const { client, row } = await schoolRecordOf(db, ctx, request.params.id);
      return reply.header('etag', `"${row?.version ?? 0}"`).send(presentSchoolRecord(ctx.actor, client, row));
    },
  );
  app.put(
    '/api/clients/:id/school-record',
    { config: { access: 'placements:write' }, schema: { tags, summary: 'Record school and qualification (If-Match; "0" the first time)', params: clientIdParams, headers: ifMatchHeaders, body: schoolRecordBody, response: { 200: schoolRecordItem } } },
    async (request, reply) => {
      const ctx = request.context();
      const { client, row } = await saveSchoolRecord(db, ctx, request.params.id, versionFromIfMatch(request.headers['if-match']), request.body);
      return reply.header('etag', `"${row?.version ?? 0}"`).send(presentSchoolRecord(ctx.actor, client, row));
    },
  );
  app.get(
    '/api/youth/back-in-education',
    {
      config: { access: 'youth:read' },
      schema: {
        tags,
        summary: 'Young people without a start qualification who are back in education (your clients)',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(200) }),
        response: { 200: z.object({ items: z.array(backInEducationItem) }) },
      },
    },
    async (request) => {
      const today = todayIso();
      return { items: (await backInEducationList(db, request.context(), request.query.limit)).map((r) => presentBackInEducation(r, today)) };
    },
  );
}
