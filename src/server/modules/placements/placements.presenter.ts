import { todayIso } from '../../../shared/dates.ts';
import { impliedLadderStep } from '../../../shared/placements.ts';
import type { Actor } from '../../authz/actor.ts';
import { abilitiesOf } from '../../authz/policy.ts';
import type { ClientRecord } from '../clients/clients.repository.ts';
import { placementPolicy, workDossierPolicy } from './placements.policy.ts';
import type { PlacementRow, WorkProfileRow } from './placements.repository.ts';

/** The fields of a placement that leave the server, with what the caller may do with it. */
export function presentPlacement(actor: Actor, client: ClientRecord, p: PlacementRow, today = todayIso()) {
  return {
    id: p.id,
    kind: p.kind,
    status: p.ended_on ? ('beeindigd' as const) : p.starts_on > today ? ('gepland' as const) : ('lopend' as const),
    employer: p.employer_id && p.employer_name ? { id: p.employer_id, name: p.employer_name } : null,
    activity: p.activity,
    startsOn: p.starts_on,
    plannedEndOn: p.planned_end_on,
    hoursPerWeek: p.hours_per_week === null ? null : Number(p.hours_per_week),
    wageSubsidy: p.wage_subsidy ? { percentage: p.wage_subsidy_percentage, amountCents: p.wage_subsidy_amount_cents } : null,
    jobCoach: p.job_coach ? { organisation: p.job_coach_organisation } : null,
    afspraakbaan: p.phase ? { phase: p.phase, trialStartsOn: p.phase === 'proefplaatsing' || p.trial_ends_on ? p.starts_on : null, trialEndsOn: p.trial_ends_on, contractStartsOn: p.contract_starts_on } : null,
    endedOn: p.ended_on,
    outcome: p.outcome,
    outcomeReason: p.outcome_reason,
    note: p.note,
    impliedLadderStep: impliedLadderStep(p.kind, { wageSubsidy: p.wage_subsidy, jobCoach: p.job_coach }),
    version: p.version,
    policies: abilitiesOf(actor, placementPolicy, { client, placement: p }),
  };
}

/** The client's doelgroepregister and Wsw history; version 0 when nothing was recorded yet. */
export function presentWorkProfile(actor: Actor, client: ClientRecord, row: WorkProfileRow | undefined) {
  return {
    doelgroepregister: row?.doelgroepregister ?? false,
    doelgroepregisterOn: row?.doelgroepregister_on ?? null,
    wswHistory: row?.wsw_history ?? false,
    wswEndedOn: row?.wsw_ended_on ?? null,
    version: row?.version ?? 0,
    policies: { update: workDossierPolicy.write(actor, client) },
  };
}
