import { z } from 'zod';

export const teamItem = z.object({
  id: z.string(),
  name: z.string(),
  municipality: z.object({ id: z.string(), name: z.string() }).nullable(),
  memberCount: z.number().int(),
  policies: z.object({ update: z.boolean() }),
});
export const teamListResponse = z.object({ items: z.array(teamItem) });
export const createTeamBody = z.object({ name: z.string().trim().min(1).max(120), municipalityId: z.string().uuid().nullish() }).strict();
export const updateTeamBody = z.object({ name: z.string().trim().min(1).max(120).optional(), municipalityId: z.string().uuid().nullish() }).strict();
export const teamIdParams = z.object({ id: z.string().uuid() });
