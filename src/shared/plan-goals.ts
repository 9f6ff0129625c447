/**
 * Goals of the personal plan: per Positive Health dimension, with an owner, a due date, a status
 * and progress; each goal has actions. Shared so the API schema and the forms agree.
 */
export const GOAL_STATUSES = ['open', 'in_progress', 'achieved', 'stopped'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** Who carries a goal or action: the client, the coach, or someone else named in free text. */
export const GOAL_OWNER_KINDS = ['client', 'coach', 'other'] as const;
export type GoalOwnerKind = (typeof GOAL_OWNER_KINDS)[number];

/** Dutch words for the printable plan (B1). */
export const GOAL_STATUS_NAMES: Readonly<Record<GoalStatus, string>> = {
  open: 'nog niet begonnen',
  in_progress: 'bezig',
  achieved: 'gehaald',
  stopped: 'gestopt',
};
