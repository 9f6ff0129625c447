/** Enumerations of the client record, shared by the API schemas, the import and the web forms. */
export const ROUTES = ['vrijwilliger', 'onderwijs', 'werknemer', 'ondernemer'] as const;
export type ClientRoute = (typeof ROUTES)[number];

export const BENEFIT_TYPES = ['bijstand', 'ioaw', 'ioaz', 'bbz', 'anw_aanvulling', 'geen'] as const;
export type BenefitType = (typeof BENEFIT_TYPES)[number];

/** Why a benefit ended (uitstroom); 'werk' and 'ondernemer' are outflow to work. */
export const OUTFLOW_REASONS = ['werk', 'ondernemer', 'opleiding', 'verhuizing', 'overlijden', 'overig'] as const;
export type OutflowReason = (typeof OUTFLOW_REASONS)[number];
/** The outflow reasons that count as outflow to work (return per route, trajectories). */
export const OUTFLOW_TO_WORK: readonly OutflowReason[] = ['werk', 'ondernemer'];

export const TARGET_GROUPS = ['jongere', 'statushouder', 'arbeidsbeperking'] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

export const CONTACT_KINDS = ['gesprek', 'telefonisch', 'huisbezoek', 'email', 'jaargesprek', 'notitie'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

export const SIGNAL_DOMAINS = [
  'schulden',
  'psychische_klachten',
  'instabiele_thuissituatie',
  'verslaving_in_gezin',
  'laaggeletterdheid',
  'huisvesting',
  'gezondheid',
  'multiproblematiek',
] as const;
export type SignalDomain = (typeof SIGNAL_DOMAINS)[number];

export const SIGNAL_SEVERITIES = ['laag', 'middel', 'hoog'] as const;
export const SIGNAL_STATUSES = ['open', 'in_behandeling', 'geescaleerd', 'afgerond'] as const;
export const ESCALATION_TARGETS = ['team_ondersteuning', 'kernteam', 'partner'] as const;
/** How the timeline and the task titles name where an escalation went. */
export const ESCALATION_TARGET_LABELS: Readonly<Record<(typeof ESCALATION_TARGETS)[number], string>> = {
  team_ondersteuning: 'Team Ondersteuning',
  kernteam: 'Kernteam',
  partner: 'netwerkpartner',
};

export const TASK_KINDS = ['handmatig', 'jaargesprek', 'ladder_meting', 'traject_eindigt', 'signaal_opvolging', 'verlenging_beoordelen', 'verwijzing_beoordelen', 'escalatie_verlopen'] as const;
export const TASK_STATUSES = ['open', 'afgerond', 'vervallen'] as const;

/** Ages for which the yearly conversation about work and activation is required. */
export const ANNUAL_CONVERSATION_AGES = { min: 27, max: 65 } as const;

/** A Dutch postcode: four digits (not starting with 0) and two capitals, space optional. */
export const POSTCODE_PATTERN = /^[1-9][0-9]{3} ?[A-Z]{2}$/;
