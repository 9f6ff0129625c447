/**
 * Every module names its errors with a code; this file is the one place that turns a code into
 * an HTTP status. A new code that is not mapped here fails to compile (assertUnreachable).
 */
export type ErrorCode =
  // generic
  | 'validation_failed'
  | 'not_found'
  | 'forbidden'
  | 'unauthenticated'
  | 'csrf_failed'
  | 'conflict'
  | 'precondition_failed'
  | 'precondition_required'
  | 'rate_limited'
  | 'internal'
  // auth
  | 'invalid_credentials'
  | 'account_locked'
  | 'account_disabled'
  | 'session_expired'
  | 'password_too_short'
  | 'password_too_long'
  | 'password_too_common'
  // users, teams, municipalities
  | 'email_taken'
  | 'team_name_taken'
  | 'municipality_taken'
  | 'invalid_role_binding'
  | 'cannot_disable_self'
  // clients and the coach's desk
  | 'bsn_taken'
  | 'possible_duplicate'
  | 'field_not_allowed'
  | 'unknown_reference'
  | 'growth_below_step'
  | 'invalid_transition'
  | 'not_in_team'
  // providers, contracts, referrals, modules, projects
  | 'contract_full'
  | 'contract_not_applicable'
  | 'already_referred'
  | 'not_referred'
  | 'already_enrolled'
  | 'extension_too_long'
  | 'closed_to_changes'
  // placements, employers, beschut werk, young people
  | 'sw_closed'
  | 'doelgroepregister_required'
  | 'employer_required'
  | 'beschut_advice_required'
  | 'employer_taken'
  | 'not_a_young_person';

/** An error the API explains to its caller as problem+json. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function assertUnreachable(value: never): never {
  throw new Error(`Unhandled case: ${String(value)}`);
}

/** The HTTP status for each error code. */
export function statusForCode(code: ErrorCode): number {
  switch (code) {
    case 'validation_failed':
    case 'password_too_short':
    case 'password_too_long':
    case 'password_too_common':
    case 'invalid_role_binding':
    case 'cannot_disable_self':
    case 'field_not_allowed':
    case 'unknown_reference':
    case 'growth_below_step':
    case 'not_in_team':
    case 'contract_not_applicable':
    case 'not_referred':
    case 'extension_too_long':
    case 'sw_closed':
    case 'doelgroepregister_required':
    case 'employer_required':
    case 'beschut_advice_required':
    case 'not_a_young_person':
      return 422;
    case 'not_found':
      return 404;
    case 'forbidden':
    case 'csrf_failed':
    case 'account_disabled':
      return 403;
    case 'unauthenticated':
    case 'invalid_credentials':
    case 'session_expired':
      return 401;
    case 'account_locked':
    case 'rate_limited':
      return 429;
    case 'conflict':
    case 'email_taken':
    case 'team_name_taken':
    case 'municipality_taken':
    case 'bsn_taken':
    case 'possible_duplicate':
    case 'invalid_transition':
    case 'contract_full':
    case 'already_referred':
    case 'already_enrolled':
    case 'closed_to_changes':
    case 'employer_taken':
      return 409;
    case 'precondition_failed':
      return 412;
    case 'precondition_required':
      return 428;
    case 'internal':
      return 500;
    default:
      return assertUnreachable(code);
  }
}

/** Short, stable titles (English; the UI translates by code). */
export function titleForCode(code: ErrorCode): string {
  return code.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

export const notFound = (what = 'Resource') => new AppError('not_found', `${what} not found`);
export const forbidden = (message = 'You are not allowed to do this') => new AppError('forbidden', message);
