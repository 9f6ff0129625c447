import { nextReferralStatus, type ReferralAction, type ReferralKind, type ReferralStatus } from '../../../shared/referrals.ts';
import type { Actor } from '../../authz/actor.ts';
import { hasPermission } from '../../authz/permissions.ts';
import { definePolicy, type Rule } from '../../authz/policy.ts';
import { clientPolicy } from '../clients/clients.policy.ts';

/** A referral with its client, as the rules look at them. */
export type ReferralRef = {
  referral: { kind: ReferralKind; status: ReferralStatus; external_organisation_id: string; extension_status: string | null };
  client: { id: string; organisation_id: string; coach_id: string | null; team_id: string | null };
};

export type ReferralPolicyAction = ReferralAction | 'reportProgress' | 'measureLadder' | 'proposeExtension' | 'decideExtension';

/** A provider coach or partner of the organisation the referral went to. */
const worksForReferral: Rule<ReferralRef> = (actor, r) =>
  hasPermission(actor.role, 'referrals:work') && !!actor.externalOrganisationId && actor.externalOrganisationId === r.referral.external_organisation_id;

/** Staff who work on the client's dossier and so may refer the client. */
const worksOnClient: Rule<ReferralRef> = (actor, r) => hasPermission(actor.role, 'referrals:create') && clientPolicy.refer(actor, r.client);

/**
 * Who may attempt an action on a referral, whatever its state: refused with 403. Whether the
 * state allows it is the next question (409 invalid_transition).
 */
export const referralActorPolicy = definePolicy<ReferralRef, ReferralPolicyAction>({
  accept: worksForReferral,
  refuse: worksForReferral,
  start: worksForReferral,
  complete: worksForReferral,
  stop: worksForReferral,
  // The provider hands over to a work-oriented trajectory; the move to another provider is the
  // service's decision, so the coach (who sees the contracts) may transfer too, choosing the contract.
  transfer: (actor, r) => worksForReferral(actor, r) || worksOnClient(actor, r),
  receive: worksForReferral,
  reportOutcome: worksForReferral,
  reportProgress: worksForReferral,
  proposeExtension: worksForReferral,
  withdraw: worksOnClient,
  decideExtension: worksOnClient,
  // The provider at the start and end of a trajectory, or the coach (also after it ended).
  measureLadder: (actor, r) => worksForReferral(actor, r) || clientPolicy.measureLadder(actor, r.client),
});

/** States in which a start or end measurement can be recorded for a trajectory. */
const MEASURABLE: readonly ReferralStatus[] = ['accepted', 'active', 'completed', 'stopped', 'transferred'];

const movable = (action: ReferralAction) => (r: ReferralRef['referral']) => nextReferralStatus(r.kind, r.status, action) !== null;

/** Whether the referral's state allows an action (the transitions table, and the rules beside it). */
export const REFERRAL_STATE_RULES: Readonly<Record<ReferralPolicyAction, (referral: ReferralRef['referral']) => boolean>> = {
  accept: movable('accept'),
  refuse: movable('refuse'),
  start: movable('start'),
  complete: movable('complete'),
  stop: movable('stop'),
  transfer: movable('transfer'),
  withdraw: movable('withdraw'),
  receive: movable('receive'),
  reportOutcome: movable('reportOutcome'),
  reportProgress: (r) => r.kind === 'trajectory' && r.status === 'active',
  measureLadder: (r) => r.kind === 'trajectory' && MEASURABLE.includes(r.status),
  proposeExtension: (r) => r.kind === 'trajectory' && r.status === 'active' && r.extension_status !== 'proposed',
  decideExtension: (r) => r.status === 'active' && r.extension_status === 'proposed',
};

/** What the caller can do with the referral now: sent along as `policies`, so the UI only asks. */
export const referralPolicy = definePolicy<ReferralRef, ReferralPolicyAction>(
  Object.fromEntries(
    (Object.keys(REFERRAL_STATE_RULES) as ReferralPolicyAction[]).map((action) => [
      action,
      (actor: Actor, r: ReferralRef) => referralActorPolicy[action](actor, r) && REFERRAL_STATE_RULES[action](r.referral),
    ]),
  ) as Record<ReferralPolicyAction, Rule<ReferralRef>>,
);
