import { z } from 'zod';
import { TASK_KINDS, TASK_STATUSES } from '../../../shared/client-fields.ts';
import { isoDate } from '../clients/clients.schema.ts';

export const taskItem = z.object({
  id: z.string(),
  kind: z.enum(TASK_KINDS),
  title: z.string(),
  dueOn: z.string(),
  status: z.enum(TASK_STATUSES),
  overdue: z.boolean(),
  client: z.object({ id: z.string(), name: z.string() }).nullable(),
  assignee: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  policies: z.object({ complete: z.boolean() }),
});
export const taskList = z.object({ items: z.array(taskItem) });
export const taskQuery = z.object({
  status: z.enum(TASK_STATUSES).default('open'),
  scope: z.enum(['mine', 'team']).default('mine'),
  clientId: z.string().uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export const createTaskBody = z
  .object({ title: z.string().trim().min(3).max(200), dueOn: isoDate, clientId: z.string().uuid().nullish(), assigneeId: z.string().uuid().nullish() })
  .strict();
export const taskIdParams = z.object({ id: z.string().uuid() });
