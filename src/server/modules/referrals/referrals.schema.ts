import { z } from 'zod';
import { ROUTES } from '../../../shared/client-fields.ts';
import {
  ADVICE_NEXT_STEPS,
  EXTENSION_STATUSES,
  REFERRAL_KINDS,
  REFERRAL_STATUSES,
  SHARED_FIELDS,
  STOP_REASONS,
  TRANSFER_TARGETS,
} from '../../../shared/referrals.ts';
import { isoDate } from '../clients/clients.schema.ts';
import { measureBody } from '../ladder/ladder.schema.ts';

const userRef = z.object({ id: z.string(), displayName: z.string() });
const text = (max: number) => z.string().trim().min(1).max(max);

export const referralPolicies = z.object({
  accept: z.boolean(),
  refuse: z.boolean(),
  start: z.boolean(),
  complete: z.boolean(),
  stop: z.boolean(),
  transfer: z.boolean(),
  withdraw: z.boolean(),
  reportProgress: z.boolean(),
  measureLadder: z.boolean(),
  proposeExtension: z.boolean(),
  decideExtension: z.boolean(),
  receive: z.boolean(),
  reportOutcome: z.boolean(),
});

export const referralListItem = z.object({
  id: z.string(),
  kind: z.enum(REFERRAL_KINDS),
  status: z.enum(REFERRAL_STATUSES),
  client: z.object({ id: z.string(), name: z.string(), clientNumber: z.string() }),
  organisation: z.object({ id: z.string(), name: z.string() }),
  contract: z.object({ id: z.string(), product: z.string() }).nullable(),
  question: z.string(),
  requestedAt: z.string(),
  startedOn: z.string().nullable(),
  plannedEndOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  extensionStatus: z.enum(EXTENSION_STATUSES).nullable(),
  missingMeasurement: z.enum(['start', 'end']).nullable(),
  /** A running trajectory whose planned end is near (or past): "eindigt binnenkort". */
  endingSoon: z.boolean(),
  version: z.number().int(),
  policies: referralPolicies,
});
export type ReferralListItem = z.infer<typeof referralListItem>;

/** Only the fields the referral shares are present for a provider or partner; staff get them all. */
export const referralClientData = z.object({
  dateOfBirth: z.string().optional(),
  phone: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
  street: z.string().nullable().optional(),
  houseNumber: z.string().nullable().optional(),
  postcode: z.string().nullable().optional(),
  city: z.string().nullable().optional(),
  route: z.enum(ROUTES).nullable().optional(),
  ladder: z.object({ step: z.number().int(), growthPotential: z.number().int(), measuredOn: z.string() }).nullable().optional(),
});

export const referralDetail = referralListItem.extend({
  sharedFields: z.array(z.enum(SHARED_FIELDS)),
  consentGiven: z.boolean(),
  legalGround: z.string().nullable(),
  refusalReason: z.string().nullable(),
  stopReason: z.enum(STOP_REASONS).nullable(),
  endNote: z.string().nullable(),
  transferredTo: z.enum(TRANSFER_TARGETS).nullable(),
  nextReferralId: z.string().nullable(),
  adviceNextStep: z.enum(ADVICE_NEXT_STEPS).nullable(),
  advice: z.string().nullable(),
  extensionUntil: z.string().nullable(),
  extensionMotivation: z.string().nullable(),
  withdrawalReason: z.string().nullable(),
  outcome: z.string().nullable(),
  providerCoach: userRef.nullable(),
  requestedBy: userRef.nullable(),
  clientData: referralClientData,
  transitions: z.array(
    z.object({
      fromStatus: z.enum(REFERRAL_STATUSES).nullable(),
      toStatus: z.enum(REFERRAL_STATUSES),
      reason: z.string().nullable(),
      actor: z.object({ displayName: z.string() }).nullable(),
      occurredAt: z.string(),
    }),
  ),
  progress: z.array(z.object({ id: z.string(), reportedOn: z.string(), summary: z.string(), author: z.object({ displayName: z.string() }).nullable() })),
  measurements: z.array(z.object({ id: z.string(), measuredOn: z.string(), step: z.number().int(), growthPotential: z.number().int(), occasion: z.string() })),
});
export type ReferralDetail = z.infer<typeof referralDetail>;

export const referralList = z.object({ items: z.array(referralListItem), total: z.number().int() });
export const clientReferralList = z.object({ items: z.array(referralListItem) });

export const referralListQuery = z.object({
  status: z.enum(['open', 'closed', 'all']).default('open'),
  kind: z.enum(REFERRAL_KINDS).optional(),
  needsDecision: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  q: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type ReferralListQuery = z.infer<typeof referralListQuery>;

const referralCommon = {
  question: text(5000),
  sharedFields: z.array(z.enum(SHARED_FIELDS)).max(SHARED_FIELDS.length).transform((fields) => [...new Set(fields)]),
  consentGiven: z.boolean(),
  legalGround: z.string().trim().max(500).nullish(),
};
/** Either consentGiven is true or a legal ground is named (checked by the service: 422 validation_failed). */
export const referBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('trajectory'), contractId: z.string().uuid(), ...referralCommon }).strict(),
  z.object({ kind: z.literal('partner'), partnerId: z.string().uuid(), ...referralCommon }).strict(),
]);
export type ReferInput = z.infer<typeof referBody>;

export const acceptBody = z.object({ providerCoachId: z.string().uuid().nullish() }).strict();
export const reasonBody = z.object({ reason: text(2000) }).strict();
export const startBody = z.object({ startedOn: isoDate }).strict();
export const completeBody = z.object({ endedOn: isoDate, adviceNextStep: z.enum(ADVICE_NEXT_STEPS), advice: text(5000) }).strict();
export const stopBody = z
  .object({ endedOn: isoDate, stopReason: z.enum(STOP_REASONS), note: text(5000), adviceNextStep: z.enum(ADVICE_NEXT_STEPS).nullish(), advice: z.string().trim().max(5000).nullish() })
  .strict();
export const transferBody = z.object({ endedOn: isoDate, to: z.enum(TRANSFER_TARGETS), contractId: z.string().uuid().nullish(), note: text(5000) }).strict();
export const progressBody = z.object({ reportedOn: isoDate, summary: text(5000) }).strict();
export const extensionBody = z.object({ until: isoDate, motivation: text(5000) }).strict();
export const extensionDecisionBody = z.object({ approve: z.boolean(), note: z.string().trim().max(2000).nullish() }).strict();
export const outcomeBody = z.object({ outcome: text(5000) }).strict();
export const referralLadderBody = measureBody.extend({ occasion: z.enum(['trajectory_start', 'trajectory_end']) }).strict();

export const referralIdParams = z.object({ id: z.string().uuid() });
