import { z } from 'zod';
import { clientRef } from '../group-modules/group-modules.schema.ts';
import { isoDate } from '../clients/clients.schema.ts';

/** Request and response shapes of projects (see the API contract). */

export const projectIdParams = z.object({ id: z.string().uuid() });
export const participantParams = z.object({ id: z.string().uuid(), clientId: z.string().uuid() });
export const projectListQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

const count = z.number().int().nullable();
export const projectItem = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  municipality: z.object({ id: z.string(), name: z.string() }).nullable(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  version: z.number().int(),
  /** Null when the count is too small to show to the caller (1–4, for policy officers). */
  participants: count,
  participantsByYear: z.record(z.string(), count),
  policies: z.object({ update: z.boolean(), addParticipant: z.boolean(), readParticipants: z.boolean() }),
});
export const projectList = z.object({ items: z.array(projectItem) });

const participant = z.object({ client: clientRef, joinedOn: z.string(), leftOn: z.string().nullable() });
export const projectDetail = projectItem.omit({ participants: true }).extend({ participantCount: count, participants: z.array(participant) });
export const participantResult = participant;

const fields = {
  name: z.string().trim().min(2).max(160),
  description: z.string().trim().max(4000).optional(),
  municipalityId: z.string().uuid().nullish(),
  startsOn: isoDate,
  endsOn: isoDate.nullish(),
};
export const createProjectBody = z.object(fields).strict();
export const updateProjectBody = z.object(fields).partial().strict();
export const addParticipantBody = z.object({ clientId: z.string().uuid(), joinedOn: isoDate }).strict();
export const leaveProjectBody = z.object({ leftOn: isoDate }).strict();

export const clientProjects = z.object({ items: z.array(z.object({ projectId: z.string(), name: z.string(), joinedOn: z.string(), leftOn: z.string().nullable() })) });
