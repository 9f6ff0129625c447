import { z } from 'zod';
import { isValidBsn } from '../../../shared/bsn.ts';

export const logEntry = z.object({
  id: z.string(),
  traceId: z.string(),
  spanId: z.string(),
  parentSpanId: z.string().nullable(),
  operation: z.string(),
  startedAt: z.string(),
  endedAt: z.string(),
  status: z.enum(['ok', 'error']),
  activity: z.object({ code: z.string(), name: z.string() }),
  user: z.object({ id: z.string(), displayName: z.string() }).nullable(),
});

export const logResponse = z.object({ items: z.array(logEntry) });

export const logSearchQuery = z.object({
  bsn: z.string().trim().refine(isValidBsn, 'not a valid BSN (nine digits, eleven test)'),
});

export const activitiesResponse = z.object({
  items: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), purpose: z.string(), legalGround: z.string(), retention: z.string() })),
});
