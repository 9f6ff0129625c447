/**
 * Referrals and trajectories (PRODUCT.md "Trajectories"): the states, the one table of legal
 * transitions, and the reference lists that the API and the web forms share. The Dutch labels
 * are what the client's timeline says.
 */

import { addDays, type IsoDate } from './dates.ts';

export const REFERRAL_KINDS = ['trajectory', 'partner'] as const;
export type ReferralKind = (typeof REFERRAL_KINDS)[number];

export const REFERRAL_STATUSES = ['requested', 'accepted', 'refused', 'active', 'completed', 'stopped', 'transferred', 'withdrawn'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** States in which a provider or partner still works with the client, and so still reaches them. */
export const OPEN_REFERRAL_STATUSES = ['requested', 'accepted', 'active'] as const satisfies readonly ReferralStatus[];

export function isOpenReferralStatus(status: ReferralStatus): boolean {
  return (OPEN_REFERRAL_STATUSES as readonly ReferralStatus[]).includes(status);
}

/** A running trajectory whose planned end lies within this many days (or has passed) "ends soon". */
export const TRAJECTORY_ENDING_SOON_DAYS = 30;

/** The last `today` endsSoon was asked about, with the date up to which a planned end counts. */
let endingSoonLimit: { today: IsoDate | null; limit: IsoDate } = { today: null, limit: '' };

/**
 * Whether a trajectory runs towards its planned end within TRAJECTORY_ENDING_SOON_DAYS of
 * `today`: the coach prepares the end measurement and what comes next. Shared by the task rule,
 * the caseload's attention and the referral list.
 */
export function endsSoon(referral: { status: ReferralStatus; plannedEndOn: string | null }, today: IsoDate): boolean {
  if (referral.status !== 'active' || referral.plannedEndOn === null) return false;
  // A list asks this for every row with the same `today`: the limit is worked out once per day
  // instead of parsing and formatting a date per row.
  if (endingSoonLimit.today !== today) endingSoonLimit = { today, limit: addDays(today, TRAJECTORY_ENDING_SOON_DAYS) };
  return referral.plannedEndOn <= endingSoonLimit.limit;
}

/** The actions that move a referral from one state to another. */
export const REFERRAL_ACTIONS = ['accept', 'refuse', 'start', 'complete', 'stop', 'transfer', 'withdraw', 'receive', 'reportOutcome'] as const;
export type ReferralAction = (typeof REFERRAL_ACTIONS)[number];

type Transition = { from: readonly ReferralStatus[]; to: ReferralStatus };

/**
 * Every legal transition, per kind of referral. Anything not listed is refused
 * (409 invalid_transition). A trajectory: requested → accepted | refused; accepted → active;
 * active → completed | stopped | transferred; open → withdrawn by the coach. A partner referral is
 * lighter: sent (requested) → received (accepted) → outcome reported (completed), withdrawn while open.
 */
export const REFERRAL_TRANSITIONS: Readonly<Record<ReferralKind, Partial<Record<ReferralAction, Transition>>>> = {
  trajectory: {
    accept: { from: ['requested'], to: 'accepted' },
    refuse: { from: ['requested'], to: 'refused' },
    start: { from: ['accepted'], to: 'active' },
    complete: { from: ['active'], to: 'completed' },
    stop: { from: ['active'], to: 'stopped' },
    transfer: { from: ['active'], to: 'transferred' },
    withdraw: { from: ['requested', 'accepted', 'active'], to: 'withdrawn' },
  },
  partner: {
    receive: { from: ['requested'], to: 'accepted' },
    reportOutcome: { from: ['accepted'], to: 'completed' },
    withdraw: { from: ['requested', 'accepted'], to: 'withdrawn' },
  },
};

/** The state an action leads to from the given state, or null when the table does not allow it. */
export function nextReferralStatus(kind: ReferralKind, status: ReferralStatus, action: ReferralAction): ReferralStatus | null {
  const transition = REFERRAL_TRANSITIONS[kind][action];
  return transition && transition.from.includes(status) ? transition.to : null;
}

/** Why a trajectory stopped early. */
export const STOP_REASONS = ['verhuisd', 'ziekte', 'werk_gevonden', 'geen_motivatie', 'niet_passend', 'onderwijs', 'overig'] as const;
export type StopReason = (typeof STOP_REASONS)[number];

/** The provider coach's advice for the next step at the end of a trajectory. */
export const ADVICE_NEXT_STEPS = ['vervolgtraject', 'vrijwilligerswerk', 'onderwijs', 'werk', 'werkfit_traject', 'geen_vervolg'] as const;
export type AdviceNextStep = (typeof ADVICE_NEXT_STEPS)[number];

/** Optional parts of the dossier a referral may share; name and client number are always shared. */
export const SHARED_FIELDS = ['date_of_birth', 'contact', 'address', 'route', 'ladder', 'plan'] as const;
export type SharedField = (typeof SHARED_FIELDS)[number];

/** Where a transferred trajectory went. */
export const TRANSFER_TARGETS = ['provider', 'work_trajectory'] as const;
export type TransferTarget = (typeof TRANSFER_TARGETS)[number];

export const EXTENSION_STATUSES = ['proposed', 'approved', 'refused'] as const;
export type ExtensionStatus = (typeof EXTENSION_STATUSES)[number];

/** An extension reaches at most this many months past the planned end. */
export const MAX_EXTENSION_MONTHS = 12;

/** Kinds of network partner. */
export const PARTNER_KINDS = ['taalhuis', 'bibliotheek', 'buurtteam', 'schuldhulp', 'sportclub', 'overig'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

/** The legal ground of a partner referral made from a signal escalation (no separate consent asked). */
export const PARTNER_ESCALATION_LEGAL_GROUND = 'Participatiewet art. 7; verwijzing netwerkpartner';

/** Dutch words for the states of a trajectory. */
export const REFERRAL_STATUS_LABELS: Readonly<Record<ReferralStatus, string>> = {
  requested: 'aangevraagd',
  accepted: 'geaccepteerd',
  refused: 'geweigerd',
  active: 'lopend',
  completed: 'afgerond',
  stopped: 'voortijdig gestopt',
  transferred: 'overgedragen',
  withdrawn: 'ingetrokken',
};

/** Dutch words for the lighter states of a partner referral. */
export const PARTNER_REFERRAL_STATUS_LABELS: Readonly<Partial<Record<ReferralStatus, string>>> = {
  requested: 'verstuurd',
  accepted: 'ontvangen',
  completed: 'uitkomst teruggemeld',
  withdrawn: 'ingetrokken',
};

export const STOP_REASON_LABELS: Readonly<Record<StopReason, string>> = {
  verhuisd: 'verhuisd',
  ziekte: 'ziekte',
  werk_gevonden: 'werk gevonden',
  geen_motivatie: 'geen motivatie',
  niet_passend: 'traject past niet',
  onderwijs: 'naar onderwijs',
  overig: 'overige reden',
};

export const ADVICE_NEXT_STEP_LABELS: Readonly<Record<AdviceNextStep, string>> = {
  vervolgtraject: 'vervolgtraject',
  vrijwilligerswerk: 'vrijwilligerswerk',
  onderwijs: 'onderwijs',
  werk: 'werk',
  werkfit_traject: 'werkfit-traject',
  geen_vervolg: 'geen vervolg',
};

export const SHARED_FIELD_LABELS: Readonly<Record<SharedField, string>> = {
  date_of_birth: 'geboortedatum',
  contact: 'telefoon en e-mail',
  address: 'adres',
  route: 'route',
  ladder: 'participatieladder',
  plan: 'persoonlijk plan',
};

export const PARTNER_KIND_LABELS: Readonly<Record<PartnerKind, string>> = {
  taalhuis: 'Taalhuis',
  bibliotheek: 'bibliotheek',
  buurtteam: 'buurtteam',
  schuldhulp: 'schuldhulp',
  sportclub: 'sportclub',
  overig: 'overig',
};
