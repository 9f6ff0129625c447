import type { DecisionRow } from './tegenprestatie.repository.ts';

/** The fields of a decision that leave the server. */
export function presentDecision(d: DecisionRow) {
  return {
    id: d.id,
    decision: d.decision,
    legalGround: d.legal_ground,
    period: d.starts_on && d.ends_on ? { startsOn: d.starts_on, endsOn: d.ends_on } : null,
    activity: d.activity,
    hoursPerWeek: d.hours_per_week === null ? null : Number(d.hours_per_week),
    decidedOn: d.decided_on,
    decidedBy: d.decided_by_name,
    note: d.note,
  };
}
