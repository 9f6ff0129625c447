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
  coach_id: string | null;
  /** Measurements in date order: [measured_on, step]. */
  measurements: { on: string; step: number }[];
  conversations: string[];
  /** The last day anything happened to the client (measurement, contact, referral, placement, appointment). */
  last_activity: string | null;
  /** The end of the latest completed trajectory, if any. */
  completed_on: string | null;
};

/** Every demo client with its ladder history, yearly conversations and last activity. */
export async function listDemoKpiClients(db: Executor, organisationId: string): Promise<DemoKpiClient[]> {
  const { rows } = await sql<Omit<DemoKpiClient, 'measurements'> & { measurements: [string, number][] | null; conversations: string[] | null }>`
    select c.id, c.municipality_id, c.route, to_char(c.date_of_birth, 'YYYY-MM-DD') as date_of_birth,
      to_char(coalesce(c.benefit_start_date, c.created_at::date), 'YYYY-MM-DD') as benefit_start_date, c.coach_id,
      (select json_agg(json_build_array(to_char(l.measured_on, 'YYYY-MM-DD'), l.step) order by l.measured_on) from ladder_measurements l where l.client_id = c.id) as measurements,
      (select json_agg(to_char(m.occurred_on, 'YYYY-MM-DD') order by m.occurred_on) from contact_moments m where m.client_id = c.id and m.kind = 'jaargesprek') as conversations,
      to_char(greatest(
        (select max(l.measured_on) from ladder_measurements l where l.client_id = c.id),
        (select max(m.occurred_on) from contact_moments m where m.client_id = c.id),
        (select max(greatest(r.requested_at::date, r.started_on, r.ended_on, r.planned_end_on)) from referrals r where r.client_id = c.id),
        (select max(greatest(p.starts_on, p.ended_on)) from placements p where p.client_id = c.id),
        (select max(a.starts_at::date) from appointments a where a.client_id = c.id)
      ), 'YYYY-MM-DD') as last_activity,
      (select to_char(max(r.ended_on), 'YYYY-MM-DD') from referrals r where r.client_id = c.id and r.kind = 'trajectory' and r.status = 'completed') as completed_on
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
