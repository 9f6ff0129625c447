import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { ClientPortal } from '../../api/client-portal-types.ts';
import { useSession } from '../../app/auth-context.tsx';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useApi } from '../../components/use-api.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { DataDownload } from './data-download.tsx';
import { PortalAppointments, PortalSessions } from './portal-agenda.tsx';
import { PortalContact } from './portal-contact.tsx';
import { PortalPlan } from './portal-plan.tsx';
import './client-portal.css';

/**
 * The client's own start page, in plain Dutch and built for a phone first: their coach and how
 * to reach the service, coming appointments and group sessions, their plan and Positive Health
 * webs, and "download my data" (AVG inzage).
 */
export function ClientPortalPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const portal = useApi<ClientPortal>('/api/me/portal');
  usePageTitle(t('start.title'));

  return (
    <div className="meedoen-portal">
      <Heading1>{t('start.welcome', { name: portal.data?.client.firstName ?? user.displayName })}</Heading1>
      <Paragraph appearance="lead">{t('clientPortal.intro')}</Paragraph>
      {portal.loading && !portal.data ? <Loading /> : null}
      <ProblemAlert error={portal.error} />
      {portal.data ? (
        <>
          <PortalContact portal={portal.data} />
          <PortalAppointments appointments={portal.data.appointments} />
          <PortalSessions sessions={portal.data.moduleSessions} />
          <PortalPlan clientId={portal.data.client.id} />
          {portal.data.policies.exportData ? <DataDownload base="/api/me/data-export" headingId="portal-data" id="mijn-gegevens" forClient /> : null}
        </>
      ) : null}
    </div>
  );
}
