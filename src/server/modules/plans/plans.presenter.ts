import type { HealthAnswers } from '../../../shared/positive-health.ts';
import { ZRM_DOMAIN_CODES, type ZrmScores } from '../../../shared/zrm.ts';
import type { ActionRow, GoalRow } from './goals.repository.ts';
import { meansOf, type HealthDetailRow, type HealthSummaryRow, type ZrmRow } from './measurements.repository.ts';

const author = (row: { user_id: string | null; user_name: string | null }) => (row.user_id && row.user_name ? { id: row.user_id, displayName: row.user_name } : null);

/** A measurement in the history: the six dimension scores, no answers. */
export function presentHealthSummary(row: HealthSummaryRow) {
  return {
    id: row.id,
    measuredOn: row.measured_on,
    filledBy: row.filled_by,
    dimensions: meansOf(row),
    talkCount: row.talk_count,
    note: row.note,
    recordedBy: author(row),
  };
}

/** A measurement with every aspect's score and "hier wil ik over praten" flag. */
export function presentHealthDetail(row: HealthDetailRow) {
  return { ...presentHealthSummary(row), answers: row.answers as HealthAnswers };
}

export function presentZrm(row: ZrmRow) {
  return {
    id: row.id,
    measuredOn: row.measured_on,
    scores: Object.fromEntries(ZRM_DOMAIN_CODES.map((d) => [d, row[d]])) as ZrmScores,
    note: row.note,
    recordedBy: author(row),
  };
}

const owner = (row: { owner_kind: GoalRow['owner_kind']; owner_name: string | null }) => ({ kind: row.owner_kind, name: row.owner_name });

export function presentAction(row: ActionRow) {
  return { id: row.id, goalId: row.goal_id, description: row.description, owner: owner(row), dueOn: row.due_on, done: row.done, doneOn: row.done_on };
}

/** A goal with its own actions picked from the list given. */
export function presentGoal(goal: GoalRow, actions: readonly ActionRow[]) {
  return {
    id: goal.id,
    dimension: goal.dimension,
    description: goal.description,
    owner: owner(goal),
    dueOn: goal.due_on,
    status: goal.status,
    progress: goal.progress,
    version: goal.version,
    actions: actions.filter((a) => a.goal_id === goal.id).map(presentAction),
  };
}
