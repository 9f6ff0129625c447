import type { TFunction } from 'i18next';
import type { ApiError } from '../../api/client.ts';
import { fieldErrors, problemMessage } from '../../components/problem-message.ts';

/**
 * Field messages from a problem: the validation paths, plus a named error the server tied to one
 * field (`field` in the problem, e.g. employer_required → employerId).
 */
export function serverFieldErrors(error: ApiError | undefined, t: TFunction): Record<string, string> {
  const out = fieldErrors(error, t);
  const field = (error?.problem as { field?: unknown } | undefined)?.field;
  if (error && typeof field === 'string' && !out[field]) out[field] = problemMessage(error, t);
  return out;
}

/** Runs local checks, focuses the first failing field, and says whether the form may be sent. */
export function checkFields(next: Record<string, string>, prefix: string, setErrors: (e: Record<string, string>) => void): boolean {
  setErrors(next);
  const first = Object.keys(next)[0];
  if (first) document.getElementById(`${prefix}-${first}`)?.focus();
  return !first;
}

/** An optional text field's value for the API: trimmed, or null when empty. */
export const orNull = (value: string) => value.trim() || null;
