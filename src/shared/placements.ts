/**
 * Placements, employers, beschut werk, young people's schooling and the tegenprestatie: the
 * enumerations and the rules both the API and the web forms follow (PRODUCT.md "Placements",
 * "Young people", "Counter-performance").
 */
import { ageOn, todayIso } from './dates.ts';
import type { LadderStep } from './ladder.ts';

export const PLACEMENT_KINDS = [
  'vrijwilligerswerk',
  'mantelzorg',
  'participatiebaan',
  'meedoenbaan',
  'afspraakbaan',
  'beschut_werk',
  'sw',
  'regulier',
  'werkervaringsplaats',
] as const;
export type PlacementKind = (typeof PLACEMENT_KINDS)[number];

/** Dutch names for the summaries the timeline stores (the UI translates from the codes). */
export const PLACEMENT_KIND_NAMES: Readonly<Record<PlacementKind, string>> = {
  vrijwilligerswerk: 'vrijwilligerswerk',
  mantelzorg: 'mantelzorg',
  participatiebaan: 'participatiebaan',
  meedoenbaan: 'meedoenbaan',
  afspraakbaan: 'afspraakbaan',
  beschut_werk: 'beschut werk',
  sw: 'SW (terugkeer)',
  regulier: 'reguliere baan',
  werkervaringsplaats: 'werkervaringsplaats',
};

/** How a placement ended. 'gestopt' needs a reason. */
export const PLACEMENT_OUTCOMES = ['contract', 'uitstroom', 'doorstroom', 'afgerond', 'gestopt'] as const;
export type PlacementOutcome = (typeof PLACEMENT_OUTCOMES)[number];

export const PLACEMENT_OUTCOME_NAMES: Readonly<Record<PlacementOutcome, string>> = {
  contract: 'contract',
  uitstroom: 'uitstroom',
  doorstroom: 'doorstroom naar een volgende plaatsing',
  afgerond: 'afgerond',
  gestopt: 'gestopt',
};

/** An afspraakbaan runs a trial period (proefplaatsing) first, then the contract. */
export const PLACEMENT_PHASES = ['proefplaatsing', 'contract'] as const;
export type PlacementPhase = (typeof PLACEMENT_PHASES)[number];

/** What the form asks and the API allows per kind. */
export type PlacementKindRule = {
  /** An employer (or host organisation) must be named; false with `employerAllowed` means optional. */
  employerRequired: boolean;
  employerAllowed: boolean;
  /** Loonkostensubsidie applies to paid work below full productivity. */
  wageSubsidy: boolean;
  /** A job coach is an instrument for paid or work-like placements. */
  jobCoach: boolean;
  /** Trial period then contract (banenafspraak). */
  trial: boolean;
  /** The participatieladder step the placement implies by itself (support can lower regulier to 5). */
  step: LadderStep;
};

export const PLACEMENT_KIND_RULES: Readonly<Record<PlacementKind, PlacementKindRule>> = {
  vrijwilligerswerk: { employerRequired: false, employerAllowed: true, wageSubsidy: false, jobCoach: false, trial: false, step: 4 },
  mantelzorg: { employerRequired: false, employerAllowed: false, wageSubsidy: false, jobCoach: false, trial: false, step: 4 },
  participatiebaan: { employerRequired: true, employerAllowed: true, wageSubsidy: true, jobCoach: true, trial: false, step: 5 },
  meedoenbaan: { employerRequired: true, employerAllowed: true, wageSubsidy: true, jobCoach: true, trial: false, step: 5 },
  afspraakbaan: { employerRequired: true, employerAllowed: true, wageSubsidy: true, jobCoach: true, trial: true, step: 5 },
  beschut_werk: { employerRequired: true, employerAllowed: true, wageSubsidy: true, jobCoach: true, trial: false, step: 5 },
  sw: { employerRequired: true, employerAllowed: true, wageSubsidy: false, jobCoach: true, trial: false, step: 5 },
  regulier: { employerRequired: true, employerAllowed: true, wageSubsidy: true, jobCoach: true, trial: false, step: 6 },
  werkervaringsplaats: { employerRequired: true, employerAllowed: true, wageSubsidy: false, jobCoach: true, trial: false, step: 4 },
};

/**
 * The ladder step a placement implies (PRODUCT.md criteria): unpaid work with responsibility is
 * 4; paid work with an instrument (wage subsidy, job coach, sheltered work) is 5; a regular job
 * without support is 6.
 */
export function impliedLadderStep(kind: PlacementKind, support: { wageSubsidy: boolean; jobCoach: boolean }): LadderStep {
  const rule = PLACEMENT_KIND_RULES[kind];
  if (rule.step === 6 && (support.wageSubsidy || support.jobCoach)) return 5;
  return rule.step;
}

/** A KvK number has eight digits. */
export const KVK_PATTERN = /^\d{8}$/;

export const EMPLOYER_SECTORS = [
  'zorg_welzijn',
  'techniek_industrie',
  'bouw',
  'logistiek',
  'detailhandel',
  'horeca',
  'schoonmaak_facilitair',
  'groen',
  'zakelijke_dienstverlening',
  'overheid_onderwijs',
  'sociaal_ontwikkelbedrijf',
  'vrijwilligersorganisatie',
  'overig',
] as const;
export type EmployerSector = (typeof EMPLOYER_SECTORS)[number];

/** Beschut werk: the UWV advice is asked, then positive (waiting list) or negative; a waiting client is placed or gets a fitness trajectory. */
export const BESCHUT_STATUSES = ['in_beoordeling', 'positief', 'negatief', 'geplaatst', 'werkfit'] as const;
export type BeschutStatus = (typeof BESCHUT_STATUSES)[number];

/** The education a young person follows now ('geen': not enrolled). */
export const EDUCATION_LEVELS = ['geen', 'praktijkschool', 'vso', 'mbo_1', 'mbo_2', 'mbo_3', 'mbo_4', 'havo', 'vwo', 'hbo', 'wo'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

/** The highest diploma obtained. */
export const DIPLOMAS = ['geen', 'praktijkschool', 'vso', 'vmbo', 'mbo_1', 'mbo_2', 'mbo_3', 'mbo_4', 'havo', 'vwo', 'hbo', 'wo'] as const;
export type Diploma = (typeof DIPLOMAS)[number];

/** A start qualification is a havo or vwo diploma or an mbo diploma of level 2 or higher (and anything built on them). */
const START_QUALIFYING: ReadonlySet<Diploma> = new Set(['mbo_2', 'mbo_3', 'mbo_4', 'havo', 'vwo', 'hbo', 'wo']);

export function hasStartQualification(diploma: Diploma): boolean {
  return START_QUALIFYING.has(diploma);
}

/** Young people in the sense of the closing approach (sluitende aanpak). */
export const YOUTH_AGES = { min: 16, max: 27 } as const;

/** Whether someone counts as a young person (16–27) on a date. */
export function isYoungPerson(dateOfBirth: string, on = todayIso()): boolean {
  const age = ageOn(dateOfBirth, on);
  return age >= YOUTH_AGES.min && age <= YOUTH_AGES.max;
}

/** What the back-in-education rule looks at in a school record. */
export type SchoolState = {
  currentEducation: EducationLevel;
  enrolledSince: string | null;
  highestDiploma: Diploma;
  earlySchoolLeaverReportedOn: string | null;
  backInEducationSince: string | null;
};

/**
 * The date from which a young person without a start qualification counts as back in
 * education, or null. They must be enrolled now and have been out of school before: reported
 * as an early school leaver by the RMC, or recorded earlier as not enrolled. Once set the date
 * stays while they remain enrolled without a start qualification.
 */
export function backInEducationSince(previous: SchoolState | null, next: Omit<SchoolState, 'backInEducationSince'>, today: string): string | null {
  if (hasStartQualification(next.highestDiploma) || next.currentEducation === 'geen') return null;
  if (previous?.backInEducationSince && previous.currentEducation !== 'geen') return previous.backInEducationSince;
  const since = next.enrolledSince ?? today;
  // An RMC report after the enrolment is about a later drop-out, not about this return.
  const reportedBefore = next.earlySchoolLeaverReportedOn !== null && next.earlySchoolLeaverReportedOn <= since;
  if (previous?.currentEducation !== 'geen' && !reportedBefore) return null;
  return since;
}

export const TEGENPRESTATIE_DECISIONS = ['opgelegd', 'niet_opgelegd'] as const;
export type TegenprestatieDecision = (typeof TEGENPRESTATIE_DECISIONS)[number];

/** The legal ground a tegenprestatie decision usually names. */
export const TEGENPRESTATIE_DEFAULT_GROUND = 'Participatiewet art. 9 lid 1 onder c';
