import { z } from 'zod';
import { ROLES } from '../../../shared/roles.ts';

const named = z.object({ id: z.string(), name: z.string() });

/** Roles an administrator can give through the user screens; client accounts come from the dossier. */
const STAFF_ROLES = ROLES.filter((r) => r !== 'client') as [Exclude<(typeof ROLES)[number], 'client'>, ...Exclude<(typeof ROLES)[number], 'client'>[]];

export const userItem = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  team: named.nullable(),
  externalOrganisation: named.extend({ kind: z.enum(['provider', 'partner']) }).nullable(),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  policies: z.object({ update: z.boolean(), disable: z.boolean(), enable: z.boolean() }),
});

export const userListResponse = z.object({ items: z.array(userItem) });

export const createUserBody = z
  .object({
    email: z.string().trim().email().max(254),
    displayName: z.string().trim().min(1).max(200),
    role: z.enum(STAFF_ROLES),
    password: z.string(),
    teamId: z.string().uuid().nullish(),
    externalOrganisationId: z.string().uuid().nullish(),
  })
  .strict();

export const updateUserBody = z
  .object({
    displayName: z.string().trim().min(1).max(200).optional(),
    role: z.enum(STAFF_ROLES).optional(),
    teamId: z.string().uuid().nullish(),
    externalOrganisationId: z.string().uuid().nullish(),
  })
  .strict();

export const setPasswordBody = z.object({ password: z.string() }).strict();

export const userIdParams = z.object({ id: z.string().uuid() });

export type CreateUserInput = z.infer<typeof createUserBody>;
export type UpdateUserInput = z.infer<typeof updateUserBody>;
