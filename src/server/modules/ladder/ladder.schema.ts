import { z } from 'zod';
import { LADDER_OCCASIONS } from '../../../shared/ladder.ts';
import { isoDate } from '../clients/clients.schema.ts';

const step = z.number().int().min(1).max(6);

export const ladderAnswers = z
  .object({
    paidWork: z.boolean(),
    paidWorkWithSupport: z.boolean().optional(),
    unpaidWorkWithResponsibility: z.boolean().optional(),
    organisedActivityWeekly: z.boolean().optional(),
    socialContactWeekly: z.boolean().optional(),
  })
  .strict();

export const measureBody = z
  .object({
    measuredOn: isoDate,
    occasion: z.enum(LADDER_OCCASIONS),
    answers: ladderAnswers,
    growthPotential: step,
    note: z.string().trim().max(2000).nullish(),
  })
  .strict();

export const measurementItem = z.object({
  id: z.string(),
  measuredOn: z.string(),
  step,
  growthPotential: step,
  occasion: z.enum(LADDER_OCCASIONS),
  answers: z.record(z.string(), z.boolean()),
  note: z.string().nullable(),
  measuredBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
});

export const measurementList = z.object({ items: z.array(measurementItem) });
