import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { createRequire } from 'node:module';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../shared/password-rules.ts';
import { AppError } from '../../http/errors.ts';

/** OWASP's argon2id minimum: 19 MiB memory, 2 iterations, 1 lane. Asserted in a test. */
export const ARGON2_OPTIONS = Object.freeze({
  // Algorithm.Argon2id; the enum is const and cannot be imported under verbatimModuleSyntax.
  algorithm: 2 as Algorithm,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
});

const require = createRequire(import.meta.url);
const commonPasswords: { test(password: string): boolean } = require('fxa-common-password-list');

/** Length 12–128, no composition rules, not on the common-password list (NIST SP 800-63B). */
export function assertAcceptablePassword(password: string): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    throw new AppError('password_too_short', `Password must be at least ${PASSWORD_MIN_LENGTH} characters`);
  }
  if (length > PASSWORD_MAX_LENGTH) {
    throw new AppError('password_too_long', `Password must be at most ${PASSWORD_MAX_LENGTH} characters`);
  }
  if (commonPasswords.test(password) || commonPasswords.test(password.toLowerCase())) {
    throw new AppError('password_too_common', 'This password is too common; choose another');
  }
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the e-mail is unknown, so timing does not reveal which accounts exist. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('dummy-password-for-timing-only');
  return dummyHash;
}
