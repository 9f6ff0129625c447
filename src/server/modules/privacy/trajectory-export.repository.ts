import type { Executor } from '../../db/database.ts';

/** Referrals of the client to providers and partners, with the organisation and contract product. */
export async function listReferralsOf(db: Executor, clientId: string) {
  return db
    .selectFrom('referrals as r')
    .innerJoin('external_organisations as x', 'x.id', 'r.external_organisation_id')
    .leftJoin('contracts as c', 'c.id', 'r.contract_id')
    .select([
      'r.id', 'r.kind', 'r.status', 'r.question', 'r.shared_fields', 'r.consent_given', 'r.legal_ground', 'r.requested_at', 'r.decided_at',
      'r.refusal_reason', 'r.started_on', 'r.planned_end_on', 'r.ended_on', 'r.stop_reason', 'r.end_note', 'r.transferred_to', 'r.advice_next_step',
      'r.advice', 'r.extension_status', 'r.extension_until', 'r.extension_motivation', 'r.withdrawal_reason', 'r.outcome', 'r.requested_by',
      'x.name as organisation_name', 'x.kind as organisation_kind', 'c.product',
    ])
    .where('r.client_id', '=', clientId)
    .orderBy('r.requested_at')
    .execute();
}

/** Every status change of the client's referrals. */
export async function listReferralTransitionsOf(db: Executor, clientId: string) {
  return db
    .selectFrom('referral_transitions as t')
    .innerJoin('referrals as r', 'r.id', 't.referral_id')
    .innerJoin('external_organisations as x', 'x.id', 'r.external_organisation_id')
    .select(['t.id', 't.referral_id', 't.from_status', 't.to_status', 't.reason', 't.actor_id', 't.occurred_at', 'x.name as organisation_name'])
    .where('r.client_id', '=', clientId)
    .orderBy('t.occurred_at')
    .orderBy('t.id')
    .execute();
}

/** Progress reports of providers on the client's trajectories. */
export async function listReferralProgressOf(db: Executor, clientId: string) {
  return db
    .selectFrom('referral_progress as p')
    .innerJoin('referrals as r', 'r.id', 'p.referral_id')
    .innerJoin('external_organisations as x', 'x.id', 'r.external_organisation_id')
    .select(['p.id', 'p.referral_id', 'p.reported_on', 'p.summary', 'p.author_id', 'x.name as organisation_name'])
    .where('r.client_id', '=', clientId)
    .orderBy('p.reported_on')
    .execute();
}

/** The client's places in group modules, with module and cohort. */
export async function listEnrolmentsOf(db: Executor, clientId: string) {
  return db
    .selectFrom('enrolments as e')
    .innerJoin('cohorts as c', 'c.id', 'e.cohort_id')
    .innerJoin('modules as m', 'm.id', 'c.module_id')
    .select(['e.id', 'e.status', 'e.priority', 'e.requested_at', 'e.placed_at', 'e.ended_at', 'e.end_reason', 'e.intake_note', 'e.enrolled_by', 'm.name as module_name', 'c.label as cohort_label', 'c.starts_on', 'c.location'])
    .where('e.client_id', '=', clientId)
    .orderBy('e.requested_at')
    .execute();
}

/** Attendance of the client per module session. */
export async function listAttendanceOf(db: Executor, clientId: string) {
  return db
    .selectFrom('attendance as a')
    .innerJoin('enrolments as e', 'e.id', 'a.enrolment_id')
    .innerJoin('cohort_sessions as s', 's.id', 'a.session_id')
    .innerJoin('cohorts as c', 'c.id', 'e.cohort_id')
    .innerJoin('modules as m', 'm.id', 'c.module_id')
    .select(['a.session_id', 'a.status', 'a.note', 'a.recorded_by', 'a.recorded_at', 's.starts_at', 's.topic', 'm.name as module_name', 'c.label as cohort_label'])
    .where('e.client_id', '=', clientId)
    .orderBy('s.starts_at')
    .execute();
}

/** Projects the client takes part in. */
export async function listProjectsOf(db: Executor, clientId: string) {
  return db
    .selectFrom('project_participants as pp')
    .innerJoin('projects as p', 'p.id', 'pp.project_id')
    .select(['p.id', 'p.name', 'p.description', 'pp.joined_on', 'pp.left_on', 'pp.added_by'])
    .where('pp.client_id', '=', clientId)
    .orderBy('pp.joined_on')
    .execute();
}
