import { useTranslation } from 'react-i18next';
import type { AttentionCounts } from '../../api/types.ts';
import { formatNumber } from '../../components/format.ts';
import { RouterLink } from '../../components/router-link.tsx';

/** Which attention code each figure filters on. */
const FIGURES: { key: keyof AttentionCounts; code: string }[] = [
  { key: 'ladderOverdue', code: 'ladder_overdue' },
  { key: 'annualConversationOverdue', code: 'annual_conversation_overdue' },
  { key: 'openSignals', code: 'open_signals' },
  { key: 'overdueTasks', code: 'overdue_tasks' },
  { key: 'trajectoryEnding', code: 'trajectory_ending' },
];

type Props = {
  total: number;
  attention: AttentionCounts;
  active: string;
  labelledBy: string;
  /** Address of the caseload with this attention filter (empty: no attention filter). */
  hrefFor: (code: string) => string;
};

/**
 * The caseload's figures as cards; each card is a link that filters the list on that kind of
 * attention. The active filter is marked with aria-current and in words, not only by style.
 */
export function CaseloadFigures({ total, attention, active, labelledBy, hrefFor }: Props) {
  const { t, i18n } = useTranslation();
  const card = (key: string, code: string, value: number) => {
    const current = active === code;
    return (
      <li key={key} className="meedoen-figure meedoen-figure--link" data-count={key}>
        <RouterLink to={hrefFor(code)} aria-current={current ? 'true' : undefined} className="meedoen-figure__link">
          <span className="meedoen-figure__value">{formatNumber(value, i18n.language)}</span>
          <span className="meedoen-figure__label">
            {t(`caseload.figures.${key}`)}
            {current && code ? <span className="meedoen-figure__note">{t('caseload.figureActive')}</span> : null}
          </span>
        </RouterLink>
      </li>
    );
  };
  return (
    <ul className="meedoen-figures" aria-labelledby={labelledBy}>
      {card('total', '', total)}
      {FIGURES.map((f) => card(f.key, f.code, attention[f.key]))}
    </ul>
  );
}
