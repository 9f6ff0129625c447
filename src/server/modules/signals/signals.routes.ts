import { z } from 'zod';
import { ESCALATION_TARGETS, SIGNAL_DOMAINS, SIGNAL_SEVERITIES, SIGNAL_STATUSES } from '../../../shared/client-fields.ts';
import { todayIso } from '../../../shared/dates.ts';
import { PARTNER_KINDS } from '../../../shared/referrals.ts';
import type { Actor } from '../../authz/actor.ts';
import { abilitiesOf } from '../../authz/policy.ts';
import type { App, Deps } from '../../http/types.ts';
import { clientIdParams, ifMatchHeaders, isoDate } from '../clients/clients.schema.ts';
import { versionFromIfMatch } from '../clients/clients.service.ts';
import { signalPolicy } from './signals.policy.ts';
import type { EscalationRow, SignalRow, TeamEscalationRow } from './signals.repository.ts';
import { escalateSignal, partnersFor, raiseSignal, reportOutcome, signalsOf, teamOpenEscalations, updateSignal } from './signals.service.ts';

const escalationItem = z.object({
  id: z.string(),
  targetKind: z.enum(ESCALATION_TARGETS),
  externalOrganisation: z.object({ id: z.string(), name: z.string() }).nullable(),
  question: z.string(),
  dueOn: z.string(),
  status: z.enum(['open', 'teruggemeld']),
  outcome: z.string().nullable(),
  reportedAt: z.string().nullable(),
});
const signalItem = z.object({
  id: z.string(),
  domain: z.enum(SIGNAL_DOMAINS),
  severity: z.enum(SIGNAL_SEVERITIES),
  status: z.enum(SIGNAL_STATUSES),
  description: z.string(),
  followUpOn: z.string().nullable(),
  raisedAt: z.string(),
  raisedBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  version: z.number().int(),
  escalations: z.array(escalationItem),
  policies: z.object({ update: z.boolean(), escalate: z.boolean(), reportOutcome: z.boolean() }),
});
const raiseBody = z
  .object({ domain: z.enum(SIGNAL_DOMAINS), severity: z.enum(SIGNAL_SEVERITIES), description: z.string().trim().min(3).max(5000), followUpOn: isoDate.nullish() })
  .strict();
const updateBody = z.object({ status: z.enum(SIGNAL_STATUSES).optional(), severity: z.enum(SIGNAL_SEVERITIES).optional(), followUpOn: isoDate.nullish() }).strict();
const escalateBody = z
  .object({ targetKind: z.enum(ESCALATION_TARGETS), externalOrganisationId: z.string().uuid().nullish(), question: z.string().trim().min(3).max(5000), dueOn: isoDate })
  .strict();
const idParams = z.object({ id: z.string().uuid() });

function presentEscalation(e: EscalationRow) {
  return {
    id: e.id,
    targetKind: e.target_kind,
    externalOrganisation: e.external_id && e.external_name ? { id: e.external_id, name: e.external_name } : null,
    question: e.question,
    dueOn: e.due_on,
    status: e.status,
    outcome: e.outcome,
    reportedAt: e.reported_at ? e.reported_at.toISOString() : null,
  };
}

function presentSignal(actor: Actor, signal: SignalRow, escalations: EscalationRow[]) {
  const abilities = abilitiesOf(actor, signalPolicy, signal);
  return {
    id: signal.id,
    domain: signal.domain as (typeof SIGNAL_DOMAINS)[number],
    severity: signal.severity,
    status: signal.status,
    description: signal.description,
    followUpOn: signal.follow_up_on,
    raisedAt: signal.raised_at.toISOString(),
    raisedBy: signal.raised_by_id && signal.raised_by_name ? { id: signal.raised_by_id, displayName: signal.raised_by_name } : null,
    version: signal.version,
    escalations: escalations.map(presentEscalation),
    policies: { ...abilities, reportOutcome: escalations.some((e) => e.status === 'open') },
  };
}

const teamEscalationItem = z.object({
  id: z.string(),
  targetKind: z.enum(ESCALATION_TARGETS),
  partner: z.string().nullable(),
  question: z.string(),
  dueOn: z.string(),
  overdue: z.boolean(),
  escalatedOn: z.string(),
  signal: z.object({ id: z.string(), domain: z.enum(SIGNAL_DOMAINS), severity: z.enum(SIGNAL_SEVERITIES) }),
  client: z.object({ id: z.string(), clientNumber: z.string(), firstName: z.string(), lastName: z.string() }),
  coach: z.object({ id: z.string(), displayName: z.string() }).nullable(),
});
const teamEscalationsResponse = z.object({ items: z.array(teamEscalationItem), total: z.number().int(), overdue: z.number().int() });

/** One open escalation in the team lead's overview: what, for whom, by when, whose client. */
function presentTeamEscalation(row: TeamEscalationRow, today: string): z.infer<typeof teamEscalationItem> {
  return {
    id: row.id,
    targetKind: row.target_kind,
    partner: row.partner_name,
    question: row.question,
    dueOn: row.due_on,
    overdue: row.due_on < today,
    escalatedOn: todayIso(row.created_at),
    signal: { id: row.signal_id, domain: row.domain as (typeof SIGNAL_DOMAINS)[number], severity: row.severity },
    client: { id: row.client_id, clientNumber: row.client_number, firstName: row.first_name, lastName: row.last_name },
    coach: row.coach_id && row.coach_name ? { id: row.coach_id, displayName: row.coach_name } : null,
  };
}

/** Signals on life domains, escalation to a support team or partner, and the outcome reported back. */
export function registerSignalRoutes(app: App, { db }: Deps): void {
  const tags = ['signals'];
  app.get(
    '/api/clients/:id/signals',
    { config: { access: 'clients:write' }, schema: { tags, summary: "A client's signals with escalations", params: clientIdParams, response: { 200: z.object({ items: z.array(signalItem) }) } } },
    async (request) => {
      const ctx = request.context();
      return { items: (await signalsOf(db, ctx, request.params.id)).map(({ signal, escalations }) => presentSignal(ctx.actor, signal, escalations)) };
    },
  );
  app.post(
    '/api/clients/:id/signals',
    { config: { access: 'clients:write' }, schema: { tags, summary: 'Raise a signal', params: clientIdParams, body: raiseBody, response: { 201: signalItem } } },
    async (request, reply) => {
      const ctx = request.context();
      return reply.status(201).send(presentSignal(ctx.actor, await raiseSignal(db, ctx, request.params.id, request.body), []));
    },
  );
  app.patch(
    '/api/signals/:id',
    { config: { access: 'clients:write' }, schema: { tags, summary: 'Change status, severity or follow-up date (If-Match)', params: idParams, headers: ifMatchHeaders, body: updateBody } },
    async (request, reply) => {
      const ctx = request.context();
      const signal = await updateSignal(db, ctx, request.params.id, versionFromIfMatch(request.headers['if-match']), request.body);
      return reply.header('etag', `"${signal.version}"`).send({ id: signal.id, status: signal.status, severity: signal.severity, followUpOn: signal.follow_up_on, version: signal.version });
    },
  );
  app.post(
    '/api/signals/:id/escalations',
    { config: { access: 'clients:write' }, schema: { tags, summary: 'Escalate to Team Ondersteuning or Kernteam, or refer to a partner', params: idParams, body: escalateBody } },
    async (request, reply) => {
      const id = await escalateSignal(db, request.context(), request.params.id, request.body);
      return reply.status(201).send({ id });
    },
  );
  app.post(
    '/api/escalations/:id/outcome',
    { config: { access: 'clients:write' }, schema: { tags, summary: 'Report the outcome of an escalation', params: idParams, body: z.object({ outcome: z.string().trim().min(3).max(5000) }).strict() } },
    async (request, reply) => {
      await reportOutcome(db, request.context(), request.params.id, request.body.outcome);
      return reply.status(204).send();
    },
  );
  app.get(
    '/api/team/escalations',
    {
      config: { access: 'team:manage' },
      schema: { tags, summary: "The team's open escalations, overdue ones first", response: { 200: teamEscalationsResponse } },
    },
    async (request) => {
      const { rows, total, overdue, today } = await teamOpenEscalations(db, request.context());
      return { items: rows.map((r) => presentTeamEscalation(r, today)), total, overdue };
    },
  );
  app.get(
    '/api/partners',
    { config: { access: 'partners:read' }, schema: { tags, summary: 'Network partners to refer to', response: { 200: z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), partnerKind: z.enum(PARTNER_KINDS).nullable() })) }) } } },
    async (request) => ({ items: await partnersFor(db, request.context()) }),
  );
}
