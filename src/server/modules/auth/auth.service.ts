import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { Actor } from '../../authz/actor.ts';
import type { Executor } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';
import { findUserByEmail, recordFailedLogin, recordSuccessfulLogin } from '../users/users.repository.ts';
import { accountLocked, invalidCredentials } from './auth.errors.ts';
import { dummyPasswordHash, verifyPassword } from './password.ts';
import { deleteSession, findSessionWithUser, insertSession, touchSession } from './sessions.repository.ts';

/** The cookie token is random; the database keeps only its hash. */
export function sessionIdFromToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** last_seen_at is written at most this often, so a busy page does not write on every request. */
const TOUCH_INTERVAL_MS = 60_000;

export type SessionActor = { actor: Actor; sessionId: string; csrfToken: string };

/**
 * Checks e-mail and password, counts failures and locks after too many, and opens a session.
 * The same error for an unknown e-mail and a wrong password, with the same cost.
 */
export async function logIn(db: Kysely<DB>, config: Config, email: string, password: string, now = new Date()) {
  const user = await findUserByEmail(db, email);
  if (!user) {
    await verifyPassword(await dummyPasswordHash(), password);
    throw invalidCredentials();
  }
  if (user.locked_until && user.locked_until > now) throw accountLocked(user.locked_until);
  const ok = await verifyPassword(user.password_hash, password);
  if (!ok) {
    const lockUntil = new Date(now.getTime() + config.login.lockoutMinutes * 60_000);
    const result = await recordFailedLogin(db, user.id, config.login.maxFailures, lockUntil);
    if (result.locked_until && result.locked_until > now) throw accountLocked(result.locked_until);
    throw invalidCredentials();
  }
  if (user.disabled_at) throw new AppError('account_disabled', 'This account has been disabled');

  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db.transaction().execute(async (trx) => {
    await recordSuccessfulLogin(trx, user.id, now);
    await insertSession(trx, {
      id: sessionIdFromToken(token),
      organisation_id: user.organisation_id,
      user_id: user.id,
      csrf_token: csrfToken,
      expires_at: new Date(now.getTime() + config.session.absoluteHours * 3_600_000),
    });
  });
  return { token, csrfToken, userId: user.id };
}

/**
 * Resolves a session cookie to the acting user, enforcing the idle and absolute timeouts and a
 * disabled account. Returns undefined when there is no valid session (and removes a dead one).
 */
export async function resolveSession(db: Executor, config: Config, token: string, now = new Date()): Promise<SessionActor | undefined> {
  const sessionId = sessionIdFromToken(token);
  const row = await findSessionWithUser(db, sessionId);
  if (!row) return undefined;
  const idleLimit = new Date(now.getTime() - config.session.idleMinutes * 60_000);
  if (row.expires_at <= now || row.last_seen_at <= idleLimit || row.disabled_at) {
    await deleteSession(db, sessionId);
    return undefined;
  }
  if (now.getTime() - row.last_seen_at.getTime() > TOUCH_INTERVAL_MS) await touchSession(db, sessionId, now);
  return {
    sessionId,
    csrfToken: row.csrf_token,
    actor: {
      userId: row.user_id,
      organisationId: row.organisation_id,
      role: row.role,
      displayName: row.display_name,
      email: row.email,
      teamId: row.team_id,
      externalOrganisationId: row.external_organisation_id,
      clientId: row.client_id,
      coachClientScope: row.coach_client_scope,
    },
  };
}

export async function logOut(db: Executor, sessionId: string): Promise<void> {
  await deleteSession(db, sessionId);
}
