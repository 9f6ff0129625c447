import { z } from 'zod';
import { isoDate } from '../clients/clients.schema.ts';

/** Request and response shapes of group modules, cohorts, the waiting list and attendance (see the API contract). */

export const idParams = z.object({ id: z.string().uuid() });
const named = z.object({ id: z.string(), name: z.string() });
const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullish().transform((v) => (v ? v : null));

export const COHORT_STATUSES = ['gepland', 'lopend', 'afgerond', 'geannuleerd'] as const;
export const ATTENDANCE_STATUSES = ['aanwezig', 'afgemeld', 'afwezig'] as const;
const ENROLMENT_STATUSES = ['invited', 'selected', 'not_selected', 'waiting', 'placed', 'completed', 'left'] as const;

export const moduleItem = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  provider: named.nullable(),
  active: z.boolean(),
  version: z.number().int(),
  upcomingCohorts: z.number().int(),
  policies: z.object({ update: z.boolean(), planCohort: z.boolean() }),
});
export const moduleList = z.object({ items: z.array(moduleItem) });
export const createModuleBody = z
  .object({ name: text(120).min(2), description: text(2000).optional(), providerId: z.string().uuid().nullish() })
  .strict();
export const updateModuleBody = z.object({ name: text(120).min(2).optional(), description: text(2000).optional(), active: z.boolean().optional() }).strict();

export const cohortSummary = z.object({
  id: z.string(),
  moduleId: z.string(),
  moduleName: z.string(),
  label: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  capacity: z.number().int(),
  location: z.string().nullable(),
  collective: z.boolean(),
  status: z.enum(COHORT_STATUSES),
  counts: z.object({ placed: z.number().int(), waiting: z.number().int(), invited: z.number().int(), selected: z.number().int(), free: z.number().int() }),
  version: z.number().int(),
  policies: z.object({ update: z.boolean(), enrol: z.boolean(), manage: z.boolean(), start: z.boolean(), recordAttendance: z.boolean() }),
});
export const cohortList = z.object({ items: z.array(cohortSummary) });
export const planCohortBody = z
  .object({
    label: text(120).min(1),
    startsOn: isoDate,
    endsOn: isoDate.nullish(),
    capacity: z.number().int().min(1).max(500),
    location: optionalText(200),
    collective: z.boolean().optional(),
  })
  .strict();
export const updateCohortBody = z
  .object({
    label: text(120).min(1).optional(),
    startsOn: isoDate.optional(),
    endsOn: isoDate.nullish(),
    capacity: z.number().int().min(1).max(500).optional(),
    location: optionalText(200).optional(),
    status: z.enum(COHORT_STATUSES).optional(),
  })
  .strict();

/** A client as an overview shows them; null when the client lies outside the caller's scope ("andere deelnemer"). */
export const clientRef = z.object({ id: z.string(), name: z.string(), clientNumber: z.string() }).nullable();
const enrolmentPolicies = z.object({ leave: z.boolean(), complete: z.boolean(), prioritise: z.boolean(), select: z.boolean() });
const attendanceCounts = z.object({ aanwezig: z.number().int(), afgemeld: z.number().int(), afwezig: z.number().int() });

export const sessionItem = z.object({ id: z.string(), startsAt: z.string(), endsAt: z.string().nullable(), topic: z.string().nullable(), attendance: attendanceCounts });
export const cohortOverview = cohortSummary.extend({
  sessions: z.array(sessionItem),
  participants: z.array(
    z.object({
      enrolmentId: z.string(),
      status: z.enum(['placed', 'completed']),
      client: clientRef,
      placedAt: z.string().nullable(),
      priority: z.boolean(),
      attendanceRate: z.number().nullable(),
      policies: enrolmentPolicies,
    }),
  ),
  waitingList: z.array(
    z.object({ enrolmentId: z.string(), position: z.number().int(), client: clientRef, requestedAt: z.string(), priority: z.boolean(), policies: enrolmentPolicies }),
  ),
  candidates: z.array(
    z.object({ enrolmentId: z.string(), status: z.enum(['invited', 'selected', 'not_selected']), client: clientRef, intakeNote: z.string().nullable(), endReason: z.string().nullable(), policies: enrolmentPolicies }),
  ),
});

export const addSessionBody = z
  .object({ startsAt: z.string().datetime({ offset: true }), endsAt: z.string().datetime({ offset: true }).nullish(), topic: optionalText(200) })
  .strict();

export const attendanceBody = z
  .object({
    items: z
      .array(z.object({ enrolmentId: z.string().uuid(), status: z.enum(ATTENDANCE_STATUSES), note: optionalText(1000) }).strict())
      .min(1)
      .max(500),
  })
  .strict();
export const attendanceList = z.object({
  items: z.array(z.object({ enrolmentId: z.string(), client: clientRef, status: z.enum(ATTENDANCE_STATUSES).nullable(), note: z.string().nullable() })),
});

export const enrolBody = z.object({ clientId: z.string().uuid(), priority: z.boolean().optional() }).strict();
export const enrolmentResult = z.object({
  enrolmentId: z.string(),
  status: z.enum(ENROLMENT_STATUSES),
  position: z.number().int().nullable(),
  priority: z.boolean(),
});
export const leaveBody = z.object({ reason: text(1000).min(2) }).strict();
export const priorityBody = z.object({ priority: z.boolean() }).strict();
export const invitationsBody = z.object({ clientIds: z.array(z.string().uuid()).min(1).max(100) }).strict();
export const invitationsResult = z.object({ items: z.array(z.object({ enrolmentId: z.string(), clientId: z.string(), status: z.literal('invited') })) });
export const selectionBody = z.object({ selected: z.boolean(), intakeNote: optionalText(2000) }).strict();

export const clientEnrolments = z.object({
  items: z.array(
    z.object({
      enrolmentId: z.string(),
      cohortId: z.string(),
      moduleName: z.string(),
      cohortLabel: z.string(),
      startsOn: z.string(),
      status: z.enum(ENROLMENT_STATUSES),
      position: z.number().int().nullable(),
      attendanceRate: z.number().nullable(),
    }),
  ),
});
