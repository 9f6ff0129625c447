import { z } from 'zod';
import type { App, Deps } from '../../http/types.ts';
import { ifMatchHeaders } from '../clients/clients.schema.ts';
import { versionFromIfMatch } from '../clients/clients.service.ts';
import { presentEmployer } from './employers.presenter.ts';
import { employerBody, employerItem, employerListQuery, employerPatchBody } from './employers.schema.ts';
import { createEmployer, employersOf, getEmployer, updateEmployer } from './employers.service.ts';

const idParams = z.object({ id: z.string().uuid() });

/** Employers and host organisations: a list for coaches and administrators, who also add and change them. */
export function registerEmployerRoutes(app: App, { db }: Deps): void {
  const tags = ['employers'];
  app.get(
    '/api/employers',
    {
      config: { access: 'employers:read' },
      schema: { tags, summary: 'Employers, by name or KvK number', querystring: employerListQuery, response: { 200: z.object({ items: z.array(employerItem), total: z.number().int() }) } },
    },
    async (request) => {
      const ctx = request.context();
      const { rows, total } = await employersOf(db, ctx, request.query);
      return { items: rows.map((r) => presentEmployer(ctx.actor, r)), total };
    },
  );
  app.get(
    '/api/employers/:id',
    { config: { access: 'employers:read' }, schema: { tags, summary: 'One employer (with ETag)', params: idParams, response: { 200: employerItem } } },
    async (request, reply) => {
      const ctx = request.context();
      const row = await getEmployer(db, ctx, request.params.id);
      return reply.header('etag', `"${row.version}"`).send(presentEmployer(ctx.actor, row));
    },
  );
  app.post(
    '/api/employers',
    { config: { access: 'employers:manage' }, schema: { tags, summary: 'Add an employer', body: employerBody, response: { 201: employerItem } } },
    async (request, reply) => {
      const ctx = request.context();
      const row = await createEmployer(db, ctx, request.body);
      return reply.status(201).header('etag', `"${row.version}"`).send(presentEmployer(ctx.actor, row));
    },
  );
  app.patch(
    '/api/employers/:id',
    {
      config: { access: 'employers:manage' },
      schema: { tags, summary: 'Change or deactivate an employer (If-Match)', params: idParams, headers: ifMatchHeaders, body: employerPatchBody, response: { 200: employerItem } },
    },
    async (request, reply) => {
      const ctx = request.context();
      const row = await updateEmployer(db, ctx, request.params.id, versionFromIfMatch(request.headers['if-match']), request.body);
      return reply.header('etag', `"${row.version}"`).send(presentEmployer(ctx.actor, row));
    },
  );
}
