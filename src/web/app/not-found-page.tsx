import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { RouterLink } from '../components/router-link.tsx';
import { usePageTitle } from '../components/use-page-title.ts';

/** Shown for any unknown address inside the app. */
export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('common.notFoundTitle'));
  return (
    <>
      <Heading1>{t('common.notFoundTitle')}</Heading1>
      <Paragraph>{t('common.notFound')}</Paragraph>
      <Paragraph>
        <RouterLink to="/">{t('common.backToStart')}</RouterLink>
      </Paragraph>
    </>
  );
}
