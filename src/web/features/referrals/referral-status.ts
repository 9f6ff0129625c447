import type { TFunction } from 'i18next';
import type { ReferralKind, ReferralListItem, ReferralStatus } from '../../api/trajectory-types.ts';

/** Statuses in which a referral still runs (and an external organisation still has access). */
export const OPEN_STATUSES: readonly ReferralStatus[] = ['requested', 'accepted', 'active'];

/**
 * A status in words. A partner referral is lighter and speaks of "verstuurd", "ontvangen" and
 * "uitkomst teruggemeld" instead of the trajectory's words.
 */
export function statusLabel(t: TFunction, kind: ReferralKind, status: ReferralStatus): string {
  return kind === 'partner' ? t(`referrals.partnerStatuses.${status}`, { defaultValue: t(`referrals.statuses.${status}`) }) : t(`referrals.statuses.${status}`);
}

/** The one line that names a referral: the product of its contract, or the partner it went to. */
export function referralTitle(t: TFunction, referral: Pick<ReferralListItem, 'kind' | 'contract' | 'organisation'>): string {
  return referral.kind === 'trajectory' && referral.contract
    ? t('referrals.trajectoryTitle', { product: referral.contract.product, organisation: referral.organisation.name })
    : t('referrals.partnerTitle', { organisation: referral.organisation.name });
}

/** Short flags that ask for attention: a trajectory ending soon, a measurement still to be taken, an extension to decide. */
export function referralFlags(t: TFunction, referral: Pick<ReferralListItem, 'missingMeasurement' | 'extensionStatus' | 'endingSoon'>): string[] {
  const flags: string[] = [];
  if (referral.endingSoon) flags.push(t('referrals.endingSoonFlag'));
  if (referral.missingMeasurement) flags.push(t(`referrals.missingMeasurement.${referral.missingMeasurement}`));
  if (referral.extensionStatus === 'proposed') flags.push(t('referrals.extensionProposedFlag'));
  return flags;
}

/** One step of the lifecycle as the stepper shows it. */
export type LifecycleStep = { status: ReferralStatus; state: 'done' | 'current' | 'upcoming' };

const TRAJECTORY_PATH: readonly ReferralStatus[] = ['requested', 'accepted', 'active', 'completed'];
const PARTNER_PATH: readonly ReferralStatus[] = ['requested', 'accepted', 'completed'];
/** Where each ending leaves the usual path: it replaces the step after the last one reached. */
const REACHED_BEFORE: Partial<Record<ReferralStatus, ReferralStatus>> = {
  refused: 'requested',
  stopped: 'active',
  transferred: 'active',
};

/**
 * The steps of the lifecycle with the referral's place on it. An ending off the usual path
 * (refused, stopped, transferred, withdrawn) takes the place of the steps it cut short.
 */
export function lifecycleSteps(kind: ReferralKind, status: ReferralStatus, reached: readonly ReferralStatus[]): LifecycleStep[] {
  const path = kind === 'partner' ? PARTNER_PATH : TRAJECTORY_PATH;
  const index = path.indexOf(status);
  if (index >= 0) {
    return path.map((s, i) => ({ status: s, state: i < index ? 'done' : i === index ? 'current' : 'upcoming' }));
  }
  // Off the path: the last step on the path that was reached, then the ending.
  const last = status === 'withdrawn' ? [...path].reverse().find((s) => reached.includes(s)) ?? 'requested' : (REACHED_BEFORE[status] ?? 'requested');
  const cut = path.indexOf(last) + 1;
  return [...path.slice(0, cut).map((s): LifecycleStep => ({ status: s, state: 'done' })), { status, state: 'current' }];
}
