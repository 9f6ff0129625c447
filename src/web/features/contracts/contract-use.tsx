import { useTranslation } from 'react-i18next';
import type { Contract } from '../../api/trajectory-types.ts';
import { formatNumber } from '../../components/format.ts';
import { formatEuros, percentage } from './contract-figures.ts';

/**
 * A bar that is only a picture: the figures it shows are always written out next to it, so it is
 * hidden from assistive technology and never the only carrier of information (WCAG 1.1.1, 1.4.1).
 */
function Bar({ parts }: { parts: { value: number; kind: string }[] }) {
  return (
    <span className="meedoen-bar" aria-hidden="true">
      {parts.map((p) => (
        <span key={p.kind} className={`meedoen-bar__part meedoen-bar__part--${p.kind}`} style={{ inlineSize: `${Math.min(100, p.value)}%` }} />
      ))}
    </span>
  );
}

/** The contract's capacity in use: places taken by running and requested trajectories, and those free. */
export function CapacityUse({ contract: c }: { contract: Contract }) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatNumber(v, i18n.language);
  return (
    <div className="meedoen-use" data-testid="contract-capacity">
      <Bar
        parts={[
          { value: percentage(c.use.inUse, c.capacity), kind: 'used' },
          { value: percentage(c.use.requested, c.capacity), kind: 'requested' },
        ]}
      />
      <span>{t('contracts.capacityText', { inUse: n(c.use.inUse), requested: n(c.use.requested), available: n(c.use.available), capacity: n(c.capacity) })}</span>
      <span className="meedoen-cell-note">{t('contracts.endedText', { completed: n(c.use.completed), ended: n(c.use.ended) })}</span>
    </div>
  );
}

/** Spend (price × trajectories that started) against the budget (price × capacity). */
export function SpendUse({ contract: c }: { contract: Contract }) {
  const { t, i18n } = useTranslation();
  const share = percentage(c.use.spentCents, c.use.budgetCents);
  return (
    <div className="meedoen-use" data-testid="contract-spend">
      <Bar parts={[{ value: share, kind: 'spent' }]} />
      <span>
        {t('contracts.spendText', { spent: formatEuros(c.use.spentCents, i18n.language), budget: formatEuros(c.use.budgetCents, i18n.language), share })}
      </span>
    </div>
  );
}
