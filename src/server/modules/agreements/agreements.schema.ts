import { z } from 'zod';
import { KPI_KEYS, KPI_UNITS, kpiFigureSchema } from '../../../shared/kpi.ts';

const year = z.coerce.number().int().min(2015).max(2100);
const named = z.object({ id: z.string(), name: z.string() });

export const COMPARISONS = ['at_least', 'at_most'] as const;

export const agreementListQuery = z.object({ municipalityId: z.string().uuid().optional(), year: year.optional() });
export type AgreementFilter = z.infer<typeof agreementListQuery>;

export const evaluationQuery = z.object({ municipalityId: z.string().uuid(), year });

/** What an administrator enters; the KPI's measure and the target's range are checked by the service. */
const agreementFields = {
  municipalityId: z.string().uuid(),
  year: z.number().int().min(2015).max(2100),
  kpiKey: z.enum(KPI_KEYS),
  measureKey: z.string().regex(/^[a-z0-9_]{2,60}$/),
  comparison: z.enum(COMPARISONS),
  target: z.number().finite(),
  title: z.string().trim().min(2).max(200),
  explanation: z.string().trim().max(4000).default(''),
};
export const agreementBody = z.object(agreementFields).strict();
export type AgreementInput = z.infer<typeof agreementBody>;

export const agreementItem = z.object({
  id: z.string(),
  municipality: named,
  year: z.number().int(),
  kpiKey: z.enum(KPI_KEYS),
  measureKey: z.string(),
  unit: z.enum(KPI_UNITS),
  comparison: z.enum(COMPARISONS),
  target: z.number(),
  title: z.string(),
  explanation: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
  policies: z.object({ update: z.boolean(), delete: z.boolean() }),
});
export const agreementList = z.object({ items: z.array(agreementItem), policies: z.object({ create: z.boolean() }) });

export const EVALUATION_STATUSES = ['met', 'not_met', 'not_measurable'] as const;

/** One agreement against the figure behind it. `provisional`: the year is still running. */
export const evaluationItem = z.object({
  agreement: agreementItem,
  value: z.number().nullable(),
  /** The value exists but is not shown to this caller: it rests on 1–4 people, or would give such a number away. The status is still judged on it. */
  valueHidden: z.enum(['suppressed', 'withheld']).optional(),
  status: z.enum(EVALUATION_STATUSES),
  reason: z.string().optional(),
  provisional: z.boolean(),
  figure: kpiFigureSchema.nullable(),
});
export const evaluationResponse = z.object({ municipality: named, year: z.number().int(), items: z.array(evaluationItem) });

export const idParams = z.object({ id: z.string().uuid() });

/** The assumptions behind the return per route, in euros and hours as the administrator types them. */
export const returnAssumptionsBody = z
  .object({
    staffHourlyRateCents: z.number().int().min(0).max(100_000),
    staffHours: z.object({
      vrijwilliger: z.number().min(0).max(2000),
      onderwijs: z.number().min(0).max(2000),
      werknemer: z.number().min(0).max(2000),
      ondernemer: z.number().min(0).max(2000),
    }),
    monthlyBenefitCents: z.number().int().min(0).max(1_000_000),
    monthsCounted: z.number().int().min(1).max(60).default(12),
    integrationBudgetCents: z.number().int().min(0).max(100_000_000_000),
    inflowPrevented: z.number().int().min(0).max(1_000_000),
    inflowPreventedSavingCents: z.number().int().min(0).max(100_000_000),
  })
  .strict();
export type ReturnAssumptionsInput = z.infer<typeof returnAssumptionsBody>;

export const returnAssumptionsQuery = z.object({ year });
export const returnAssumptionsResponse = z.object({
  year: z.number().int(),
  assumptions: returnAssumptionsBody.extend({ version: z.number().int(), updatedAt: z.string() }).nullable(),
  policies: z.object({ update: z.boolean() }),
});
