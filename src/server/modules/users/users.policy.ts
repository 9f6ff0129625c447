import { definePolicy } from '../../authz/policy.ts';

type UserRef = { id: string; organisation_id: string; disabled_at: Date | null };

/** Object rules for user accounts; nobody disables themselves (and so locks the service out). */
export const userPolicy = definePolicy<UserRef, 'update' | 'disable' | 'enable'>({
  update: (actor, user) => actor.role === 'administrator' && actor.organisationId === user.organisation_id,
  disable: (actor, user) =>
    actor.role === 'administrator' && actor.organisationId === user.organisation_id && user.id !== actor.userId && !user.disabled_at,
  enable: (actor, user) => actor.role === 'administrator' && actor.organisationId === user.organisation_id && !!user.disabled_at,
});
