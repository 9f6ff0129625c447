import { z } from 'zod';
import { isValidBsn } from '../../../shared/bsn.ts';
import { BENEFIT_TYPES, OUTFLOW_REASONS, POSTCODE_PATTERN, ROUTES, TARGET_GROUPS } from '../../../shared/client-fields.ts';
import { isValidIsoDate } from '../../../shared/dates.ts';

const named = z.object({ id: z.string(), name: z.string() });
export const isoDate = z.string().refine(isValidIsoDate, 'not a date (YYYY-MM-DD)');

export const clientPolicies = z.object({
  read: z.boolean(),
  readPersonalDetails: z.boolean(),
  readLadder: z.boolean(),
  update: z.boolean(),
  changeRoute: z.boolean(),
  measureLadder: z.boolean(),
  addContact: z.boolean(),
  readContacts: z.boolean(),
  readConfidential: z.boolean(),
  raiseSignal: z.boolean(),
  readSignals: z.boolean(),
  readTimeline: z.boolean(),
  readProcessingLog: z.boolean(),
  refer: z.boolean(),
  readPlan: z.boolean(),
  registerOutflow: z.boolean(),
});

export const clientListItem = z.object({
  id: z.string(),
  clientNumber: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: z.string(),
  municipality: named,
  coach: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  team: named.nullable(),
  route: z.enum(ROUTES).nullable(),
  ladderStep: z.number().int().nullable(),
  policies: clientPolicies,
});
export type ClientListItem = z.infer<typeof clientListItem>;

/** Personal details (BSN, contact, address, benefit) are null for a caller without `readPersonalDetails`. */
export const clientDetail = clientListItem.extend({
  bsn: z.string().nullable(),
  age: z.number().int(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.object({ street: z.string().nullable(), houseNumber: z.string().nullable(), postcode: z.string().nullable(), city: z.string().nullable() }),
  benefit: z.object({
    type: z.enum(BENEFIT_TYPES).nullable(),
    startDate: z.string().nullable(),
    /** Uitstroom: the last day of the benefit and why it ended. */
    endedOn: z.string().nullable(),
    outflowReason: z.enum(OUTFLOW_REASONS).nullable(),
  }),
  targetGroups: z.array(z.enum(TARGET_GROUPS)),
  ladder: z.object({ step: z.number().int().nullable(), growthPotential: z.number().int().nullable(), measuredOn: z.string().nullable(), overdue: z.boolean() }),
  annualConversation: z.object({ required: z.boolean(), overdue: z.boolean(), lastOn: z.string().nullable() }),
  openSignalCount: z.number().int(),
  version: z.number().int(),
});
export type ClientDetail = z.infer<typeof clientDetail>;

export const clientListQuery = z.object({
  q: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

/** `total` counts at most 200 matches of a search (10,000 of a list); `totalCapped` says there are more. */
export const clientListResponse = z.object({ items: z.array(clientListItem), total: z.number().int(), totalCapped: z.boolean() });

export const clientIdParams = z.object({ id: z.string().uuid() });

const optionalText = (max: number) => z.string().trim().max(max).nullish().transform((v) => (v ? v : null));

/** Fields a coach or team lead may edit on a client; anything else in a body is refused (mass assignment). */
const editableFields = {
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().min(1).max(100),
  dateOfBirth: isoDate,
  phone: optionalText(30),
  email: z.string().trim().email().max(254).nullish().or(z.literal('')).transform((v) => (v ? v : null)),
  street: optionalText(120),
  houseNumber: optionalText(20),
  postcode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(POSTCODE_PATTERN, 'not a Dutch postcode (1234 AB)')
    .nullish()
    .or(z.literal(''))
    .transform((v) => (v ? v.replace(/^(\d{4}) ?([A-Z]{2})$/, '$1 $2') : null)),
  city: optionalText(80),
  municipalityId: z.string().uuid(),
  benefitType: z.enum(BENEFIT_TYPES).nullish(),
  benefitStartDate: isoDate.nullish(),
  targetGroups: z.array(z.enum(TARGET_GROUPS)).max(3).transform((groups) => [...new Set(groups)]),
};

export const registerClientBody = z
  .object({
    bsn: z.string().trim().refine(isValidBsn, 'not a valid BSN (nine digits, eleven test)'),
    ...editableFields,
    targetGroups: editableFields.targetGroups.default([]),
    route: z.enum(ROUTES).nullish(),
    coachId: z.string().uuid().nullish(),
    confirmDuplicate: z.boolean().default(false),
  })
  .strict();
export type RegisterClientInput = z.infer<typeof registerClientBody>;

/** `movedOn`: with a new municipality, the day the client moved (default today); the KPIs count a client where they lived at the end of a period. */
export const updateClientBody = z.object(editableFields).partial().extend({ movedOn: isoDate.optional() }).strict();
export type UpdateClientInput = z.infer<typeof updateClientBody>;

/** Uitstroom: the last day of the benefit and the reason. */
export const registerOutflowBody = z.object({ endedOn: isoDate, reason: z.enum(OUTFLOW_REASONS) }).strict();
export type RegisterOutflowInput = z.infer<typeof registerOutflowBody>;

export const changeRouteBody = z.object({ route: z.enum(ROUTES), reason: z.string().trim().min(3).max(1000) }).strict();

export const routeHistoryResponse = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      previousRoute: z.enum(ROUTES).nullable(),
      route: z.enum(ROUTES),
      reason: z.string(),
      changedAt: z.string(),
      changedBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
    }),
  ),
});

export const ifMatchHeaders = z.object({ 'if-match': z.string().optional() });
