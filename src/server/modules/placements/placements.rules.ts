import { PLACEMENT_KIND_RULES, type PlacementKind } from '../../../shared/placements.ts';
import type { PlacementsTable } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';
import type { UpdatePlacementInput } from './placements.schema.ts';

/** The columns of a placement that the kind rules look at. */
export type PlacementFields = {
  kind: PlacementKind;
  starts_on: string;
  employer_id: string | null;
  planned_end_on: string | null;
  wage_subsidy: boolean;
  job_coach: boolean;
  trial_ends_on: string | null;
};

/** The columns set by the changeable fields of a request; absent fields stay as they are. */
export function columnsFrom(input: UpdatePlacementInput) {
  const columns: Partial<Pick<PlacementsTable, 'employer_id' | 'activity' | 'planned_end_on' | 'trial_ends_on' | 'note' | 'wage_subsidy_percentage' | 'wage_subsidy_amount_cents' | 'job_coach_organisation'>> & {
    hours_per_week?: number | null;
    wage_subsidy?: boolean;
    job_coach?: boolean;
  } = {};
  if (input.employerId !== undefined) columns.employer_id = input.employerId;
  if (input.activity !== undefined) columns.activity = input.activity;
  if (input.plannedEndOn !== undefined) columns.planned_end_on = input.plannedEndOn;
  if (input.hoursPerWeek !== undefined) columns.hours_per_week = input.hoursPerWeek;
  if (input.trialEndsOn !== undefined) columns.trial_ends_on = input.trialEndsOn;
  if (input.note !== undefined) columns.note = input.note;
  if (input.wageSubsidy !== undefined) {
    columns.wage_subsidy = input.wageSubsidy !== null;
    columns.wage_subsidy_percentage = input.wageSubsidy?.percentage ?? null;
    columns.wage_subsidy_amount_cents = input.wageSubsidy?.amountCents ?? null;
  }
  if (input.jobCoach !== undefined) {
    columns.job_coach = input.jobCoach !== null;
    columns.job_coach_organisation = input.jobCoach?.organisation ?? null;
  }
  return columns;
}

/**
 * The rules of each kind that need no database: which kinds name an employer, where wage
 * subsidy and a job coach apply, and that only an afspraakbaan has a trial period.
 */
export function checkKindFields(p: PlacementFields): void {
  const rule = PLACEMENT_KIND_RULES[p.kind];
  if (rule.employerRequired && !p.employer_id) throw new AppError('employer_required', `A placement of kind ${p.kind} needs an employer`, { field: 'employerId' });
  if (!rule.employerAllowed && p.employer_id) throw new AppError('field_not_allowed', `A placement of kind ${p.kind} has no employer`, { field: 'employerId' });
  if (!rule.wageSubsidy && p.wage_subsidy) throw new AppError('field_not_allowed', `Wage subsidy does not apply to ${p.kind}`, { field: 'wageSubsidy' });
  if (!rule.jobCoach && p.job_coach) throw new AppError('field_not_allowed', `A job coach does not apply to ${p.kind}`, { field: 'jobCoach' });
  if (!rule.trial && p.trial_ends_on) throw new AppError('field_not_allowed', 'Only an afspraakbaan has a trial period', { field: 'trialEndsOn' });
  if (p.trial_ends_on && p.trial_ends_on < p.starts_on) throw new AppError('validation_failed', 'The trial period ends before it starts', { field: 'trialEndsOn' });
  if (p.planned_end_on && p.planned_end_on < p.starts_on) throw new AppError('validation_failed', 'The planned end lies before the start', { field: 'plannedEndOn' });
}
