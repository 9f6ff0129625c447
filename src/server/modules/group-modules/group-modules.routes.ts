import type { App, Deps } from '../../http/types.ts';
import { ifMatchHeaders } from '../clients/clients.schema.ts';
import { versionFromIfMatch } from '../clients/clients.service.ts';
import { registerEnrolmentRoutes } from './enrolments.routes.ts';
import { presentCohortOverview, presentCohortSummary, presentModule, presentSession } from './group-modules.presenter.ts';
import {
  addSessionBody,
  cohortList,
  cohortOverview,
  cohortSummary,
  createModuleBody,
  idParams,
  moduleItem,
  moduleList,
  planCohortBody,
  sessionItem,
  updateCohortBody,
  updateModuleBody,
} from './group-modules.schema.ts';
import { addSession, cohortsOfModule, createModule, getCohortOverview, listModulesOf, planCohort, updateCohort, updateModule } from './group-modules.service.ts';

const etag = (version: number) => `"${version}"`;

/** Group modules and their cohorts and sessions; enrolments, the waiting list and attendance in enrolments.routes.ts. */
export function registerGroupModuleRoutes(app: App, deps: Deps): void {
  const { db } = deps;
  const tags = ['group modules'];
  app.get(
    '/api/modules',
    { config: { access: 'modules:read' }, schema: { tags, summary: 'Group modules on offer (a provider coach: their own)', response: { 200: moduleList } } },
    async (request) => {
      const ctx = request.context();
      return { items: (await listModulesOf(db, ctx)).map((row) => presentModule(ctx.actor, row)) };
    },
  );
  app.post(
    '/api/modules',
    { config: { access: 'modules:manage' }, schema: { tags, summary: 'Add a module of the service or of a provider', body: createModuleBody, response: { 201: moduleItem } } },
    async (request, reply) => {
      const ctx = request.context();
      const module = await createModule(db, ctx, request.body);
      return reply.status(201).header('etag', etag(module.version)).send(presentModule(ctx.actor, module));
    },
  );
  app.patch(
    '/api/modules/:id',
    { config: { access: 'modules:manage' }, schema: { tags, summary: 'Rename, describe or (de)activate a module (If-Match)', params: idParams, headers: ifMatchHeaders, body: updateModuleBody, response: { 200: moduleItem } } },
    async (request, reply) => {
      const ctx = request.context();
      const module = await updateModule(db, ctx, request.params.id, versionFromIfMatch(request.headers['if-match']), request.body);
      return reply.header('etag', etag(module.version)).send(presentModule(ctx.actor, module));
    },
  );
  app.get(
    '/api/modules/:id/cohorts',
    { config: { access: 'modules:read' }, schema: { tags, summary: "A module's cohorts with their seats", params: idParams, response: { 200: cohortList } } },
    async (request) => {
      const ctx = request.context();
      return { items: (await cohortsOfModule(db, ctx, request.params.id)).map((row) => presentCohortSummary(ctx.actor, row)) };
    },
  );
  app.post(
    '/api/modules/:id/cohorts',
    { config: { access: 'cohorts:manage' }, schema: { tags, summary: 'Plan a cohort', params: idParams, body: planCohortBody, response: { 201: cohortSummary } } },
    async (request, reply) => {
      const ctx = request.context();
      const cohort = await planCohort(db, ctx, request.params.id, request.body);
      return reply.status(201).header('etag', etag(cohort.version)).send(presentCohortSummary(ctx.actor, cohort));
    },
  );
  app.get(
    '/api/cohorts/:id',
    { config: { access: 'modules:read' }, schema: { tags, summary: 'A cohort with sessions, participants, waiting list and candidates (ETag)', params: idParams, response: { 200: cohortOverview } } },
    async (request, reply) => {
      const ctx = request.context();
      const overview = await getCohortOverview(db, ctx, request.params.id);
      return reply.header('etag', etag(overview.cohort.version)).send(presentCohortOverview(ctx.actor, overview));
    },
  );
  app.patch(
    '/api/cohorts/:id',
    {
      config: { access: 'cohorts:manage' },
      schema: { tags, summary: 'Change a cohort (If-Match); raising the capacity places waiting clients', params: idParams, headers: ifMatchHeaders, body: updateCohortBody, response: { 200: cohortSummary } },
    },
    async (request, reply) => {
      const ctx = request.context();
      const cohort = await updateCohort(db, ctx, request.params.id, versionFromIfMatch(request.headers['if-match']), request.body);
      return reply.header('etag', etag(cohort.version)).send(presentCohortSummary(ctx.actor, cohort));
    },
  );
  app.post(
    '/api/cohorts/:id/sessions',
    { config: { access: 'cohorts:manage' }, schema: { tags, summary: 'Add a session to a cohort', params: idParams, body: addSessionBody, response: { 201: sessionItem } } },
    async (request, reply) => reply.status(201).send(presentSession(await addSession(db, request.context(), request.params.id, request.body))),
  );
  registerEnrolmentRoutes(app, deps);
}
