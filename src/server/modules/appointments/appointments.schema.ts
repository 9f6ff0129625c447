import { z } from 'zod';
import { ROLES } from '../../../shared/roles.ts';

/** An appointment as the dossier and the client's own page show it. */
export const appointmentItem = z.object({
  id: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  location: z.string(),
  purpose: z.string(),
  status: z.enum(['gepland', 'geannuleerd']),
  cancelReason: z.string().nullable(),
  with: z.object({ displayName: z.string(), role: z.enum(ROLES) }).nullable(),
  policies: z.object({ cancel: z.boolean() }),
});

export const appointmentList = z.object({ items: z.array(appointmentItem), policies: z.object({ schedule: z.boolean() }) });

/** Planning an appointment: a moment with its time-zone offset, a duration, a place and what it is about. */
export const scheduleBody = z
  .object({
    startsAt: z.iso.datetime({ offset: true }),
    durationMinutes: z.number().int().min(10).max(480),
    location: z.string().trim().min(1).max(200),
    purpose: z.string().trim().min(1).max(500),
    /** Whom the client meets; the one who plans it when absent. */
    withUserId: z.string().uuid().optional(),
  })
  .strict();

export type ScheduleInput = z.infer<typeof scheduleBody>;

export const cancelBody = z.object({ reason: z.string().trim().min(1).max(500) }).strict();

export const appointmentParams = z.object({ id: z.string().uuid(), appointmentId: z.string().uuid() });
