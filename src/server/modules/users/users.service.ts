import type { Kysely } from 'kysely';
import { EXTERNAL_ROLES, type Role } from '../../../shared/roles.ts';
import { authorize } from '../../authz/policy.ts';
import type { Executor } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { recordAuditEvent } from '../audit/audit.ts';
import { deleteSessionsOfUser } from '../auth/sessions.repository.ts';
import { assertAcceptablePassword, hashPassword } from '../auth/password.ts';
import { userPolicy } from './users.policy.ts';
import {
  findExternalOrganisation,
  findUserByEmail,
  findUserListRow,
  insertUser,
  listUsers,
  teamBelongsTo,
  updateUser as updateUserRow,
} from './users.repository.ts';
import type { CreateUserInput, UpdateUserInput } from './users.schema.ts';

export async function listStaffUsers(db: Kysely<DB>, ctx: RequestContext) {
  return listUsers(db, ctx.actor.organisationId);
}

/**
 * A provider coach belongs to a provider, a partner to a partner organisation, nobody else to
 * either; a team must be the organisation's own.
 */
async function assertValidBinding(db: Executor, organisationId: string, role: Role, teamId: string | null, externalId: string | null) {
  const externalKind = EXTERNAL_ROLES[role as keyof typeof EXTERNAL_ROLES];
  if (externalKind) {
    const external = externalId ? await findExternalOrganisation(db, organisationId, externalId) : undefined;
    if (!external || external.kind !== externalKind) {
      throw new AppError('invalid_role_binding', `Role ${role} needs an external organisation of kind ${externalKind}`);
    }
  } else if (externalId) {
    throw new AppError('invalid_role_binding', `Role ${role} cannot belong to an external organisation`);
  }
  if (teamId && !(await teamBelongsTo(db, organisationId, teamId))) {
    throw new AppError('invalid_role_binding', 'Unknown team');
  }
}

export async function createUser(db: Kysely<DB>, ctx: RequestContext, input: CreateUserInput) {
  assertAcceptablePassword(input.password);
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const orgId = ctx.actor.organisationId;
    await assertValidBinding(trx, orgId, input.role, input.teamId ?? null, input.externalOrganisationId ?? null);
    if (await findUserByEmail(trx, input.email)) throw new AppError('email_taken', 'A user with this e-mail address exists');
    const { id } = await insertUser(trx, {
      organisation_id: orgId,
      email: input.email,
      display_name: input.displayName,
      role: input.role,
      team_id: input.teamId ?? null,
      external_organisation_id: input.externalOrganisationId ?? null,
      password_hash: passwordHash,
    });
    await recordAuditEvent(trx, ctx, { action: 'user.created', subjectType: 'user', subjectId: id, details: { role: input.role } });
    return (await findUserListRow(trx, orgId, id))!;
  });
}

async function loadUser(db: Executor, ctx: RequestContext, userId: string) {
  const user = await findUserListRow(db, ctx.actor.organisationId, userId);
  if (!user) throw notFound('User');
  return user;
}

export async function updateUser(db: Kysely<DB>, ctx: RequestContext, userId: string, input: UpdateUserInput) {
  return db.transaction().execute(async (trx) => {
    const user = await loadUser(trx, ctx, userId);
    authorize(ctx.actor, userPolicy, 'update', user);
    const role = input.role ?? user.role;
    const teamId = input.teamId === undefined ? user.team_id : input.teamId;
    const externalId = input.externalOrganisationId === undefined ? user.external_organisation_id : input.externalOrganisationId;
    await assertValidBinding(trx, ctx.actor.organisationId, role, teamId, externalId);
    await updateUserRow(trx, ctx.actor.organisationId, userId, {
      display_name: input.displayName ?? user.display_name,
      role,
      team_id: teamId,
      external_organisation_id: externalId,
    });
    // A change of role or organisation changes what the user may see: their sessions end.
    if (role !== user.role || externalId !== user.external_organisation_id || teamId !== user.team_id) {
      await deleteSessionsOfUser(trx, userId);
    }
    await recordAuditEvent(trx, ctx, { action: 'user.updated', subjectType: 'user', subjectId: userId, details: { fields: Object.keys(input) } });
    return (await findUserListRow(trx, ctx.actor.organisationId, userId))!;
  });
}

/** Disabling ends every session of the user at once. */
export async function disableUser(db: Kysely<DB>, ctx: RequestContext, userId: string) {
  return db.transaction().execute(async (trx) => {
    const user = await loadUser(trx, ctx, userId);
    if (user.id === ctx.actor.userId) throw new AppError('cannot_disable_self', 'You cannot disable your own account');
    authorize(ctx.actor, userPolicy, 'disable', user);
    await updateUserRow(trx, ctx.actor.organisationId, userId, { disabled_at: new Date() });
    await deleteSessionsOfUser(trx, userId);
    await recordAuditEvent(trx, ctx, { action: 'user.disabled', subjectType: 'user', subjectId: userId });
    return (await findUserListRow(trx, ctx.actor.organisationId, userId))!;
  });
}

export async function enableUser(db: Kysely<DB>, ctx: RequestContext, userId: string) {
  return db.transaction().execute(async (trx) => {
    const user = await loadUser(trx, ctx, userId);
    authorize(ctx.actor, userPolicy, 'enable', user);
    await updateUserRow(trx, ctx.actor.organisationId, userId, { disabled_at: null, locked_until: null, failed_login_count: 0 });
    await recordAuditEvent(trx, ctx, { action: 'user.enabled', subjectType: 'user', subjectId: userId });
    return (await findUserListRow(trx, ctx.actor.organisationId, userId))!;
  });
}

/** An administrator sets a new password (e.g. after a lock-out); the user's sessions end. */
export async function setUserPassword(db: Kysely<DB>, ctx: RequestContext, userId: string, password: string) {
  assertAcceptablePassword(password);
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const user = await loadUser(trx, ctx, userId);
    authorize(ctx.actor, userPolicy, 'update', user);
    await updateUserRow(trx, ctx.actor.organisationId, userId, { password_hash: passwordHash, locked_until: null, failed_login_count: 0 });
    await deleteSessionsOfUser(trx, userId);
    await recordAuditEvent(trx, ctx, { action: 'user.password_set', subjectType: 'user', subjectId: userId });
  });
}
