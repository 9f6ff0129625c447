import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Actor } from '../authz/actor.ts';
import { hasPermission, type RouteAccess } from '../authz/permissions.ts';
import type { Config } from '../config.ts';
import type { DB } from '../db/schema.ts';
import { csrfFailed, unauthenticated } from '../modules/auth/auth.errors.ts';
import { resolveSession } from '../modules/auth/auth.service.ts';
import { forbidden } from './errors.ts';
import type { RequestContext } from './request-context.ts';
import { traceContextFrom, traceparentHeader, type TraceContext } from './trace-context.ts';

export const SESSION_COOKIE = 'meedoen_session';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every route declares who may call it; a test fails for a route without one. */
    access?: RouteAccess;
  }
  interface FastifyRequest {
    trace: TraceContext;
    session: { id: string; csrfToken: string } | null;
    actor: Actor | null;
    /** The request context for a service; throws 401 when nobody is logged in. */
    context(): RequestContext;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function tokensEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Authentication, CSRF and coarse access for every route: resolves the session cookie to an
 * Actor, refuses cross-site state changes, and enforces the route's declared access.
 */
export function registerSessionHandling(app: FastifyInstance, db: Kysely<DB>, config: Config): void {
  app.decorateRequest('trace', null as unknown as TraceContext);
  app.decorateRequest('session', null);
  app.decorateRequest('actor', null);
  app.decorateRequest('context', function (this: FastifyRequest): RequestContext {
    if (!this.actor) throw unauthenticated();
    return { actor: this.actor, trace: this.trace };
  });

  app.addHook('onRequest', async (request, reply) => {
    const header = request.headers.traceparent;
    request.trace = traceContextFrom(Array.isArray(header) ? header[0] : header);
    reply.header('traceparent', traceparentHeader(request.trace));
  });

  // onRequest, so an anonymous caller learns nothing from validation (authenticate, then validate).
  app.addHook('onRequest', async (request) => {
    if (request.is404) return;
    const access = request.routeOptions.config.access;
    if (!access) throw forbidden('Route has no access policy');
    if (access === 'public') return;

    const token = request.cookies[SESSION_COOKIE];
    const resolved = token ? await resolveSession(db, config, token) : undefined;
    if (!resolved) throw unauthenticated();
    request.actor = resolved.actor;
    request.session = { id: resolved.sessionId, csrfToken: resolved.csrfToken };

    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !tokensEqual(sent, resolved.csrfToken)) throw csrfFailed();
    }
    if (access !== 'authenticated' && !hasPermission(resolved.actor.role, access)) throw forbidden();
  });

  // Cross-site form posts are refused before anything else, also for public routes such as login.
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    const origin = request.headers.origin;
    if (origin && origin !== 'null') {
      const host = request.headers.host;
      let originHost: string;
      try {
        originHost = new URL(origin).host;
      } catch {
        throw csrfFailed();
      }
      if (originHost !== host) throw csrfFailed();
    } else if (origin === 'null') {
      throw csrfFailed();
    }
  });
}
