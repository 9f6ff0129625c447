import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Gives every page its own <title> (WCAG 2.4.2), followed by the app name. */
export function usePageTitle(title: string): void {
  const { t } = useTranslation();
  const suffix = t('app.titleSuffix');
  useEffect(() => {
    document.title = title ? `${title} — ${suffix}` : suffix;
  }, [title, suffix]);
}
