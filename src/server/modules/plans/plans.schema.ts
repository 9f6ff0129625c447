import { z } from 'zod';
import { GOAL_OWNER_KINDS, GOAL_STATUSES } from '../../../shared/plan-goals.ts';
import { HEALTH_ASPECT_CODES, HEALTH_DIMENSION_CODES, HEALTH_FILLED_BY, HEALTH_SCORE_MAX, HEALTH_SCORE_MIN } from '../../../shared/positive-health.ts';
import { ZRM_DOMAIN_CODES, ZRM_SCORE_MAX, ZRM_SCORE_MIN } from '../../../shared/zrm.ts';
import { isoDate } from '../clients/clients.schema.ts';

/** An object with exactly these keys, each of the same schema (all required). */
function objectOf<K extends string, S extends z.ZodType>(keys: readonly K[], schema: S) {
  return z.object(Object.fromEntries(keys.map((k) => [k, schema])) as Record<K, S>).strict();
}

const userRef = z.object({ id: z.string(), displayName: z.string() });
export const idParams = z.object({ id: z.string().uuid() });

// Positive Health.
const answer = z.object({ score: z.number().int().min(HEALTH_SCORE_MIN).max(HEALTH_SCORE_MAX), talk: z.boolean() }).strict();
const dimensionScores = objectOf(HEALTH_DIMENSION_CODES, z.number());

export const healthMeasureBody = z
  .object({
    measuredOn: isoDate.optional(),
    filledBy: z.enum(HEALTH_FILLED_BY).optional(),
    answers: objectOf(HEALTH_ASPECT_CODES, answer),
    note: z.string().trim().max(2000).nullish(),
  })
  .strict();

export const healthSummary = z.object({
  id: z.string(),
  measuredOn: z.string(),
  filledBy: z.enum(HEALTH_FILLED_BY),
  dimensions: dimensionScores,
  talkCount: z.number().int(),
  note: z.string().nullable(),
  recordedBy: userRef.nullable(),
});
export const healthDetail = healthSummary.extend({ answers: objectOf(HEALTH_ASPECT_CODES, answer) });

export const healthList = z.object({
  items: z.array(healthSummary),
  policies: z.object({ measure: z.boolean(), chooseFilledBy: z.boolean() }),
});

export const comparisonQuery = z.object({ baseline: z.string().uuid().optional() }).strict();
export const healthComparison = z.object({
  latest: healthDetail.nullable(),
  baseline: healthDetail.nullable(),
  /** Latest minus baseline per dimension; null without a baseline. */
  changes: objectOf(HEALTH_DIMENSION_CODES, z.number()).nullable(),
});

// Zelfredzaamheid-Matrix.
const zrmScores = objectOf(ZRM_DOMAIN_CODES, z.number().int().min(ZRM_SCORE_MIN).max(ZRM_SCORE_MAX));
export const zrmBody = z.object({ measuredOn: isoDate, scores: zrmScores, note: z.string().trim().max(2000).nullish() }).strict();
export const zrmItem = z.object({ id: z.string(), measuredOn: z.string(), scores: zrmScores, note: z.string().nullable(), recordedBy: userRef.nullable() });
export const zrmList = z.object({ items: z.array(zrmItem), policies: z.object({ record: z.boolean() }) });

// Goals and actions.
const owner = z
  .object({ kind: z.enum(GOAL_OWNER_KINDS), name: z.string().trim().min(1).max(200).nullish() })
  .strict()
  .refine((o) => (o.kind === 'other') === !!o.name, { message: 'Name the owner exactly when it is someone else', path: ['name'] });
const description = z.string().trim().min(3).max(2000);

export const goalBody = z.object({ dimension: z.enum(HEALTH_DIMENSION_CODES), description, owner, dueOn: isoDate.nullish() }).strict();
export const goalUpdateBody = z
  .object({
    dimension: z.enum(HEALTH_DIMENSION_CODES).optional(),
    description: description.optional(),
    owner: owner.optional(),
    dueOn: isoDate.nullish(),
    status: z.enum(GOAL_STATUSES).optional(),
    progress: z.number().int().min(0).max(100).optional(),
  })
  .strict();
export const actionBody = z.object({ description, owner, dueOn: isoDate.nullish() }).strict();
export const actionUpdateBody = z.object({ description: description.optional(), owner: owner.optional(), dueOn: isoDate.nullish(), done: z.boolean().optional() }).strict();

const ownerOut = z.object({ kind: z.enum(GOAL_OWNER_KINDS), name: z.string().nullable() });
export const actionItem = z.object({ id: z.string(), goalId: z.string(), description: z.string(), owner: ownerOut, dueOn: z.string().nullable(), done: z.boolean(), doneOn: z.string().nullable() });
export const goalItem = z.object({
  id: z.string(),
  dimension: z.enum(HEALTH_DIMENSION_CODES),
  description: z.string(),
  owner: ownerOut,
  dueOn: z.string().nullable(),
  status: z.enum(GOAL_STATUSES),
  progress: z.number().int(),
  version: z.number().int(),
  actions: z.array(actionItem),
});
export const goalList = z.object({ items: z.array(goalItem), policies: z.object({ manage: z.boolean() }) });

export type HealthMeasureInput = z.infer<typeof healthMeasureBody>;
export type ZrmInput = z.infer<typeof zrmBody>;
export type GoalInput = z.infer<typeof goalBody>;
export type GoalUpdateInput = z.infer<typeof goalUpdateBody>;
export type ActionInput = z.infer<typeof actionBody>;
export type ActionUpdateInput = z.infer<typeof actionUpdateBody>;
