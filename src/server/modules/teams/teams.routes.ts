import { configurationPolicy } from '../../authz/configuration.policy.ts';
import { abilitiesOf } from '../../authz/policy.ts';
import type { App, Deps } from '../../http/types.ts';
import type { RequestContext } from '../../http/request-context.ts';
import type { TeamListRow } from './teams.repository.ts';
import { createTeamBody, teamIdParams, teamItem, teamListResponse, updateTeamBody } from './teams.schema.ts';
import { createTeam, listOrganisationTeams, updateTeam } from './teams.service.ts';

function presentTeam(ctx: RequestContext, row: TeamListRow) {
  return {
    id: row.id,
    name: row.name,
    municipality: row.municipality_id && row.municipality_name ? { id: row.municipality_id, name: row.municipality_name } : null,
    memberCount: Number(row.member_count ?? 0),
    policies: abilitiesOf(ctx.actor, configurationPolicy, row),
  };
}

/** Teams of the organisation (the administrator manages them; team leads and coaches belong to one). */
export function registerTeamRoutes(app: App, { db }: Deps): void {
  const tags = ['teams'];
  app.get('/api/teams', { config: { access: 'admin:manage' }, schema: { tags, summary: 'Teams', response: { 200: teamListResponse } } }, async (request) => {
    const ctx = request.context();
    return { items: (await listOrganisationTeams(db, ctx)).map((t) => presentTeam(ctx, t)) };
  });
  app.post(
    '/api/teams',
    { config: { access: 'admin:manage' }, schema: { tags, summary: 'Create a team', body: createTeamBody, response: { 201: teamItem } } },
    async (request, reply) => {
      const ctx = request.context();
      return reply.status(201).send(presentTeam(ctx, await createTeam(db, ctx, request.body)));
    },
  );
  app.patch(
    '/api/teams/:id',
    { config: { access: 'admin:manage' }, schema: { tags, summary: 'Change a team', params: teamIdParams, body: updateTeamBody, response: { 200: teamItem } } },
    async (request) => {
      const ctx = request.context();
      return presentTeam(ctx, await updateTeam(db, ctx, request.params.id, request.body));
    },
  );
}
