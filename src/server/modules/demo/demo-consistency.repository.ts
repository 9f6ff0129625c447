/**
 * The demo's last tidy-up, so a dossier never contradicts itself: every client was registered
 * (and their benefit started) before anything happened to them, and a client who flowed out
 * to work stands on a step that fits it. Demo only; the flows of the product keep these rules
 * themselves.
 */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';

/**
 * Moves each client's registration and benefit start to before the first thing on their
 * record (two weeks before it, when something came earlier than the benefit start the desk
 * profile drew), and dates the dossier's creation and its "registered" timeline event on that day.
 */
export async function alignRegistrations(db: Executor, organisationId: string): Promise<void> {
  await sql`
    with firsts as (
      select c.id, least(
        c.benefit_start_date,
        (select min(l.measured_on) from ladder_measurements l where l.client_id = c.id) - 14,
        (select min(m.occurred_on) from contact_moments m where m.client_id = c.id) - 14,
        (select min(r.requested_at::date) from referrals r where r.client_id = c.id) - 14,
        (select min(p.starts_on) from placements p where p.client_id = c.id) - 14,
        (select min(e.requested_at::date) from enrolments e where e.client_id = c.id) - 14,
        (select min(a.starts_at::date) from appointments a where a.client_id = c.id) - 14,
        (select min(b.requested_on) from beschut_werk_applications b where b.client_id = c.id) - 14,
        (select min(rc.changed_at::date) from client_route_changes rc where rc.client_id = c.id) - 14,
        (select min(t.occurred_at::date) from timeline_events t where t.client_id = c.id and t.kind <> 'client.registered') - 14
      ) as registered_on
      from clients c where c.organisation_id = ${organisationId}::uuid
    ), moved as (
      update clients c set benefit_start_date = f.registered_on, created_at = f.registered_on + time '09:00'
      from firsts f where c.id = f.id
      returning c.id, f.registered_on
    )
    update timeline_events t set occurred_at = m.registered_on + time '09:00'
    from moved m where t.client_id = m.id and t.kind = 'client.registered'`.execute(db);
}

/** Clients who left for work (or their own business) while their newest step said otherwise. */
export async function outflowsToWorkBelowStep(db: Executor, organisationId: string, minStep: number) {
  const { rows } = await sql<{ id: string; coach_id: string | null; ended_on: string; step: number | null; reason: string }>`
    select c.id, c.coach_id, to_char(c.benefit_ended_on, 'YYYY-MM-DD') as ended_on, c.outflow_reason as reason,
      (select l.step from ladder_measurements l where l.client_id = c.id order by l.measured_on desc, l.created_at desc limit 1) as step
    from clients c
    where c.organisation_id = ${organisationId}::uuid and c.benefit_ended_on is not null and c.outflow_reason in ('werk', 'ondernemer')
    order by c.client_number`.execute(db);
  return rows.filter((r) => r.step === null || r.step < minStep);
}

/**
 * The demo dates today's events at fixed hours (09:00–11:00 UTC); seeded before then, they would
 * lie in the future and stand above whatever happens next on a timeline read newest first. Moves
 * every event after the start of seeding to that moment, so the timeline ends at "now". A route
 * set today moves with its timeline event (one statement, so both get the same now()): the route
 * history is dated as the timeline says.
 */
export async function endTimelinesAtSeeding(db: Executor, organisationId: string): Promise<void> {
  await sql`
    with routes as (
      update client_route_changes set changed_at = now()
      where organisation_id = ${organisationId}::uuid and changed_at > now()
    )
    update timeline_events set occurred_at = now()
    where organisation_id = ${organisationId}::uuid and occurred_at > now()`.execute(db);
}
