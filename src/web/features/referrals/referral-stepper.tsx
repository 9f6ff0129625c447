import { useTranslation } from 'react-i18next';
import type { ReferralKind, ReferralStatus } from '../../api/trajectory-types.ts';
import { lifecycleSteps, statusLabel } from './referral-status.ts';
import './trajectories.css';

/**
 * A visual stepper of the referral's lifecycle, readable without the visuals: an ordered list
 * with the current step marked by aria-current and every step's state in words.
 */
export function ReferralStepper({ kind, status, reached }: { kind: ReferralKind; status: ReferralStatus; reached: readonly ReferralStatus[] }) {
  const { t } = useTranslation();
  const steps = lifecycleSteps(kind, status, reached);
  return (
    <ol className="meedoen-stepper" aria-label={t('referrals.lifecycle')} data-testid="referral-stepper">
      {steps.map((step, i) => (
        <li key={step.status} className={`meedoen-stepper__step meedoen-stepper__step--${step.state}`} aria-current={step.state === 'current' ? 'step' : undefined}>
          <span className="meedoen-stepper__marker" aria-hidden="true">
            {step.state === 'done' ? '✓' : i + 1}
          </span>
          <span className="meedoen-stepper__label">{statusLabel(t, kind, step.status)}</span>
          <span className="meedoen-stepper__state">{t(`referrals.stepStates.${step.state}`)}</span>
        </li>
      ))}
    </ol>
  );
}
