import type { App, Deps } from '../../http/types.ts';
import { etagOf } from '../clients/clients.presenter.ts';
import { clientIdParams, ifMatchHeaders } from '../clients/clients.schema.ts';
import { versionFromIfMatch } from '../clients/clients.service.ts';
import { presentClientProjects, presentParticipant, presentProject, presentProjectDetail } from './projects.presenter.ts';
import {
  addParticipantBody,
  clientProjects,
  createProjectBody,
  leaveProjectBody,
  participantParams,
  participantResult,
  projectDetail,
  projectIdParams,
  projectItem,
  projectList,
  projectListQuery,
  updateProjectBody,
} from './projects.schema.ts';
import { addParticipant, createProject, getProject, leaveProject, listProjectsOf, projectsOfClient, updateProject } from './projects.service.ts';

/** Time-bound projects with their participants and counts per project and per year. */
export function registerProjectRoutes(app: App, { db }: Deps): void {
  const tags = ['projects'];
  app.get(
    '/api/projects',
    { config: { access: 'projects:read' }, schema: { tags, summary: 'Projects with counts per year (small counts suppressed for policy officers)', querystring: projectListQuery, response: { 200: projectList } } },
    async (request) => {
      const ctx = request.context();
      return { items: (await listProjectsOf(db, ctx, request.query.year)).map((p) => presentProject(ctx.actor, p)) };
    },
  );
  app.post(
    '/api/projects',
    { config: { access: 'projects:manage' }, schema: { tags, summary: 'Start a project', body: createProjectBody, response: { 201: projectItem } } },
    async (request, reply) => {
      const ctx = request.context();
      const created = await createProject(db, ctx, request.body);
      return reply.status(201).header('etag', etagOf(created.project.version)).send(presentProject(ctx.actor, created));
    },
  );
  app.patch(
    '/api/projects/:id',
    { config: { access: 'projects:manage' }, schema: { tags, summary: 'Change a project (If-Match)', params: projectIdParams, headers: ifMatchHeaders, body: updateProjectBody, response: { 200: projectItem } } },
    async (request, reply) => {
      const ctx = request.context();
      const updated = await updateProject(db, ctx, request.params.id, versionFromIfMatch(request.headers['if-match']), request.body);
      return reply.header('etag', etagOf(updated.project.version)).send(presentProject(ctx.actor, updated));
    },
  );
  app.get(
    '/api/projects/:id',
    { config: { access: 'projects:read' }, schema: { tags, summary: 'A project with its participants (names only within your scope)', params: projectIdParams, response: { 200: projectDetail } } },
    async (request) => {
      const ctx = request.context();
      return presentProjectDetail(ctx.actor, await getProject(db, ctx, request.params.id));
    },
  );
  app.post(
    '/api/projects/:id/participants',
    { config: { access: 'projects:participate' }, schema: { tags, summary: 'A client joins a project', params: projectIdParams, body: addParticipantBody, response: { 201: participantResult } } },
    async (request, reply) => {
      const { client, participation } = await addParticipant(db, request.context(), request.params.id, request.body);
      return reply.status(201).send(presentParticipant(participation, client));
    },
  );
  app.post(
    '/api/projects/:id/participants/:clientId/leave',
    { config: { access: 'projects:participate' }, schema: { tags, summary: "A client's participation ends", params: participantParams, body: leaveProjectBody, response: { 200: participantResult } } },
    async (request) => {
      const { client, participation } = await leaveProject(db, request.context(), request.params.id, request.params.clientId, request.body.leftOn);
      return presentParticipant(participation, client);
    },
  );
  app.get(
    '/api/clients/:id/projects',
    { config: { access: 'clients:read' }, schema: { tags, summary: 'The projects a client takes or took part in', params: clientIdParams, response: { 200: clientProjects } } },
    async (request) => presentClientProjects(await projectsOfClient(db, request.context(), request.params.id)),
  );
}
