import type { TFunction } from 'i18next';
import { addMonths, todayIso } from '../../../shared/dates.ts';
import { ADVICE_NEXT_STEPS, MAX_EXTENSION_MONTHS, STOP_REASONS } from '../../../shared/referrals.ts';
import type { ReferralDetail, ReferralPolicies } from '../../api/trajectory-types.ts';
import { formatDate } from '../../components/format.ts';
import type { Option } from '../../components/select-field.tsx';
import type { ActionField } from './action-form.tsx';

/** The steps a user can take on a referral, in the order their buttons appear. */
export const ACTION_KEYS = [
  'accept',
  'receive',
  'refuse',
  'start',
  'ladder',
  'progress',
  'complete',
  'extension',
  'stop',
  'transfer',
  'decideExtension',
  'outcome',
  'withdraw',
] as const;
export type ActionKey = (typeof ACTION_KEYS)[number];

/** Which ability of the referral's `policies` shows each action. */
export const ACTION_POLICY: Record<ActionKey, keyof ReferralPolicies> = {
  accept: 'accept',
  receive: 'receive',
  refuse: 'refuse',
  start: 'start',
  ladder: 'measureLadder',
  progress: 'reportProgress',
  complete: 'complete',
  extension: 'proposeExtension',
  stop: 'stop',
  transfer: 'transfer',
  decideExtension: 'decideExtension',
  outcome: 'reportOutcome',
  withdraw: 'withdraw',
};

/** One action that is sent as a form: the API path under /api/referrals/:id/, its fields and body. */
export type FormAction = { path: string; fields: ActionField[]; toBody?: (values: Record<string, string>) => unknown };

/** Leaves out empty optional values, so the API gets only what was filled in. */
export function withoutEmpty(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
}

/**
 * The forms behind the buttons. Accept and receive need no input and are sent at once; the
 * ladder measurement reuses the ladder form. `contracts` are the contracts a transfer may go to.
 */
export function formActions(t: TFunction, language: string, referral: ReferralDetail, contracts: Option[]): Partial<Record<ActionKey, FormAction>> {
  const f = (name: string, kind: ActionField['kind'], extra: Partial<ActionField> = {}): ActionField => ({
    name,
    kind,
    label: t(`referrals.fields.${name}`),
    required: true,
    ...extra,
  });
  const today = { initial: todayIso() };
  const advice: Option[] = ADVICE_NEXT_STEPS.map((a) => ({ value: a, label: t(`referrals.adviceNextSteps.${a}`) }));
  const stopReasons: Option[] = STOP_REASONS.map((r) => ({ value: r, label: t(`referrals.stopReasons.${r}`) }));
  const transferTargets: Option[] = [
    ...(contracts.length > 0 ? [{ value: 'provider', label: t('referrals.transferTo.provider') }] : []),
    { value: 'work_trajectory', label: t('referrals.transferTo.work_trajectory') },
  ];
  return {
    refuse: { path: 'refuse', fields: [f('reason', 'textarea', { description: t('referrals.fields.refuseReasonHint') })] },
    start: { path: 'start', fields: [f('startedOn', 'date', today)] },
    progress: { path: 'progress', fields: [f('reportedOn', 'date', today), f('summary', 'textarea')] },
    complete: {
      path: 'complete',
      fields: [f('endedOn', 'date', today), f('adviceNextStep', 'select', { options: advice }), f('advice', 'textarea')],
    },
    extension: {
      path: 'extension',
      fields: [
        f('until', 'date', {
          initial: referral.extensionUntil ?? '',
          // The window the server accepts, in words: after the planned end, at most a year past it.
          description: referral.plannedEndOn
            ? t('referrals.fields.untilHintDates', {
                from: formatDate(referral.plannedEndOn, language),
                to: formatDate(addMonths(referral.plannedEndOn, MAX_EXTENSION_MONTHS), language),
              })
            : t('referrals.fields.untilHint'),
        }),
        f('motivation', 'textarea', { description: t('referrals.fields.motivationHint') }),
      ],
    },
    stop: {
      path: 'stop',
      fields: [
        f('endedOn', 'date', today),
        f('stopReason', 'select', { options: stopReasons }),
        f('note', 'textarea'),
        f('adviceNextStep', 'select', { options: advice, required: false, label: t('referrals.fields.adviceNextStepOptional') }),
        f('advice', 'textarea', { required: false, label: t('referrals.fields.adviceOptional') }),
      ],
    },
    transfer: {
      path: 'transfer',
      fields: [
        f('endedOn', 'date', today),
        f('to', 'choice', { options: transferTargets }),
        f('contractId', 'select', { options: contracts, showIf: (v) => v.to === 'provider' }),
        f('note', 'textarea'),
      ],
    },
    decideExtension: {
      path: 'extension-decision',
      fields: [
        f('approve', 'choice', {
          label: t('referrals.fields.approve'),
          options: [
            { value: 'yes', label: t('referrals.fields.approveYes') },
            { value: 'no', label: t('referrals.fields.approveNo') },
          ],
        }),
        f('decisionNote', 'textarea', { required: false }),
      ],
      toBody: (v) => ({ approve: v.approve === 'yes', ...(v.decisionNote ? { note: v.decisionNote } : {}) }),
    },
    outcome: { path: 'outcome', fields: [f('outcome', 'textarea')] },
    withdraw: { path: 'withdraw', fields: [f('reason', 'textarea')] },
  };
}
