import { z } from 'zod';
import { configurationPolicy } from '../../authz/configuration.policy.ts';
import { abilitiesOf } from '../../authz/policy.ts';
import type { MunicipalityRow } from '../../db/schema.ts';
import type { RequestContext } from '../../http/request-context.ts';
import type { App, Deps } from '../../http/types.ts';
import { municipalityBody, municipalityIdParams, municipalityItem, municipalityListResponse, updateMunicipalityBody } from './municipalities.schema.ts';
import { createMunicipality, listServedMunicipalities, updateMunicipality } from './municipalities.service.ts';

function presentMunicipality(ctx: RequestContext, row: MunicipalityRow) {
  return {
    id: row.id,
    name: row.name,
    cbsCode: row.cbs_code,
    inhabitants: row.inhabitants,
    policies: abilitiesOf(ctx.actor, configurationPolicy, row),
  };
}

/** The municipalities the organisation serves. */
export function registerMunicipalityRoutes(app: App, { db }: Deps): void {
  const tags = ['municipalities'];
  app.get(
    '/api/municipalities',
    { config: { access: 'admin:manage' }, schema: { tags, summary: 'Municipalities served', response: { 200: municipalityListResponse } } },
    async (request) => {
      const ctx = request.context();
      return { items: (await listServedMunicipalities(db, ctx)).map((m) => presentMunicipality(ctx, m)) };
    },
  );
  app.get(
    '/api/municipalities/served',
    {
      config: { access: 'municipalities:read' },
      schema: { tags, summary: 'The municipalities served (names only, for forms and filters)', response: { 200: z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) }) } },
    },
    async (request) => ({ items: (await listServedMunicipalities(db, request.context())).map((m) => ({ id: m.id, name: m.name })) }),
  );
  app.post(
    '/api/municipalities',
    { config: { access: 'admin:manage' }, schema: { tags, summary: 'Add a municipality', body: municipalityBody, response: { 201: municipalityItem } } },
    async (request, reply) => {
      const ctx = request.context();
      return reply.status(201).send(presentMunicipality(ctx, await createMunicipality(db, ctx, request.body)));
    },
  );
  app.patch(
    '/api/municipalities/:id',
    {
      config: { access: 'admin:manage' },
      schema: { tags, summary: 'Change a municipality', params: municipalityIdParams, body: updateMunicipalityBody, response: { 200: municipalityItem } },
    },
    async (request) => {
      const ctx = request.context();
      return presentMunicipality(ctx, await updateMunicipality(db, ctx, request.params.id, request.body));
    },
  );
}
