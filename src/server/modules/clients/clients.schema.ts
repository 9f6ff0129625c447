import { z } from 'zod';

const named = z.object({ id: z.string(), name: z.string() });

export const clientListItem = z.object({
  id: z.string(),
  clientNumber: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: z.string(),
  municipality: named,
  coach: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  team: named.nullable(),
  policies: z.object({ read: z.boolean(), update: z.boolean(), readProcessingLog: z.boolean() }),
});
export type ClientListItem = z.infer<typeof clientListItem>;

export const clientDetail = clientListItem.extend({ bsn: z.string() });

export const clientListQuery = z.object({
  q: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const clientListResponse = z.object({ items: z.array(clientListItem), total: z.number().int() });

export const clientIdParams = z.object({ id: z.string().uuid() });
