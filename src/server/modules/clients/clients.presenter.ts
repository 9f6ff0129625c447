import { ANNUAL_CONVERSATION_AGES } from '../../../shared/client-fields.ts';
import { addMonths, ageOn, todayIso } from '../../../shared/dates.ts';
import { LADDER_MEASUREMENT_MAX_AGE_MONTHS } from '../../../shared/ladder.ts';
import type { Actor } from '../../authz/actor.ts';
import { abilitiesOf } from '../../authz/policy.ts';
import { clientPolicy } from './clients.policy.ts';
import { benefitEnded } from './outflow.repository.ts';
import type { ClientListRow, ClientRecord } from './clients.repository.ts';
import type { ClientDetail, ClientListItem } from './clients.schema.ts';

/** The fields of a client that leave the server in a list. The BSN is not among them. */
export function presentClientListItem(actor: Actor, row: ClientListRow): ClientListItem {
  return {
    id: row.id,
    clientNumber: row.client_number,
    firstName: row.first_name,
    lastName: row.last_name,
    dateOfBirth: row.date_of_birth,
    municipality: { id: row.municipality_id, name: row.municipality_name },
    coach: row.coach_id && row.coach_name ? { id: row.coach_id, displayName: row.coach_name } : null,
    team: row.team_id && row.team_name ? { id: row.team_id, name: row.team_name } : null,
    route: row.route,
    ladderStep: row.ladder_step,
    policies: abilitiesOf(actor, clientPolicy, row),
  };
}

/** The dates a day's attention flags compare against; computed once per request, not per client. */
export function attentionThresholds(today = todayIso()) {
  const [y, m, d] = today.split('-');
  return {
    today,
    yearAgo: addMonths(today, -12),
    ladderLimit: addMonths(today, -LADDER_MEASUREMENT_MAX_AGE_MONTHS),
    // Born on or before this date: at least the minimum age; after the other: below the maximum.
    oldestBirth: `${Number(y) - ANNUAL_CONVERSATION_AGES.max}-${m}-${d}`,
    youngestBirth: `${Number(y) - ANNUAL_CONVERSATION_AGES.min}-${m}-${d}`,
  };
}

export type AttentionThresholds = ReturnType<typeof attentionThresholds>;

/**
 * Attention flags derived from the denormalised summary fields; shared by dossier and caseload.
 * A client whose benefit has ended is owed no measurement or yearly conversation any more.
 */
export function attentionFlags(
  row: { date_of_birth: string; ladder_measured_on: string | null; annual_conversation_on: string | null; benefit_ended_on: string | null },
  thresholds: AttentionThresholds = attentionThresholds(),
) {
  const age = ageOn(row.date_of_birth, thresholds.today);
  if (benefitEnded(row, thresholds.today)) return { age, ladderOverdue: false, annualRequired: false, annualOverdue: false };
  const ladderOverdue = !row.ladder_measured_on || row.ladder_measured_on < thresholds.ladderLimit;
  const annualRequired = row.date_of_birth <= thresholds.youngestBirth && row.date_of_birth > thresholds.oldestBirth;
  const annualOverdue = annualRequired && (!row.annual_conversation_on || row.annual_conversation_on < thresholds.yearAgo);
  return { age, ladderOverdue, annualRequired, annualOverdue };
}

/** A client's dossier header: everything the coach's desk shows at the top, and the abilities. */
export function presentClientDetail(actor: Actor, row: ClientRecord): ClientDetail {
  const flags = attentionFlags(row);
  const personal = clientPolicy.readPersonalDetails(actor, row);
  return {
    ...presentClientListItem(actor, row),
    bsn: personal ? row.bsn : null,
    age: flags.age,
    phone: personal ? row.phone : null,
    email: personal ? row.email : null,
    address: personal
      ? { street: row.street, houseNumber: row.house_number, postcode: row.postcode, city: row.city }
      : { street: null, houseNumber: null, postcode: null, city: null },
    benefit: personal
      ? { type: row.benefit_type, startDate: row.benefit_start_date, endedOn: row.benefit_ended_on, outflowReason: row.outflow_reason }
      : { type: null, startDate: null, endedOn: null, outflowReason: null },
    targetGroups: row.target_groups,
    ladder: { step: row.ladder_step, growthPotential: row.ladder_growth_potential, measuredOn: row.ladder_measured_on, overdue: flags.ladderOverdue },
    annualConversation: { required: flags.annualRequired, overdue: flags.annualOverdue, lastOn: row.annual_conversation_on },
    openSignalCount: row.open_signal_count,
    version: row.version,
  };
}

export function etagOf(version: number): string {
  return `"${version}"`;
}
