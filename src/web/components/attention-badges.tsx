import { useTranslation } from 'react-i18next';

/**
 * What needs attention, as short text badges: the words carry the meaning, the border only
 * groups them (WCAG 1.4.1, never colour alone).
 */
export function AttentionBadges({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  if (codes.length === 0) return <span>{t('caseload.attentionNone')}</span>;
  return (
    <ul className="meedoen-badges">
      {codes.map((code) => (
        <li key={code} className="meedoen-badge" data-attention={code}>
          {t(`attention.${code}`, { defaultValue: code })}
        </li>
      ))}
    </ul>
  );
}
