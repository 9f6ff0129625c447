import type { TFunction } from 'i18next';
import type { ApiError } from '../api/client.ts';
import { fieldErrors, problemMessage } from './problem-message.ts';

/**
 * fieldErrors, plus the one field a problem names in its `field` member (the trajectories API
 * does so for a date outside its window, a ladder range upside down, …): that field shows
 * "check this field" for validation_failed, or the code's own message.
 */
export function fieldErrorsWithProblemField(error: ApiError | undefined, t: TFunction): Record<string, string> {
  const out = fieldErrors(error, t);
  const field = (error?.problem as { field?: unknown } | undefined)?.field;
  if (error && typeof field === 'string' && !out[field]) {
    out[field] = error.problem.code === 'validation_failed' ? t('referrals.fieldInvalid') : problemMessage(error, t);
  }
  return out;
}
