import { Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { ClientDetail, List, ProcessingLogEntry } from '../../api/types.ts';
import { useAuth } from '../../app/auth-context.tsx';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterLink } from '../../components/router-link.tsx';
import { useApi } from '../../components/use-api.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { AppointmentsSection } from '../appointments/appointments-section.tsx';
import { DataDownload } from '../client-portal/data-download.tsx';
import { ContactsSection } from '../contacts/contacts-section.tsx';
import { ClientEnrolmentsSection, showsEnrolments } from '../group-modules/client-enrolments-section.tsx';
import { LadderSection } from '../ladder/ladder-section.tsx';
import { PlanSection } from '../plan/plan-section.tsx';
import { WorkSections, workSectionLinks } from '../placements/work-sections.tsx';
import { ClientReferralsSection } from '../referrals/client-referrals-section.tsx';
import { ProcessingLogTable } from '../processing-log/processing-log-table.tsx';
import { SignalsSection } from '../signals/signals-section.tsx';
import { ClientTasksSection } from '../tasks/client-tasks-section.tsx';
import { TimelineSection } from '../timeline/timeline-section.tsx';
import { ClientEditSection } from './client-edit-section.tsx';
import { ClientHeader } from './client-header.tsx';
import { clientName } from './client-name.ts';
import { OutflowSection } from './outflow-section.tsx';
import { RouteSection } from './route-section.tsx';

/**
 * The client's dossier: header with what needs attention, then one section per subject, each
 * shown and editable only as the client's `policies` allow.
 */
export function ClientPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { id = '' } = useParams();
  const client = useApi<ClientDetail>(`/api/clients/${encodeURIComponent(id)}`);
  const [refreshKey, setRefreshKey] = useState(0);
  const reloadClient = client.reload;
  // Any change in a section can change the header (trede, flags) and adds to the timeline.
  const onChanged = useCallback(() => {
    reloadClient();
    setRefreshKey((k) => k + 1);
  }, [reloadClient]);
  // A malformed id is answered with 422; for the user it is the same as an unknown client.
  const notFound = client.error?.status === 404 || client.error?.problem.code === 'validation_failed';
  usePageTitle(client.data ? clientName(client.data) : notFound ? t('clients.notFound') : t('clients.title'));

  if (client.loading && !client.data) return <Loading />;
  if (notFound) {
    return (
      <>
        <Heading1>{t('clients.notFound')}</Heading1>
        <Paragraph>{t('clients.notFoundText')}</Paragraph>
        <Paragraph>
          <RouterLink to="/clienten">{t('clients.backToList')}</RouterLink>
        </Paragraph>
      </>
    );
  }
  if (!client.data) return <ProblemAlert error={client.error} />;

  const c = client.data;
  const p = c.policies;
  const sections: { id: string; label: string; show: boolean }[] = [
    { id: 'gegevens', label: t('clients.details'), show: p.readPersonalDetails },
    { id: 'route', label: t('route.title'), show: p.changeRoute },
    { id: 'uitstroom', label: t('outflow.title'), show: p.registerOutflow && p.readPersonalDetails },
    { id: 'ladder', label: t('ladder.title'), show: p.readLadder },
    { id: 'plan', label: t('plan.title'), show: p.readPlan },
    { id: 'contacten', label: t('contacts.title'), show: p.readContacts },
    { id: 'afspraken', label: t('appointments.title'), show: can('appointments:read') },
    { id: 'signalen', label: t('signals.title'), show: p.readSignals },
    ...workSectionLinks(c, can, t),
    { id: 'taken', label: t('tasks.openForClient'), show: can('tasks:read') },
    { id: 'verwijzingen', label: t('referrals.clientSection'), show: can('referrals:read') },
    { id: 'modules', label: t('cohorts.clientSection'), show: showsEnrolments(can) },
    { id: 'tijdlijn', label: t('timeline.title'), show: p.readTimeline },
    { id: 'verwerkingen', label: t('processingLog.title'), show: p.readProcessingLog },
    { id: 'inzage', label: t('dataExport.titleClient'), show: p.readProcessingLog && can('clients:export') },
  ];

  return (
    <>
      <ClientHeader client={c} />
      {client.error ? <ProblemAlert error={client.error} /> : null}
      <nav aria-label={t('clients.onThisPage')} className="meedoen-toc">
        <ul>
          {sections
            .filter((s) => s.show)
            .map((s) => (
              <li key={s.id}>
                <a className="utrecht-link utrecht-link--html-a" href={`#${s.id}`}>
                  {s.label}
                </a>
              </li>
            ))}
        </ul>
      </nav>
      {p.readPersonalDetails ? <ClientEditSection client={c} etag={client.etag} onChanged={onChanged} /> : null}
      {p.changeRoute ? <RouteSection client={c} etag={client.etag} onChanged={onChanged} /> : null}
      {p.registerOutflow && p.readPersonalDetails ? <OutflowSection client={c} etag={client.etag} onChanged={onChanged} /> : null}
      {p.readLadder ? <LadderSection client={c} onChanged={onChanged} /> : null}
      {p.readPlan ? <PlanSection client={c} onChanged={onChanged} /> : null}
      {p.readContacts ? <ContactsSection client={c} onChanged={onChanged} /> : null}
      {can('appointments:read') ? <AppointmentsSection clientId={c.id} onChanged={onChanged} /> : null}
      {p.readSignals ? <SignalsSection client={c} onChanged={onChanged} /> : null}
      <WorkSections client={c} onChanged={onChanged} />
      {can('tasks:read') ? <ClientTasksSection clientId={c.id} refreshKey={refreshKey} onChanged={onChanged} /> : null}
      {can('referrals:read') ? <ClientReferralsSection client={c} refreshKey={refreshKey} onChanged={onChanged} /> : null}
      <ClientEnrolmentsSection clientId={c.id} refreshKey={refreshKey} />
      {p.readTimeline ? <TimelineSection clientId={c.id} refreshKey={refreshKey} /> : null}
      {p.readProcessingLog ? <ProcessingLogSection clientId={c.id} /> : null}
      {p.readProcessingLog && can('clients:export') ? <DataDownload base={`/api/clients/${encodeURIComponent(c.id)}/data-export`} headingId="client-data-export" id="inzage" forClient={false} /> : null}
      <Paragraph>
        <RouterLink to="/clienten">{t('clients.backToList')}</RouterLink>
      </Paragraph>
    </>
  );
}

function ProcessingLogSection({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const log = useApi<List<ProcessingLogEntry>>(`/api/clients/${encodeURIComponent(clientId)}/processing-log`);
  return (
    <section aria-labelledby="client-processing-log" id="verwerkingen">
      <Heading2 id="client-processing-log">{t('processingLog.title')}</Heading2>
      {log.loading ? <Loading /> : null}
      <ProblemAlert error={log.error} />
      {log.data ? <ProcessingLogTable entries={log.data.items} caption={t('processingLog.caption')} /> : null}
    </section>
  );
}
