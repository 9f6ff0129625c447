import { AppError } from '../../http/errors.ts';

export const invalidCredentials = () => new AppError('invalid_credentials', 'E-mail address or password is incorrect');
export const accountLocked = (until: Date) =>
  new AppError('account_locked', 'Too many failed attempts; the account is locked for a while', { lockedUntil: until.toISOString() });
export const unauthenticated = () => new AppError('unauthenticated', 'Log in first');
export const csrfFailed = () => new AppError('csrf_failed', 'Missing or wrong CSRF token');
