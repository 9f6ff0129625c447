import type { App, Deps } from '../../http/types.ts';
import { clientIdParams, ifMatchHeaders } from '../clients/clients.schema.ts';
import { versionFromIfMatch } from '../clients/clients.service.ts';
import { addAction, addGoal, changeAction, changeGoal, goalsOf, removeAction, removeGoal } from './goals.service.ts';
import { presentAction, presentGoal } from './plans.presenter.ts';
import { actionBody, actionItem, actionUpdateBody, goalBody, goalItem, goalList, goalUpdateBody, idParams } from './plans.schema.ts';

/** Goals per Positive Health dimension and their actions. */
export function registerGoalRoutes(app: App, { db }: Deps): void {
  const tags = ['personal plan'];
  app.get(
    '/api/clients/:id/goals',
    { config: { access: 'plans:read' }, schema: { tags, summary: 'Goals with their actions', params: clientIdParams, response: { 200: goalList } } },
    async (request) => {
      const { goals, actions, policies } = await goalsOf(db, request.context(), request.params.id);
      return { items: goals.map((g) => presentGoal(g, actions)), policies };
    },
  );
  app.post(
    '/api/clients/:id/goals',
    { config: { access: 'plans:manage' }, schema: { tags, summary: 'Set a goal under a dimension', params: clientIdParams, body: goalBody, response: { 201: goalItem } } },
    async (request, reply) => {
      const { goal, actions } = await addGoal(db, request.context(), request.params.id, request.body);
      return reply.status(201).header('etag', `"${goal.version}"`).send(presentGoal(goal, actions));
    },
  );
  app.patch(
    '/api/goals/:id',
    { config: { access: 'plans:manage' }, schema: { tags, summary: 'Change a goal, its status or progress (If-Match)', params: idParams, headers: ifMatchHeaders, body: goalUpdateBody, response: { 200: goalItem } } },
    async (request, reply) => {
      const { goal, actions } = await changeGoal(db, request.context(), request.params.id, versionFromIfMatch(request.headers['if-match']), request.body);
      return reply.header('etag', `"${goal.version}"`).send(presentGoal(goal, actions));
    },
  );
  app.delete(
    '/api/goals/:id',
    { config: { access: 'plans:manage' }, schema: { tags, summary: 'Remove a goal and its actions', params: idParams } },
    async (request, reply) => {
      await removeGoal(db, request.context(), request.params.id);
      return reply.status(204).send();
    },
  );
  app.post(
    '/api/goals/:id/actions',
    { config: { access: 'plans:manage' }, schema: { tags, summary: 'Add an action to a goal', params: idParams, body: actionBody, response: { 201: actionItem } } },
    async (request, reply) => reply.status(201).send(presentAction(await addAction(db, request.context(), request.params.id, request.body))),
  );
  app.patch(
    '/api/goal-actions/:id',
    { config: { access: 'plans:manage' }, schema: { tags, summary: 'Change an action or tick it off', params: idParams, body: actionUpdateBody, response: { 200: actionItem } } },
    async (request) => presentAction(await changeAction(db, request.context(), request.params.id, request.body)),
  );
  app.delete(
    '/api/goal-actions/:id',
    { config: { access: 'plans:manage' }, schema: { tags, summary: 'Remove an action', params: idParams } },
    async (request, reply) => {
      await removeAction(db, request.context(), request.params.id);
      return reply.status(204).send();
    },
  );
}
