import type { App, Deps } from '../../http/types.ts';
import { SESSION_COOKIE } from '../../http/session-plugin.ts';
import { findUserProfile } from './auth.repository.ts';
import { presentMe } from './auth.presenter.ts';
import { loginBody, meResponse } from './auth.schema.ts';
import { logIn, logOut } from './auth.service.ts';

/** Log in, log out, who am I. */
export function registerAuthRoutes(app: App, { db, config }: Deps): void {
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: config.cookieSecure,
    maxAge: config.session.absoluteHours * 3600,
  };

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public', rateLimit: { max: config.login.ratePerMinute, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], summary: 'Log in with e-mail and password', body: loginBody, response: { 200: meResponse } },
    },
    async (request, reply) => {
      const { token, csrfToken, userId } = await logIn(db, config, request.body.email, request.body.password);
      reply.setCookie(SESSION_COOKIE, token, cookieOptions);
      return presentMe(await findUserProfile(db, userId), csrfToken);
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { access: 'authenticated' }, schema: { tags: ['auth'], summary: 'End the current session' } },
    async (request, reply) => {
      await logOut(db, request.session!.id);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/auth/me',
    { config: { access: 'authenticated' }, schema: { tags: ['auth'], summary: 'The logged-in user and their permissions', response: { 200: meResponse } } },
    async (request) => presentMe(await findUserProfile(db, request.actor!.userId), request.session!.csrfToken),
  );
}
