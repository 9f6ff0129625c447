import type { GoalOwnerKind, GoalStatus } from '../../../shared/plan-goals.ts';
import type { HealthAnswers, HealthDimension, HealthFilledBy } from '../../../shared/positive-health.ts';
import type { ZrmScores } from '../../../shared/zrm.ts';
import type { UserRef } from '../../api/types.ts';

/** A Positive Health measurement in the history (GET /api/clients/:id/health-measurements). */
export type HealthSummary = {
  id: string;
  measuredOn: string;
  filledBy: HealthFilledBy;
  dimensions: Record<HealthDimension, number>;
  talkCount: number;
  note: string | null;
  recordedBy: UserRef | null;
};

/** A measurement with its 42 answers. */
export type HealthDetail = HealthSummary & { answers: HealthAnswers };

export type HealthList = { items: HealthSummary[]; policies: { measure: boolean; chooseFilledBy: boolean } };

/** GET …/health-measurements/comparison: the latest web against the first or a chosen one. */
export type HealthComparison = { latest: HealthDetail | null; baseline: HealthDetail | null; changes: Record<HealthDimension, number> | null };

export type ZrmMeasurement = { id: string; measuredOn: string; scores: ZrmScores; note: string | null; recordedBy: UserRef | null };
export type ZrmList = { items: ZrmMeasurement[]; policies: { record: boolean } };

export type GoalOwner = { kind: GoalOwnerKind; name: string | null };
export type GoalAction = { id: string; goalId: string; description: string; owner: GoalOwner; dueOn: string | null; done: boolean; doneOn: string | null };
export type Goal = {
  id: string;
  dimension: HealthDimension;
  description: string;
  owner: GoalOwner;
  dueOn: string | null;
  status: GoalStatus;
  progress: number;
  version: number;
  actions: GoalAction[];
};
export type GoalList = { items: Goal[]; policies: { manage: boolean } };

/** The API path of a client's plan resource. */
export const planPath = (clientId: string, resource: string) => `/api/clients/${encodeURIComponent(clientId)}/${resource}`;
