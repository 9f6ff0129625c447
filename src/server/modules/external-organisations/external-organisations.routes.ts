import { z } from 'zod';
import type { App, Deps } from '../../http/types.ts';
import { listExternalOrganisations } from './external-organisations.repository.ts';

const listResponse = z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), kind: z.enum(['provider', 'partner']) })) });

/** Providers and network partners, for binding their users. The trajectories issue extends this module. */
export function registerExternalOrganisationRoutes(app: App, { db }: Deps): void {
  app.get(
    '/api/external-organisations',
    { config: { access: 'admin:manage' }, schema: { tags: ['external organisations'], summary: 'Providers and partners', response: { 200: listResponse } } },
    async (request) => {
      const { actor } = request.context();
      const rows = await listExternalOrganisations(db, actor.organisationId);
      return { items: rows };
    },
  );
}

