import { z } from 'zod';
import { ROLES } from '../../../shared/roles.ts';

export const loginBody = z.object({
  email: z.string().trim().email().max(254),
  password: z.string().min(1).max(1024),
});

const named = z.object({ id: z.string(), name: z.string() });

/** Who am I: the user, their organisation, and what they may do (the UI builds navigation from it). */
export const meResponse = z.object({
  user: z.object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    organisation: named,
    team: named.nullable(),
    externalOrganisation: named.extend({ kind: z.enum(['provider', 'partner']) }).nullable(),
  }),
  csrfToken: z.string(),
  permissions: z.array(z.string()),
});
export type MeResponse = z.infer<typeof meResponse>;
