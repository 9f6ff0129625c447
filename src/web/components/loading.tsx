import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';

/** The one loading indicator, announced politely. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <Paragraph role="status" aria-live="polite">
      {t('app.loading')}
    </Paragraph>
  );
}
