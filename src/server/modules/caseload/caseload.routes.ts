import { z } from 'zod';
import { ROUTES, TARGET_GROUPS } from '../../../shared/client-fields.ts';
import type { App, Deps } from '../../http/types.ts';
import { ATTENTION_CODES, attentionCodes, type CaseloadEntry } from './caseload.attention.ts';
import { annualConversationsOverdue, caseload, reassignCaseload, teamCaseloads } from './caseload.service.ts';

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

/** The fields of a caseload client that leave the server; the BSN and its pseudonym are not among them. */
function presentCaseloadItem(e: CaseloadEntry) {
  const { row } = e;
  return {
    id: row.id,
    clientNumber: row.client_number,
    firstName: row.first_name,
    lastName: row.last_name,
    dateOfBirth: row.date_of_birth,
    age: e.age,
    municipality: { id: row.municipality_id, name: row.municipality_name },
    coach: row.coach_id && row.coach_name ? { id: row.coach_id, displayName: row.coach_name } : null,
    route: row.route,
    targetGroups: row.target_groups,
    ladder: { step: row.ladder_step, measuredOn: row.ladder_measured_on, overdue: e.ladderOverdue },
    annualConversation: { required: e.annualRequired, overdue: e.annualOverdue, lastOn: row.annual_conversation_on },
    openSignalCount: row.open_signal_count,
    openTaskCount: row.open_task_count,
    overdueTaskCount: row.overdue_task_count,
    outflowedOn: e.outflowed ? row.benefit_ended_on : null,
    trajectoryEndsOn: row.trajectory_ends_on,
    attention: attentionCodes(e),
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
