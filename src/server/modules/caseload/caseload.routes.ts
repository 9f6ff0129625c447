import { z } from 'zod';
import { ROUTES, TARGET_GROUPS } from '../../../shared/client-fields.ts';
import type { App, Deps } from '../../http/types.ts';
import { ATTENTION_CODES, annualConversationsOverdue, caseload, reassignCaseload, teamCaseloads, type CaseloadEntry } from './caseload.service.ts';

const named = z.object({ id: z.string(), name: z.string() });
const attentionCounts = z.object({
  ladderOverdue: z.number(),
  annualConversationOverdue: z.number(),
  openSignals: z.number(),
  overdueTasks: z.number(),
  trajectoryEnding: z.number(),
});

const caseloadQuery = z.object({
  coachId: z.string().uuid().optional(),
  route: z.enum([...ROUTES, 'none']).optional(),
  step: z.union([z.coerce.number().int().min(1).max(6), z.literal('none')]).optional(),
  municipalityId: z.string().uuid().optional(),
  group: z.enum(TARGET_GROUPS).optional(),
  attention: z.enum(ATTENTION_CODES).optional(),
  // "true": the clients whose benefit has ended (uitgestroomd) instead of those still on it.
  outflowed: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

const caseloadItem = z.object({
  id: z.string(),
  clientNumber: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: z.string(),
  age: z.number().int(),
  municipality: named,
  coach: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  route: z.enum(ROUTES).nullable(),
  targetGroups: z.array(z.enum(TARGET_GROUPS)),
  ladder: z.object({ step: z.number().int().nullable(), measuredOn: z.string().nullable(), overdue: z.boolean() }),
  annualConversation: z.object({ required: z.boolean(), overdue: z.boolean(), lastOn: z.string().nullable() }),
  openSignalCount: z.number().int(),
  openTaskCount: z.number().int(),
  overdueTaskCount: z.number().int(),
  /** The day the benefit ended, for a client who left (uitgestroomd); null while on the benefit. */
  outflowedOn: z.string().nullable(),
  /** The planned end of a running trajectory (the earliest, if more run). */
  trajectoryEndsOn: z.string().nullable(),
  attention: z.array(z.enum(ATTENTION_CODES)),
});

const caseloadResponse = z.object({
  items: z.array(caseloadItem),
  total: z.number().int(),
  counts: z.object({
    total: z.number().int(),
    outflowed: z.number().int(),
    byRoute: z.record(z.string(), z.number()),
    byStep: z.record(z.string(), z.number()),
    byMunicipality: z.array(named.extend({ count: z.number() })),
    byGroup: z.record(z.string(), z.number()),
    attention: attentionCounts,
  }),
});

function presentCaseloadItem(e: CaseloadEntry) {
  return {
    id: e.id,
    clientNumber: e.client_number,
    firstName: e.first_name,
    lastName: e.last_name,
    dateOfBirth: e.date_of_birth,
    age: e.age,
    municipality: { id: e.municipality_id, name: e.municipality_name },
    coach: e.coach_id && e.coach_name ? { id: e.coach_id, displayName: e.coach_name } : null,
    route: e.route,
    targetGroups: e.target_groups,
    ladder: { step: e.ladder_step, measuredOn: e.ladder_measured_on, overdue: e.ladderOverdue },
    annualConversation: { required: e.annualRequired, overdue: e.annualOverdue, lastOn: e.annual_conversation_on },
    openSignalCount: e.open_signal_count,
    openTaskCount: Number(e.open_task_count),
    overdueTaskCount: Number(e.overdue_task_count),
    outflowedOn: e.outflowed ? e.benefit_ended_on : null,
    trajectoryEndsOn: e.trajectory_ends_on,
    attention: e.attention,
  };
}

/** "Mijn caseload", the team lead's view of the team, reassignment, and who is overdue for the yearly conversation. */
export function registerCaseloadRoutes(app: App, { db }: Deps): void {
  const tags = ['caseload'];
  app.get(
    '/api/caseload',
    { config: { access: 'caseload:read' }, schema: { tags, summary: 'A caseload, what needs attention first, with filter counts', querystring: caseloadQuery, response: { 200: caseloadResponse } } },
    async (request) => {
      const result = await caseload(db, request.context(), request.query);
      return { items: result.items.map(presentCaseloadItem), total: result.total, counts: result.counts };
    },
  );
  app.get(
    '/api/team/caseloads',
    {
      config: { access: 'team:manage' },
      schema: {
        tags,
        summary: "The team's caseloads side by side",
        response: { 200: z.object({ team: named, coaches: z.array(z.object({ id: z.string(), displayName: z.string(), clientCount: z.number(), outflowed: z.number(), attention: attentionCounts })), unassigned: z.number() }) },
      },
    },
    async (request) => teamCaseloads(db, request.context()),
  );
  app.post(
    '/api/team/reassign',
    {
      config: { access: 'team:manage' },
      schema: {
        tags,
        summary: 'Move all or chosen clients from one coach of the team to another',
        body: z.object({ fromCoachId: z.string().uuid(), toCoachId: z.string().uuid(), clientIds: z.array(z.string().uuid()).min(1).max(5000).optional() }).strict(),
        response: { 200: z.object({ moved: z.number().int(), tasksMoved: z.number().int() }) },
      },
    },
    async (request) => reassignCaseload(db, request.context(), request.body),
  );
  app.get(
    '/api/annual-conversations/overdue',
    {
      config: { access: 'annual-conversations:read' },
      schema: {
        tags,
        summary: 'Clients aged 27–65 without a yearly conversation in twelve months',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50), offset: z.coerce.number().int().min(0).default(0) }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                clientNumber: z.string(),
                firstName: z.string(),
                lastName: z.string(),
                age: z.number().int(),
                municipality: named,
                coach: z.object({ id: z.string(), displayName: z.string() }).nullable(),
                lastOn: z.string().nullable(),
              }),
            ),
            total: z.number().int(),
          }),
        },
      },
    },
    async (request) => {
      const { rows, total } = await annualConversationsOverdue(db, request.context(), request.query);
      return {
        items: rows.map((r) => ({
          id: r.id,
          clientNumber: r.client_number,
          firstName: r.first_name,
          lastName: r.last_name,
          age: r.age,
          municipality: { id: r.municipality_id, name: r.municipality_name },
          coach: r.coach_id && r.coach_name ? { id: r.coach_id, displayName: r.coach_name } : null,
          lastOn: r.annual_conversation_on,
        })),
        total,
      };
    },
  );
}
