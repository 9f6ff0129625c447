import type { TFunction } from 'i18next';
import type { ApiError } from '../api/client.ts';

/** A readable message for a problem: the catalogue text for its code, else the server's detail. */
export function problemMessage(error: ApiError, t: TFunction): string {
  const code = error.problem.code;
  if (code && t(`errors.${code}`, { defaultValue: '' })) return t(`errors.${code}`);
  if (error.problem.detail) return error.problem.detail;
  return t('errors.unknown', { status: error.status });
}

/** Codes that belong to one form field, so the message can stand next to that field. */
const FIELD_FOR_CODE: Record<string, string> = {
  email_taken: 'email',
  password_too_short: 'password',
  password_too_long: 'password',
  password_too_common: 'password',
  team_name_taken: 'name',
  municipality_taken: 'cbsCode',
  invalid_role_binding: 'role',
  bsn_taken: 'bsn',
  growth_below_step: 'growthPotential',
};

/**
 * Field-level messages from a problem: `errors[].path` ('body.email' → 'email') plus codes that
 * clearly belong to one field. Unknown paths are left for the summary.
 */
export function fieldErrors(error: ApiError | undefined, t: TFunction): Record<string, string> {
  const out: Record<string, string> = {};
  if (!error) return out;
  for (const item of error.problem.errors ?? []) {
    const field = item.path.replace(/^(body|query|params|querystring)\.?/, '').split('.')[0];
    if (field && !out[field]) out[field] = item.message;
  }
  const code = error.problem.code;
  const field = code ? FIELD_FOR_CODE[code] : undefined;
  if (code && field && !out[field]) out[field] = t(`errors.${code}`);
  return out;
}
