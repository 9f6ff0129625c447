import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../components/format.ts';

/**
 * The start page's key figures as labelled cards. A null figure is a small count the server
 * suppressed for privacy; it is shown as a dash with an explanation, never as zero.
 */
export function FigureCards({ counts, labelledBy }: { counts: Record<string, number | null>; labelledBy: string }) {
  const { t, i18n } = useTranslation();
  const entries = Object.entries(counts);
  return (
    <ul className="meedoen-figures" aria-labelledby={labelledBy}>
      {entries.map(([key, value]) => (
        <li key={key} className="meedoen-figure" data-count={key}>
          <span className="meedoen-figure__label" id={`figure-${key}`}>
            {t(`start.counts.${key}`, { defaultValue: key })}
          </span>
          {value === null ? (
            <span className="meedoen-figure__value" aria-describedby={`figure-${key}-note`}>
              <span aria-hidden="true">{t('common.none')}</span>
              <span id={`figure-${key}-note`} className="meedoen-figure__note">
                {t('start.suppressed')}
              </span>
            </span>
          ) : (
            <span className="meedoen-figure__value">{formatNumber(value, i18n.language)}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
