import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../components/format.ts';

/** A participant count; null means the server suppressed a small number, shown as "minder dan 5". */
export function ProjectCount({ value }: { value: number | null }) {
  const { t, i18n } = useTranslation();
  return <>{value === null ? t('projects.fewerThanFive') : formatNumber(value, i18n.language)}</>;
}
