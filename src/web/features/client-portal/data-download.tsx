import { ButtonGroup, ButtonLink, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import './client-portal.css';

/**
 * "Download my data" (AVG inzage): the same copy as a readable PDF and as JSON. `base` is the
 * export path without its extension: /api/me/data-export for the client, the dossier's path for a
 * coach handling a request. Plain links: the browser downloads with the session cookie.
 */
export function DataDownload({ base, headingId, id, forClient }: { base: string; headingId: string; id?: string; forClient: boolean }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={headingId} id={id} className="meedoen-portal__card">
      <Heading2 id={headingId}>{forClient ? t('dataExport.titleOwn') : t('dataExport.titleClient')}</Heading2>
      <Paragraph>{forClient ? t('dataExport.introOwn') : t('dataExport.introClient')}</Paragraph>
      <ButtonGroup>
        <ButtonLink href={`${base}.pdf`} download appearance="primary-action-button">
          {t('dataExport.pdf')}
        </ButtonLink>
        <ButtonLink href={`${base}.json`} download appearance="secondary-action-button">
          {t('dataExport.json')}
        </ButtonLink>
      </ButtonGroup>
      <Paragraph>{forClient ? t('dataExport.loggedOwn') : t('dataExport.loggedClient')}</Paragraph>
    </section>
  );
}
