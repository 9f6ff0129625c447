import type { App, Deps } from '../../http/types.ts';
import { presentUser } from './users.presenter.ts';
import { createUserBody, setPasswordBody, updateUserBody, userIdParams, userItem, userListResponse } from './users.schema.ts';
import { createUser, disableUser, enableUser, listStaffUsers, setUserPassword, updateUser } from './users.service.ts';

/** User administration for the functioneel beheerder. */
export function registerUserRoutes(app: App, { db }: Deps): void {
  const tags = ['users'];
  app.get('/api/users', { config: { access: 'admin:manage' }, schema: { tags, summary: 'Staff users', response: { 200: userListResponse } } }, async (request) => {
    const ctx = request.context();
    return { items: (await listStaffUsers(db, ctx)).map((u) => presentUser(ctx.actor, u)) };
  });

  app.post(
    '/api/users',
    { config: { access: 'admin:manage' }, schema: { tags, summary: 'Create a user', body: createUserBody, response: { 201: userItem } } },
    async (request, reply) => {
      const ctx = request.context();
      return reply.status(201).send(presentUser(ctx.actor, await createUser(db, ctx, request.body)));
    },
  );

  app.patch(
    '/api/users/:id',
    { config: { access: 'admin:manage' }, schema: { tags, summary: 'Change a user', params: userIdParams, body: updateUserBody, response: { 200: userItem } } },
    async (request) => {
      const ctx = request.context();
      return presentUser(ctx.actor, await updateUser(db, ctx, request.params.id, request.body));
    },
  );

  app.post(
    '/api/users/:id/disable',
    { config: { access: 'admin:manage' }, schema: { tags, summary: 'Disable a user and end their sessions', params: userIdParams, response: { 200: userItem } } },
    async (request) => {
      const ctx = request.context();
      return presentUser(ctx.actor, await disableUser(db, ctx, request.params.id));
    },
  );

  app.post(
    '/api/users/:id/enable',
    { config: { access: 'admin:manage' }, schema: { tags, summary: 'Enable a user again', params: userIdParams, response: { 200: userItem } } },
    async (request) => {
      const ctx = request.context();
      return presentUser(ctx.actor, await enableUser(db, ctx, request.params.id));
    },
  );

  app.post(
    '/api/users/:id/password',
    { config: { access: 'admin:manage' }, schema: { tags, summary: "Set a user's password", params: userIdParams, body: setPasswordBody } },
    async (request, reply) => {
      await setUserPassword(db, request.context(), request.params.id, request.body.password);
      return reply.status(204).send();
    },
  );
}
