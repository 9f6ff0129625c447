import { todayIso } from '../../../shared/dates.ts';
import { endsSoon, isOpenReferralStatus, type SharedField } from '../../../shared/referrals.ts';
import type { Actor } from '../../authz/actor.ts';
import { isExternalActor } from '../../authz/boundary.ts';
import { abilitiesOf } from '../../authz/policy.ts';
import type { ClientRecord } from '../clients/clients.repository.ts';
import type { ReferralDetailData } from './referral-actions.ts';
import { referralPolicy, type ReferralRef } from './referrals.policy.ts';
import type { ReferralListRow, ReferralRow } from './referrals.repository.ts';
import type { ReferralDetail, ReferralListItem } from './referrals.schema.ts';

type Client = { id: string; first_name: string; last_name: string; client_number: string; organisation_id: string; coach_id: string | null; team_id: string | null };

/**
 * Which measurement is still missing: the start one of a trajectory that runs, the end one of a
 * trajectory that ended (completed, stopped or transferred).
 */
export function missingMeasurementOf(referral: Pick<ReferralRow, 'kind' | 'status'>, hasStart: boolean, hasEnd: boolean): 'start' | 'end' | null {
  if (referral.kind !== 'trajectory') return null;
  if (referral.status === 'active' && !hasStart) return 'start';
  if (['completed', 'stopped', 'transferred'].includes(referral.status) && !hasEnd) return 'end';
  return null;
}

/** The fields of a referral that a list item shows. */
type ReferralItemFields = Pick<
  ReferralRow,
  | 'id' | 'kind' | 'status' | 'external_organisation_id' | 'organisation_name' | 'contract_id' | 'contract_product' | 'question' | 'requested_at'
  | 'started_on' | 'planned_end_on' | 'ended_on' | 'extension_status' | 'version'
>;

function presentItem(actor: Actor, referral: ReferralItemFields, client: Client, hasStart: boolean, hasEnd: boolean, today: string): ReferralListItem {
  const ref: ReferralRef = { referral, client };
  return {
    id: referral.id,
    kind: referral.kind,
    status: referral.status,
    client: { id: client.id, name: `${client.first_name} ${client.last_name}`, clientNumber: client.client_number },
    organisation: { id: referral.external_organisation_id, name: referral.organisation_name },
    contract: referral.contract_id && referral.contract_product ? { id: referral.contract_id, product: referral.contract_product } : null,
    question: referral.question,
    requestedAt: referral.requested_at.toISOString(),
    startedOn: referral.started_on,
    plannedEndOn: referral.planned_end_on,
    endedOn: referral.ended_on,
    extensionStatus: referral.extension_status,
    missingMeasurement: missingMeasurementOf(referral, hasStart, hasEnd),
    endingSoon: referral.kind === 'trajectory' && endsSoon({ status: referral.status, plannedEndOn: referral.planned_end_on }, today),
    version: referral.version,
    policies: abilitiesOf(actor, referralPolicy, ref),
  };
}

/**
 * One referral in a list, with its client's name and number (always shared). A list passes one
 * `today` for all its items instead of formatting the Amsterdam date once per item.
 */
export function presentReferralListItem(actor: Actor, row: ReferralListRow, today = todayIso()): ReferralListItem {
  const client = {
    id: row.client_id,
    first_name: row.client_first_name,
    last_name: row.client_last_name,
    client_number: row.client_number,
    organisation_id: row.client_organisation_id,
    coach_id: row.client_coach_id,
    team_id: row.client_team_id,
  };
  return presentItem(actor, row, client, row.start_measured, row.end_measured, today);
}

/**
 * The client data a referral shows: for a provider or partner only the fields the referral
 * shares (name and client number are in `client`); the service's own staff see all of them.
 */
export function presentClientData(actor: Actor, sharedFields: readonly string[], client: ClientRecord): ReferralDetail['clientData'] {
  const shares = (field: SharedField) => !isExternalActor(actor) || sharedFields.includes(field);
  const data: ReferralDetail['clientData'] = {};
  if (shares('date_of_birth')) data.dateOfBirth = client.date_of_birth;
  if (shares('contact')) Object.assign(data, { phone: client.phone, email: client.email });
  if (shares('address')) Object.assign(data, { street: client.street, houseNumber: client.house_number, postcode: client.postcode, city: client.city });
  if (shares('route')) data.route = client.route;
  if (shares('ladder')) {
    data.ladder =
      client.ladder_step !== null && client.ladder_growth_potential !== null && client.ladder_measured_on !== null
        ? { step: client.ladder_step, growthPotential: client.ladder_growth_potential, measuredOn: client.ladder_measured_on }
        : null;
  }
  return data;
}

/** A referral in full: its history, progress, measurements and the shared client data. */
export function presentReferralDetail(actor: Actor, data: ReferralDetailData): ReferralDetail {
  const { referral, client, measurements } = data;
  const hasStart = measurements.some((m) => m.occasion === 'trajectory_start');
  const hasEnd = measurements.some((m) => m.occasion === 'trajectory_end');
  // Once a provider has ended the referral, the answer tells them what they did and nothing more.
  const stillShared = !isExternalActor(actor) || isOpenReferralStatus(referral.status);
  return {
    ...presentItem(actor, referral, client, hasStart, hasEnd, todayIso()),
    sharedFields: referral.shared_fields as SharedField[],
    consentGiven: referral.consent_given,
    legalGround: referral.legal_ground,
    refusalReason: referral.refusal_reason,
    stopReason: referral.stop_reason as ReferralDetail['stopReason'],
    endNote: referral.end_note,
    transferredTo: referral.transferred_to,
    nextReferralId: isExternalActor(actor) ? null : referral.next_referral_id,
    adviceNextStep: referral.advice_next_step as ReferralDetail['adviceNextStep'],
    advice: referral.advice,
    extensionUntil: referral.extension_until,
    extensionMotivation: referral.extension_motivation,
    withdrawalReason: referral.withdrawal_reason,
    outcome: referral.outcome,
    providerCoach: referral.provider_coach_id && referral.provider_coach_name ? { id: referral.provider_coach_id, displayName: referral.provider_coach_name } : null,
    requestedBy: referral.requested_by && referral.requested_by_name ? { id: referral.requested_by, displayName: referral.requested_by_name } : null,
    clientData: stillShared ? presentClientData(actor, referral.shared_fields, client) : {},
    transitions: data.transitions.map((t) => ({
      fromStatus: t.from_status,
      toStatus: t.to_status,
      reason: t.reason,
      actor: t.actor_name ? { displayName: t.actor_name } : null,
      occurredAt: t.occurred_at.toISOString(),
    })),
    progress: data.progress.map((p) => ({ id: p.id, reportedOn: p.reported_on, summary: p.summary, author: p.author_name ? { displayName: p.author_name } : null })),
    measurements: measurements.map((m) => ({ id: m.id, measuredOn: m.measured_on, step: m.step, growthPotential: m.growth_potential, occasion: m.occasion })),
  };
}
