import { ButtonGroup, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { StartData } from '../../api/types.ts';
import { useAuth, useSession } from '../../app/auth-context.tsx';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterButtonLink } from '../../components/router-button-link.tsx';
import { RouterLink } from '../../components/router-link.tsx';
import { useApi } from '../../components/use-api.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { ClientPortalPage } from '../client-portal/client-portal-page.tsx';
import { ClientsTable } from '../clients/clients-table.tsx';
import { StartReferrals } from '../referrals/start-referrals.tsx';
import { FigureCards } from './figure-cards.tsx';

/**
 * The start page. Whoever may read their own data (a client) gets their own page; everyone else
 * the welcome with the role's key figures. Decided by permission, never by role name.
 */
export function StartPage() {
  const { can } = useAuth();
  return can('own-data:read') ? <ClientPortalPage /> : <WorkStartPage />;
}

/** The start page of staff and partners: welcome, the role's key figures from /api/start, and a short client list. */
function WorkStartPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { can } = useAuth();
  const start = useApi<StartData>('/api/start');
  usePageTitle(t('start.title'));

  return (
    <>
      <Heading1>{t('start.welcome', { name: user.displayName })}</Heading1>
      {can('caseload:read') || can('clients:create') ? (
        <ButtonGroup className="meedoen-start-actions">
          {can('caseload:read') ? (
            <RouterButtonLink to="/caseload" appearance="primary-action-button">
              {t('start.toCaseload')}
            </RouterButtonLink>
          ) : null}
          {can('clients:create') ? <RouterButtonLink to="/clienten/nieuw">{t('newClient.title')}</RouterButtonLink> : null}
        </ButtonGroup>
      ) : null}
      {start.loading ? <Loading /> : null}
      <ProblemAlert error={start.error} />
      {start.data && Object.keys(start.data.counts).length > 0 ? (
        <section aria-labelledby="start-figures">
          <Heading2 id="start-figures">{t('start.figures')}</Heading2>
          <FigureCards counts={start.data.counts} labelledBy="start-figures" />
        </section>
      ) : null}
      {can('referrals:work') ? <StartReferrals /> : null}
      {start.data && start.data.clients.length > 0 ? (
        <section aria-labelledby="start-clients">
          <Heading2 id="start-clients">{t('start.clientsHeading')}</Heading2>
          <ClientsTable clients={start.data.clients} caption={t('start.clientsHeading')} />
          {can('clients:list') ? (
            <Paragraph>
              <RouterLink to="/clienten">{t('start.allClients')}</RouterLink>
            </Paragraph>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
