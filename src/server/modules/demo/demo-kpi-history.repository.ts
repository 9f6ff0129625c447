/**
 * Reads and writes of the demo's KPI history (demo-kpi-history.ts): what each demo client
 * already has, and the few bulk changes that history adds. Demo only.
 */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { OutflowReason } from '../../../shared/client-fields.ts';

export type DemoKpiClient = {
  id: string;
  municipality_id: string;
  route: string | null;
  date_of_birth: string;
  benefit_start_date: string;
  /** The day the benefit ended (outflow), if it did. */
  benefit_ended_on: string | null;
  coach_id: string | null;
  /** Measurements in date order: [measured_on, step]. */
  measurements: { on: string; step: number }[];
  conversations: string[];
  /** The last day anything happened or is planned for the client (measurement, contact, referral, placement, appointment, module, timeline event); an ended referral's planned end does not count. */
  last_activity: string | null;
  /** The end of the latest completed trajectory, if any. */
  completed_on: string | null;
  /** The first trajectory referral: its request day and the steps its product is for. */
  first_request: { on: string; from: number; to: number } | null;
  /** The day of the newest trajectory referral. */
  last_request: string | null;
  /** A referral still requested, accepted or running: the client does not leave while it is open. */
  open_referral: boolean;
};

/** Every demo client with its ladder history, yearly conversations and last activity. */
export async function listDemoKpiClients(db: Executor, organisationId: string): Promise<DemoKpiClient[]> {
  const { rows } = await sql<Omit<DemoKpiClient, 'measurements'> & { measurements: [string, number][] | null; conversations: string[] | null }>`
    select c.id, c.municipality_id, c.route, to_char(c.date_of_birth, 'YYYY-MM-DD') as date_of_birth,
      to_char(coalesce(c.benefit_start_date, c.created_at::date), 'YYYY-MM-DD') as benefit_start_date,
      to_char(c.benefit_ended_on, 'YYYY-MM-DD') as benefit_ended_on, c.coach_id,
      (select json_agg(json_build_array(to_char(l.measured_on, 'YYYY-MM-DD'), l.step) order by l.measured_on) from ladder_measurements l where l.client_id = c.id) as measurements,
      (select json_agg(to_char(m.occurred_on, 'YYYY-MM-DD') order by m.occurred_on) from contact_moments m where m.client_id = c.id and m.kind = 'jaargesprek') as conversations,
      to_char(greatest(
        (select max(l.measured_on) from ladder_measurements l where l.client_id = c.id),
        (select max(m.occurred_on) from contact_moments m where m.client_id = c.id),
        (select max(greatest(r.requested_at::date, r.started_on, coalesce(r.ended_on, r.planned_end_on))) from referrals r where r.client_id = c.id),
        (select max(greatest(p.starts_on, p.ended_on)) from placements p where p.client_id = c.id),
        (select max(a.starts_at::date) from appointments a where a.client_id = c.id),
        (select max(t.occurred_at::date) from timeline_events t where t.client_id = c.id and t.kind <> 'client.outflow'),
        (select max(case when e.status in ('placed', 'waiting', 'invited', 'selected') then greatest(e.requested_at::date, h.ends_on) else greatest(e.requested_at::date, e.ended_at::date) end)
          from enrolments e join cohorts h on h.id = e.cohort_id where e.client_id = c.id)
      ), 'YYYY-MM-DD') as last_activity,
      (select to_char(max(r.ended_on), 'YYYY-MM-DD') from referrals r where r.client_id = c.id and r.kind = 'trajectory' and r.status = 'completed') as completed_on,
      (select json_build_object('on', to_char(r.requested_at, 'YYYY-MM-DD'), 'from', coalesce(k.ladder_from, 1), 'to', coalesce(k.ladder_to, 6))
        from referrals r join contracts k on k.id = r.contract_id where r.client_id = c.id and r.kind = 'trajectory' order by r.requested_at limit 1) as first_request,
      (select to_char(max(r.requested_at), 'YYYY-MM-DD') from referrals r where r.client_id = c.id and r.kind = 'trajectory') as last_request,
      exists (select 1 from referrals r where r.client_id = c.id and r.status in ('requested', 'accepted', 'active')) as open_referral
    from clients c where c.organisation_id = ${organisationId}
    order by c.client_number`.execute(db);
  return rows.map((r) => ({ ...r, measurements: (r.measurements ?? []).map(([on, step]) => ({ on, step: Number(step) })), conversations: r.conversations ?? [] }));
}

/** Registers the demo's outflows (benefit end and reason) in one statement. */
export async function setDemoOutflows(db: Executor, outflows: { clientId: string; endedOn: string; reason: OutflowReason }[]): Promise<void> {
  if (outflows.length === 0) return;
  await sql`
    update clients c set benefit_ended_on = o.ended_on::date, outflow_reason = o.reason
    from (select unnest(${outflows.map((o) => o.clientId)}::uuid[]) as id, unnest(${outflows.map((o) => o.endedOn)}::text[]) as ended_on, unnest(${outflows.map((o) => o.reason)}::text[]) as reason) o
    where c.id = o.id`.execute(db);
}

/** The dossier's "last yearly conversation" again follows the newest jaargesprek. */
export async function refreshAnnualConversationSummaries(db: Executor, organisationId: string): Promise<void> {
  await sql`
    update clients c set annual_conversation_on = j.last
    from (select client_id, max(occurred_on) as last from contact_moments where organisation_id = ${organisationId} and kind = 'jaargesprek' group by client_id) j
    where c.id = j.client_id and c.annual_conversation_on is distinct from j.last`.execute(db);
}
