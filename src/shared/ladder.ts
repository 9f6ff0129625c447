/**
 * The Participatieladder (PRODUCT.md): six steps, and the stepwise questions from which the
 * current step is derived rather than guessed.
 */
export const LADDER_STEPS = [1, 2, 3, 4, 5, 6] as const;
export type LadderStep = (typeof LADDER_STEPS)[number];

export const LADDER_OCCASIONS = ['intake', 'trajectory_start', 'trajectory_end', 'yearly', 'other'] as const;
export type LadderOccasion = (typeof LADDER_OCCASIONS)[number];

/**
 * The answers, asked top-down: paid work first, then unpaid work with responsibility, then
 * organised activity, then social contact. A later question only matters when the earlier
 * ones were answered no (the form hides them; the server ignores them).
 */
export type LadderAnswers = {
  /** Paid work (a contract) or self-employment. */
  paidWork: boolean;
  /** Only with paid work: supported by an instrument (wage subsidy, job coach, supplementary benefit, sheltered employment, work-based training). */
  paidWorkWithSupport?: boolean;
  /** Weekly tasks with responsibility towards others, without a contract (volunteering, internship). */
  unpaidWorkWithResponsibility?: boolean;
  /** An organised activity or course at least weekly, without responsibility towards others. */
  organisedActivityWeekly?: boolean;
  /** Non-organised social contact outside the home at least weekly. */
  socialContactWeekly?: boolean;
};

/** The questions in the order they are asked, for showing the stored answers in that order. */
export const LADDER_QUESTIONS = ['paidWork', 'paidWorkWithSupport', 'unpaidWorkWithResponsibility', 'organisedActivityWeekly', 'socialContactWeekly'] as const satisfies readonly (keyof LadderAnswers)[];

/** Derives the current step from the answers, following the criteria in PRODUCT.md. */
export function deriveLadderStep(answers: LadderAnswers): LadderStep {
  if (answers.paidWork) return answers.paidWorkWithSupport ? 5 : 6;
  if (answers.unpaidWorkWithResponsibility) return 4;
  if (answers.organisedActivityWeekly) return 3;
  if (answers.socialContactWeekly) return 2;
  return 1;
}

/** Keeps only the answers that the derivation used, so the stored record says what was asked. */
export function normaliseLadderAnswers(answers: LadderAnswers): LadderAnswers {
  if (answers.paidWork) return { paidWork: true, paidWorkWithSupport: !!answers.paidWorkWithSupport };
  const result: LadderAnswers = { paidWork: false, unpaidWorkWithResponsibility: !!answers.unpaidWorkWithResponsibility };
  if (result.unpaidWorkWithResponsibility) return result;
  result.organisedActivityWeekly = !!answers.organisedActivityWeekly;
  if (result.organisedActivityWeekly) return result;
  result.socialContactWeekly = !!answers.socialContactWeekly;
  return result;
}

/** A measurement older than this many months needs a new one (at least yearly, PRODUCT.md). */
export const LADDER_MEASUREMENT_MAX_AGE_MONTHS = 12;
