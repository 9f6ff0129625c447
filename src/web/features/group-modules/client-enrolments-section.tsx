import { Heading2, Heading3, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientEnrolment, ClientProject } from '../../api/group-module-types.ts';
import type { List } from '../../api/types.ts';
import { useAuth } from '../../app/auth-context.tsx';
import { formatDate } from '../../components/format.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterLink } from '../../components/router-link.tsx';
import { useApi } from '../../components/use-api.ts';
import { formatRate } from './group-format.ts';
import { ScrollableTable } from '../../components/scrollable-table.tsx';

/** Whether the dossier shows the section at all (the caller reads modules or projects). */
export function showsEnrolments(can: (permission: string) => boolean): boolean {
  return can('modules:read') || can('projects:read');
}

/** "Modules en projecten" on the dossier: the client's enrolments (with waiting position and attendance) and projects. */
export function ClientEnrolmentsSection({ clientId, refreshKey }: { clientId: string; refreshKey: number }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const path = `/api/clients/${encodeURIComponent(clientId)}`;
  const enrolments = useApi<List<ClientEnrolment>>(can('modules:read') ? `${path}/enrolments` : null);
  const projects = useApi<List<ClientProject>>(can('projects:read') ? `${path}/projects` : null);
  const first = useRef(true);
  const reloadEnrolments = enrolments.reload;
  const reloadProjects = projects.reload;
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    reloadEnrolments();
    reloadProjects();
  }, [refreshKey, reloadEnrolments, reloadProjects]);
  if (!showsEnrolments(can)) return null;

  return (
    <section aria-labelledby="client-enrolments-heading" id="modules">
      <Heading2 id="client-enrolments-heading">{t('cohorts.clientSection')}</Heading2>
      {can('modules:read') ? (
        <>
          <Heading3>{t('modules.title')}</Heading3>
          {enrolments.loading && !enrolments.data ? <Loading /> : null}
          <ProblemAlert error={enrolments.error} />
          {enrolments.data ? (
            enrolments.data.items.length === 0 ? <Paragraph>{t('cohorts.clientNoEnrolments')}</Paragraph> : <EnrolmentsTable items={enrolments.data.items} />
          ) : null}
        </>
      ) : null}
      {can('projects:read') ? (
        <>
          <Heading3>{t('projects.title')}</Heading3>
          {projects.loading && !projects.data ? <Loading /> : null}
          <ProblemAlert error={projects.error} />
          {projects.data ? (
            projects.data.items.length === 0 ? <Paragraph>{t('projects.clientNone')}</Paragraph> : <ProjectsTable items={projects.data.items} />
          ) : null}
        </>
      ) : null}
    </section>
  );
}

/** "Wachtlijst (plaats 2)", "Geplaatst", … */
function enrolmentStatus(e: ClientEnrolment, t: (key: string, options?: Record<string, unknown>) => string): string {
  const status = t(`cohorts.enrolmentStatuses.${e.status}`, { defaultValue: e.status });
  return e.status === 'waiting' && e.position ? t('cohorts.waitingAt', { status, position: e.position }) : status;
}

function EnrolmentsTable({ items }: { items: ClientEnrolment[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ScrollableTable data-testid="client-enrolments" caption={t('modules.title')} captionHidden>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('modules.module')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('cohorts.cohort')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('cohorts.startsOn')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('cohorts.status')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('cohorts.attendanceRate')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((e) => (
          <TableRow key={e.enrolmentId}>
            <TableCell>{e.moduleName}</TableCell>
            <TableCell>
              <RouterLink to={`/groepen/${encodeURIComponent(e.cohortId)}`}>{e.cohortLabel}</RouterLink>
            </TableCell>
            <TableCell>{formatDate(e.startsOn, i18n.language)}</TableCell>
            <TableCell>{enrolmentStatus(e, t)}</TableCell>
            <TableCell>{formatRate(e.attendanceRate, i18n.language) ?? t('common.none')}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </ScrollableTable>
  );
}

function ProjectsTable({ items }: { items: ClientProject[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ScrollableTable data-testid="client-projects" caption={t('projects.title')} captionHidden>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('projects.name')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('projects.joinedOn')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('projects.leftOn')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((p) => (
          <TableRow key={p.projectId}>
            <TableCell>
              <RouterLink to={`/projecten/${encodeURIComponent(p.projectId)}`}>{p.name}</RouterLink>
            </TableCell>
            <TableCell>{formatDate(p.joinedOn, i18n.language)}</TableCell>
            <TableCell>{p.leftOn ? formatDate(p.leftOn, i18n.language) : t('common.none')}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </ScrollableTable>
  );
}
