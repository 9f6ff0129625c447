import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Config } from './config.ts';
import type { DB } from './db/schema.ts';
import { loggerOptions } from './http/logger.ts';
import { answerFrameworkError, registerProblemHandlers, sendProblem } from './http/problem.ts';
import { createResponseSerializerCompiler } from './http/response-serializer.ts';
import { meedoenHelmetOptions, registerSecurityHeaders, securityHeaders } from './http/security-headers.ts';
import { registerSessionHandling } from './http/session-plugin.ts';
import type { App, Deps } from './http/types.ts';
import { registerAuthRoutes } from './modules/auth/auth.routes.ts';
import { registerCaseloadRoutes } from './modules/caseload/caseload.routes.ts';
import { registerClientRoutes } from './modules/clients/clients.routes.ts';
import { registerContactRoutes } from './modules/contacts/contacts.routes.ts';
import { registerContractRoutes } from './modules/contracts/contracts.routes.ts';
import { registerLadderRoutes } from './modules/ladder/ladder.routes.ts';
import { registerSignalRoutes } from './modules/signals/signals.routes.ts';
import { registerTaskRoutes } from './modules/tasks/tasks.routes.ts';
import { registerTimelineRoutes } from './modules/timeline/timeline.routes.ts';
import { registerExternalOrganisationRoutes } from './modules/external-organisations/external-organisations.routes.ts';
import { registerGroupModuleRoutes } from './modules/group-modules/group-modules.routes.ts';
import { registerProjectRoutes } from './modules/projects/projects.routes.ts';
import { registerMunicipalityRoutes } from './modules/municipalities/municipalities.routes.ts';
import { registerProcessingLogRoutes } from './modules/processing-log/processing-log.routes.ts';
import { registerReferralRoutes } from './modules/referrals/referrals.routes.ts';
import { registerWorkRoutes } from './modules/placements/work-routes.ts';
import { registerStartRoutes } from './modules/start/start.routes.ts';
import { registerTeamRoutes } from './modules/teams/teams.routes.ts';
import { registerUserRoutes } from './modules/users/users.routes.ts';
import { registerGoalRoutes } from './modules/plans/goals.routes.ts';
import { registerPlanRoutes } from './modules/plans/plans.routes.ts';
import { registerAppointmentRoutes } from './modules/appointments/appointments.routes.ts';
import { registerClientPortalRoutes } from './modules/client-portal/client-portal.routes.ts';
import { registerPrivacyRoutes } from './modules/privacy/privacy.routes.ts';
import { registerAgreementRoutes } from './modules/agreements/agreements.routes.ts';
import { registerKpiRoutes } from './modules/kpi/kpi.routes.ts';
import { registerReportRoutes } from './modules/reports/reports.routes.ts';

type RouteEntry = { method: string; url: string; route: { config?: { access?: unknown } } };

declare module 'fastify' {
  interface FastifyInstance {
    /** Every registered route; read its `route.config.access` after ready(). */
    routeTable: RouteEntry[];
  }
}

export type BuildAppOptions = {
  db: Kysely<DB>;
  config: Config;
  webRoot?: string;
  logger?: boolean;
  /** Where log lines go (stdout by default); tests read them to prove nothing personal leaks. */
  logStream?: NodeJS.WritableStream;
};

/** Builds the Fastify app: plumbing, every module's routes, the API docs and the web UI. */
export async function buildApp(options: BuildAppOptions): Promise<App> {
  const { db, config } = options;
  // Worked out once: set on every reply by a hook, and by the answer to a refusal before routing (which runs no hook).
  const headers = securityHeaders(meedoenHelmetOptions(config.env === 'production'));
  const app = Fastify({
    logger: options.logger === false ? false : { ...loggerOptions(config.logLevel), ...(options.logStream ? { stream: options.logStream } : {}) },
    trustProxy: config.env === 'production',
    bodyLimit: 1_048_576,
    frameworkErrors: answerFrameworkError(headers),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  // Responses are written by a serializer compiled from each route's zod schema; the test suite
  // also runs every response through zod and fails on any difference (see response-serializer.ts).
  app.setSerializerCompiler(createResponseSerializerCompiler({ verify: config.env === 'test' }));

  // Every route with its declared access, so a test can prove none was forgotten.
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routeTable.push({ method, url: route.url, route });
  });

  registerProblemHandlers(app);
  registerSecurityHeaders(app, headers);
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Meedoen API', version: '0.1.0', description: 'Case management and monitoring for the Participatiewet' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'meedoen_session' } } },
    },
    transform: jsonSchemaTransform,
    hideUntagged: false,
  });
  app.addHook('onRoute', (route) => {
    // The API reference page and its assets are public documentation.
    if (route.url.startsWith('/api/docs')) route.config = { ...(route.config ?? {}), access: 'public' };
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { docExpansion: 'list', deepLinking: false },
  });

  registerSessionHandling(app, db, config);

  const deps: Deps = { db, config };
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
  app.get('/api/health', { config: { access: 'public' }, schema: { hide: true } }, async () => ({ status: 'ok' }));
  await app.register(async (scope) => {
    const api = scope as unknown as App;
    registerAuthRoutes(api, deps);
    registerStartRoutes(api, deps);
    registerClientRoutes(api, deps);
    registerLadderRoutes(api, deps);
    registerContactRoutes(api, deps);
    registerSignalRoutes(api, deps);
    registerTaskRoutes(api, deps);
    registerTimelineRoutes(api, deps);
    registerCaseloadRoutes(api, deps);
    registerProcessingLogRoutes(api, deps);
    registerUserRoutes(api, deps);
    registerTeamRoutes(api, deps);
    registerMunicipalityRoutes(api, deps);
    registerExternalOrganisationRoutes(api, deps);
    registerPlanRoutes(api, deps);
    registerGoalRoutes(api, deps);
    registerWorkRoutes(api, deps);
    registerContractRoutes(api, deps);
    registerReferralRoutes(api, deps);
    registerAppointmentRoutes(api, deps);
    registerClientPortalRoutes(api, deps);
    registerPrivacyRoutes(api, deps);
    registerGroupModuleRoutes(api, deps);
    registerProjectRoutes(api, deps);
    registerAgreementRoutes(api, deps);
    registerKpiRoutes(api, deps);
    registerReportRoutes(api, deps);
  });

  registerWebUi(app, options.webRoot ?? resolve('dist/web'));
  return app;
}

/** Serves the built React app, with every non-API path falling back to index.html. */
function registerWebUi(app: App, webRoot: string): void {
  const hasWebUi = existsSync(resolve(webRoot, 'index.html'));
  if (hasWebUi) {
    app.addHook('onRoute', (route) => {
      if (!route.config?.access && !route.url.startsWith('/api')) route.config = { ...(route.config ?? {}), access: 'public' };
    });
    void app.register(fastifyStatic, { root: webRoot, wildcard: false, index: 'index.html' });
  } else {
    app.get('/', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/plain').send('Meedoen API is running. Build the web UI with `npm run build`.'),
    );
  }
  app.setNotFoundHandler((request, reply) => {
    if (hasWebUi && request.method === 'GET' && !request.url.startsWith('/api/') && request.url !== '/api') {
      return reply.type('text/html').sendFile('index.html');
    }
    return sendProblem(reply, request, { title: 'Not found', status: 404, detail: `No route for ${request.method} ${request.url}`, code: 'not_found' });
  });
}
