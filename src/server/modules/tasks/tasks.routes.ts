import { z } from 'zod';
import { todayIso } from '../../../shared/dates.ts';
import type { Actor } from '../../authz/actor.ts';
import { abilitiesOf } from '../../authz/policy.ts';
import type { App, Deps } from '../../http/types.ts';
import { taskPolicy } from './tasks.policy.ts';
import type { TaskRow } from './tasks.repository.ts';
import { createTaskBody, taskIdParams, taskItem, taskList, taskQuery } from './tasks.schema.ts';
import { completeTask, createTask, generateRuleTasks, listTasksFor } from './tasks.service.ts';

function presentTask(actor: Actor, row: TaskRow, today = todayIso()) {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    dueOn: row.due_on,
    status: row.status,
    overdue: row.status === 'open' && row.due_on < today,
    client: row.client_id && row.client_last_name ? { id: row.client_id, name: `${row.client_first_name} ${row.client_last_name}` } : null,
    assignee: row.assignee_id && row.assignee_name ? { id: row.assignee_id, displayName: row.assignee_name } : null,
    policies: abilitiesOf(actor, taskPolicy, row),
  };
}

/** Tasks: the caller's, the team's, a client's; by hand or made by the rules. */
export function registerTaskRoutes(app: App, { db }: Deps): void {
  const tags = ['tasks'];
  app.get('/api/tasks', { config: { access: 'tasks:read' }, schema: { tags, summary: 'Tasks', querystring: taskQuery, response: { 200: taskList } } }, async (request) => {
    const ctx = request.context();
    const rows = await listTasksFor(db, ctx, request.query);
    return { items: rows.map((r) => presentTask(ctx.actor, r)) };
  });
  app.post('/api/tasks', { config: { access: 'tasks:read' }, schema: { tags, summary: 'Create a task', body: createTaskBody, response: { 201: taskItem } } }, async (request, reply) => {
    const ctx = request.context();
    return reply.status(201).send(presentTask(ctx.actor, await createTask(db, ctx, request.body)));
  });
  app.post(
    '/api/tasks/:id/complete',
    { config: { access: 'tasks:read' }, schema: { tags, summary: 'Mark a task done', params: taskIdParams, response: { 200: taskItem } } },
    async (request) => {
      const ctx = request.context();
      return presentTask(ctx.actor, await completeTask(db, ctx, request.params.id));
    },
  );
  app.post(
    '/api/tasks/generate',
    { config: { access: 'tasks:generate' }, schema: { tags, summary: 'Run the task rules now (they also run every hour)', response: { 200: z.object({ created: z.number().int() }) } } },
    async (request) => ({ created: await generateRuleTasks(db, request.context().actor.organisationId) }),
  );
}
