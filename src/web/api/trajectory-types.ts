/**
 * The shapes of the providers, contracts and referrals API (issue 4) as the web UI relies on them.
 * Kept apart from types.ts so this slice's contract changes show up in one diff of their own.
 */
import type { Ref, UserRef } from './types.ts';

/** Lifecycle states of a referral; a partner referral uses requested → accepted → completed (and withdrawn). */
export type ReferralStatus = 'requested' | 'accepted' | 'refused' | 'active' | 'completed' | 'stopped' | 'transferred' | 'withdrawn';

/** A trajectory at a provider under a contract, or a lighter referral to a network partner. */
export type ReferralKind = 'trajectory' | 'partner';

/** What the caller may do with one referral; the UI shows exactly these actions. */
export type ReferralPolicies = {
  accept: boolean;
  refuse: boolean;
  start: boolean;
  complete: boolean;
  stop: boolean;
  transfer: boolean;
  withdraw: boolean;
  reportProgress: boolean;
  measureLadder: boolean;
  proposeExtension: boolean;
  decideExtension: boolean;
  receive: boolean;
  reportOutcome: boolean;
};

/** One referral in a list (GET /api/referrals, GET /api/clients/:id/referrals). */
export type ReferralListItem = {
  id: string;
  kind: ReferralKind;
  status: ReferralStatus;
  client: { id: string; name: string; clientNumber: string };
  organisation: Ref;
  contract: { id: string; product: string } | null;
  question: string;
  requestedAt: string;
  startedOn: string | null;
  plannedEndOn: string | null;
  endedOn: string | null;
  extensionStatus: 'proposed' | 'approved' | 'refused' | null;
  missingMeasurement: 'start' | 'end' | null;
  endingSoon: boolean;
  version: number;
  policies: ReferralPolicies;
};

/** The client data a referral shares: only the fields chosen when referring (staff see all). */
export type ReferralClientData = {
  dateOfBirth?: string | null;
  phone?: string | null;
  email?: string | null;
  street?: string | null;
  houseNumber?: string | null;
  postcode?: string | null;
  city?: string | null;
  route?: string | null;
  ladder?: { step: number; growthPotential: number; measuredOn: string } | null;
};

/** One status change of a referral. */
export type ReferralTransition = {
  fromStatus: ReferralStatus | null;
  toStatus: ReferralStatus;
  reason: string | null;
  actor: { displayName: string } | null;
  occurredAt: string;
};

/** A progress report (voortgangsverslag) of a running trajectory. */
export type ReferralProgress = { id: string; reportedOn: string; summary: string; author: { displayName: string } | null };

/** A participatieladder measurement taken at the start or end of a trajectory. */
export type ReferralMeasurement = { id: string; measuredOn: string; step: number; growthPotential: number; occasion: string };

/** One referral in full (GET /api/referrals/:id); comes with an ETag. */
export type ReferralDetail = ReferralListItem & {
  sharedFields: string[];
  consentGiven: boolean;
  legalGround: string | null;
  refusalReason: string | null;
  stopReason: string | null;
  endNote: string | null;
  transferredTo: 'provider' | 'work_trajectory' | null;
  nextReferralId: string | null;
  adviceNextStep: string | null;
  advice: string | null;
  extensionUntil: string | null;
  extensionMotivation: string | null;
  withdrawalReason: string | null;
  outcome: string | null;
  providerCoach: UserRef | null;
  requestedBy: UserRef | null;
  clientData: ReferralClientData;
  transitions: ReferralTransition[];
  progress: ReferralProgress[];
  measurements: ReferralMeasurement[];
};

/** How far a contract is used: referrals against capacity, spend against budget. */
export type ContractUse = {
  requested: number;
  inUse: number;
  completed: number;
  ended: number;
  available: number;
  spentCents: number;
  budgetCents: number;
};

/** A provider's contract for one product, period and set of municipalities. */
export type Contract = {
  id: string;
  provider: Ref;
  product: string;
  ladderFrom: number | null;
  ladderTo: number | null;
  startsOn: string;
  endsOn: string;
  priceCents: number;
  capacity: number;
  durationMonths: number;
  notes: string | null;
  municipalities: Ref[];
  version: number;
  use: ContractUse;
  policies: { update: boolean };
};

/** Body of POST /api/contracts (PATCH takes the same fields, each optional). */
export type ContractInput = {
  providerId: string;
  product: string;
  ladderFrom?: number | null;
  ladderTo?: number | null;
  startsOn: string;
  endsOn: string;
  priceCents: number;
  capacity: number;
  durationMonths?: number;
  notes?: string | null;
  municipalityIds: string[];
};

/** A provider of trajectories (aanbieder) with its contact person. */
export type Provider = {
  id: string;
  name: string;
  active: boolean;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  contracts: number;
  activeContracts: number;
  policies: { update: boolean };
};

/** A network partner as the coach chooses it when referring. */
export type Partner = Ref & { partnerKind?: string | null };

/** A provider or partner as the administrator manages it (GET /api/external-organisations). */
export type ManagedOrganisation = Ref & {
  kind: 'provider' | 'partner';
  partnerKind?: string | null;
  active?: boolean;
  contactName?: string | null;
  contactEmail?: string | null;
  contactPhone?: string | null;
  policies?: { update: boolean };
};
