import { z } from 'zod';
import { TEGENPRESTATIE_DECISIONS } from '../../../shared/placements.ts';
import { isoDate } from '../clients/clients.schema.ts';

export const decisionBody = z
  .object({
    decision: z.enum(TEGENPRESTATIE_DECISIONS),
    legalGround: z.string().trim().min(3).max(500),
    startsOn: isoDate.nullish(),
    endsOn: isoDate.nullish(),
    activity: z.string().trim().min(3).max(1000).nullish(),
    hoursPerWeek: z.number().positive().max(40).multipleOf(0.5).nullish(),
    decidedOn: isoDate,
    note: z.string().trim().max(5000).nullish(),
  })
  .strict();
export type DecisionInput = z.infer<typeof decisionBody>;

export const decisionItem = z.object({
  id: z.string(),
  decision: z.enum(TEGENPRESTATIE_DECISIONS),
  legalGround: z.string(),
  period: z.object({ startsOn: z.string(), endsOn: z.string() }).nullable(),
  activity: z.string().nullable(),
  hoursPerWeek: z.number().nullable(),
  decidedOn: z.string(),
  decidedBy: z.string().nullable(),
  note: z.string().nullable(),
});
