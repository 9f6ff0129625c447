import { useTranslation } from 'react-i18next';
import type { CohortCounts } from '../../api/group-module-types.ts';
import './group-modules.css';

/**
 * A cohort's occupation: a bar for a quick look and the same figures as text (placed, free,
 * waiting), so nothing depends on seeing the bar (WCAG 1.1.1, 1.4.1).
 */
export function CapacityBar({ capacity, counts }: { capacity: number; counts: CohortCounts }) {
  const { t } = useTranslation();
  return (
    <div className="meedoen-capacity" data-testid="cohort-capacity">
      <meter aria-hidden="true" className="meedoen-capacity__bar" min={0} max={Math.max(capacity, 1)} value={Math.min(counts.placed, capacity)} />
      <span className="meedoen-capacity__text">
        {t('cohorts.capacityText', { placed: counts.placed, capacity, free: counts.free, waiting: counts.waiting })}
      </span>
    </div>
  );
}

/** The words for a cohort's status, plus a "collectieve start" badge when it starts as one group. */
export function CohortBadges({ status, collective }: { status: string; collective: boolean }) {
  const { t } = useTranslation();
  return (
    <ul className="meedoen-badges">
      <li className="meedoen-badge" data-cohort-status={status}>
        {t(`cohorts.statuses.${status}`, { defaultValue: status })}
      </li>
      {collective ? <li className="meedoen-badge">{t('cohorts.collectiveBadge')}</li> : null}
    </ul>
  );
}
