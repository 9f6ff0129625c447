import type { Actor } from '../../authz/actor.ts';
import { abilitiesOf } from '../../authz/policy.ts';
import type { CohortEnrolmentRow, listClientEnrolments, ScopedClient } from './enrolments.repository.ts';
import { cohortPolicy, enrolmentPolicy, modulePolicy, moduleClientPolicy } from './group-modules.policy.ts';
import type { SessionRow } from './cohort-attendance.ts';
import type { CohortRow, ModuleRow } from './group-modules.repository.ts';
import { cohortRef } from './waiting-list.service.ts';

function iso(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

/** A module in the list: what it is, who offers it, how many cohorts are still to start. */
export function presentModule(actor: Actor, row: Omit<ModuleRow, 'upcoming_cohorts'> & { upcoming_cohorts?: number | string | null }) {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    provider: row.provider_id && row.provider_name ? { id: row.provider_id, name: row.provider_name } : null,
    active: row.active,
    version: row.version,
    upcomingCohorts: Number(row.upcoming_cohorts ?? 0),
    policies: abilitiesOf(actor, modulePolicy, row),
  };
}

/** A cohort with its seats; counts only, so safe for everyone who sees the module. */
export function presentCohortSummary(actor: Actor, row: CohortRow) {
  return {
    id: row.id,
    moduleId: row.module_id,
    moduleName: row.module_name,
    label: row.label,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    capacity: row.capacity,
    location: row.location,
    collective: row.collective,
    status: row.status,
    counts: { placed: row.placed, waiting: row.waiting, invited: row.invited, selected: row.selected, free: Math.max(0, row.capacity - row.placed) },
    version: row.version,
    policies: abilitiesOf(actor, cohortPolicy, cohortRef(row)),
  };
}

/** A client as an overview names them, or null ("andere deelnemer") when outside the caller's scope. */
export function presentClientRef(client: ScopedClient | undefined) {
  return client ? { id: client.id, name: `${client.first_name} ${client.last_name}`, clientNumber: client.client_number } : null;
}

export function presentSession(row: SessionRow | { id: string; starts_at: Date | string; ends_at: Date | string | null; topic: string | null; aanwezig: number; afgemeld: number; afwezig: number }) {
  return {
    id: row.id,
    startsAt: iso(row.starts_at),
    endsAt: row.ends_at ? iso(row.ends_at) : null,
    topic: row.topic,
    attendance: { aanwezig: Number(row.aanwezig), afgemeld: Number(row.afgemeld), afwezig: Number(row.afwezig) },
  };
}

/** An enrolment of the overview, with its attendance rate (tallyAttendance). */
type OverviewEnrolment = CohortEnrolmentRow & { attendance_rate: number | null };

/** The whole cohort: sessions, participants, waiting list and candidates, names only within the caller's scope. */
export function presentCohortOverview(
  actor: Actor,
  overview: { cohort: CohortRow; sessions: SessionRow[]; enrolments: OverviewEnrolment[]; clients: Map<string, ScopedClient> },
) {
  const { cohort, clients } = overview;
  const ref = cohortRef(cohort);
  const common = (e: OverviewEnrolment) => {
    const client = clients.get(e.client_id);
    return {
      enrolmentId: e.id,
      client: presentClientRef(client),
      policies: abilitiesOf(actor, enrolmentPolicy, { status: e.status, inReach: !!client && moduleClientPolicy.enrol(actor, client), cohort: ref }),
    };
  };
  const withStatus = <S extends string>(statuses: readonly S[]) => overview.enrolments.filter((e): e is OverviewEnrolment & { status: S } => (statuses as readonly string[]).includes(e.status));
  return {
    ...presentCohortSummary(actor, cohort),
    sessions: overview.sessions.map(presentSession),
    participants: withStatus(['placed', 'completed'] as const).map((e) => ({
      ...common(e),
      status: e.status,
      placedAt: e.placed_at ? iso(e.placed_at) : null,
      priority: e.priority,
      attendanceRate: e.attendance_rate,
    })),
    waitingList: withStatus(['waiting'] as const).map((e) => ({ ...common(e), position: e.position ?? 0, requestedAt: iso(e.requested_at), priority: e.priority })),
    candidates: withStatus(['invited', 'selected', 'not_selected'] as const).map((e) => ({ ...common(e), status: e.status, intakeNote: e.intake_note, endReason: e.end_reason })),
  };
}

/** A client's modules, for the dossier. */
export function presentClientEnrolments(rows: Awaited<ReturnType<typeof listClientEnrolments>>) {
  return {
    items: rows.map((r) => ({
      enrolmentId: r.id,
      cohortId: r.cohort_id,
      moduleName: r.module_name,
      cohortLabel: r.cohort_label,
      startsOn: r.starts_on,
      status: r.status,
      position: r.position,
      attendanceRate: r.attendance_rate,
    })),
  };
}

/** A session's attendance list. */
export function presentAttendance(result: { rows: { id: string; client_id: string; status: string | null; note: string | null }[]; clients: Map<string, ScopedClient> }) {
  return {
    items: result.rows.map((r) => ({
      enrolmentId: r.id,
      client: presentClientRef(result.clients.get(r.client_id)),
      status: r.status as 'aanwezig' | 'afgemeld' | 'afwezig' | null,
      note: r.note,
    })),
  };
}
