import { z } from 'zod';
import { PLACEMENT_KINDS, PLACEMENT_OUTCOMES, PLACEMENT_PHASES } from '../../../shared/placements.ts';
import { isoDate } from '../clients/clients.schema.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const wageSubsidy = z
  .object({ percentage: z.number().int().min(1).max(100).nullish(), amountCents: z.number().int().min(0).max(10_000_000).nullish() })
  .strict()
  .refine((w) => w.percentage != null || w.amountCents != null, 'Give a percentage or an amount');
const jobCoach = z.object({ organisation: text(200) }).strict();

/** The fields a placement can change while it runs. */
const changeable = {
  employerId: z.string().uuid().nullish(),
  activity: text(500).nullish(),
  plannedEndOn: isoDate.nullish(),
  hoursPerWeek: z.number().positive().max(60).multipleOf(0.5).nullish(),
  wageSubsidy: wageSubsidy.nullish(),
  jobCoach: jobCoach.nullish(),
  /** Afspraakbaan: the trial period runs from the start to this date, then the contract follows. */
  trialEndsOn: isoDate.nullish(),
  note: z.string().trim().max(5000).nullish(),
};

export const createPlacementBody = z.object({ kind: z.enum(PLACEMENT_KINDS), startsOn: isoDate, ...changeable }).strict();
export type CreatePlacementInput = z.infer<typeof createPlacementBody>;

export const updatePlacementBody = z.object(changeable).strict();
export type UpdatePlacementInput = z.infer<typeof updatePlacementBody>;

export const startContractBody = z.object({ contractStartsOn: isoDate, plannedEndOn: isoDate.nullish(), hoursPerWeek: changeable.hoursPerWeek }).strict();
export type StartContractInput = z.infer<typeof startContractBody>;

export const endPlacementBody = z.object({ endedOn: isoDate, outcome: z.enum(PLACEMENT_OUTCOMES), outcomeReason: text(1000).nullish() }).strict();
export type EndPlacementInput = z.infer<typeof endPlacementBody>;

export const placementItem = z.object({
  id: z.string(),
  kind: z.enum(PLACEMENT_KINDS),
  status: z.enum(['gepland', 'lopend', 'beeindigd']),
  employer: z.object({ id: z.string(), name: z.string() }).nullable(),
  activity: z.string().nullable(),
  startsOn: z.string(),
  plannedEndOn: z.string().nullable(),
  hoursPerWeek: z.number().nullable(),
  wageSubsidy: z.object({ percentage: z.number().nullable(), amountCents: z.number().nullable() }).nullable(),
  jobCoach: z.object({ organisation: z.string().nullable() }).nullable(),
  afspraakbaan: z.object({ phase: z.enum(PLACEMENT_PHASES), trialStartsOn: z.string().nullable(), trialEndsOn: z.string().nullable(), contractStartsOn: z.string().nullable() }).nullable(),
  endedOn: z.string().nullable(),
  outcome: z.enum(PLACEMENT_OUTCOMES).nullable(),
  outcomeReason: z.string().nullable(),
  note: z.string().nullable(),
  impliedLadderStep: z.number().int(),
  version: z.number().int(),
  policies: z.object({ update: z.boolean(), end: z.boolean(), startContract: z.boolean() }),
});

/** What the ladder prompt did when a placement started or ended. */
export const ladderPrompt = z.object({ impliedStep: z.number().int().nullable(), currentStep: z.number().int().nullable(), taskCreated: z.boolean() });

export const workProfileBody = z
  .object({
    doelgroepregister: z.boolean(),
    doelgroepregisterOn: isoDate.nullish(),
    wswHistory: z.boolean(),
    wswEndedOn: isoDate.nullish(),
  })
  .strict();
export type WorkProfileInput = z.infer<typeof workProfileBody>;

export const workProfileItem = z.object({
  doelgroepregister: z.boolean(),
  doelgroepregisterOn: z.string().nullable(),
  wswHistory: z.boolean(),
  wswEndedOn: z.string().nullable(),
  version: z.number().int(),
  policies: z.object({ update: z.boolean() }),
});
