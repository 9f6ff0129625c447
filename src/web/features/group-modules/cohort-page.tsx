import { Button, ButtonGroup, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../../api/client.ts';
import type { CohortOverview, WaitingListEntry } from '../../api/group-module-types.ts';
import { formatDate } from '../../components/format.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert, StatusMessage } from '../../components/problem-alert.tsx';
import { RouterLink } from '../../components/router-link.tsx';
import { useApi } from '../../components/use-api.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useSubmit } from '../../components/use-submit.ts';
import { CapacityBar, CohortBadges } from './capacity-bar.tsx';
import { CohortForm, cohortBody, cohortValues, type CohortFormValues } from './cohort-form.tsx';
import { CollectiveStartSection } from './collective-start-section.tsx';
import { EnrolSection } from './enrol-section.tsx';
import { participantName } from './group-format.ts';
import { ParticipantsSection } from './participants-section.tsx';
import { SessionsSection } from './sessions-section.tsx';
import { WaitingListSection } from './waiting-list-section.tsx';
import { NotFoundMessage } from './form-parts.tsx';

/**
 * A cohort ("groep") at a glance: sessions with attendance, the participants, the waiting list in
 * order, enrolment, and for a collective cohort the invitations, selection and start. When a seat
 * frees, the page says who moved up from the waiting list.
 */
export function CohortPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const cohort = useApi<CohortOverview>(`/api/cohorts/${encodeURIComponent(id)}`);
  const [message, setMessage] = useState<string>();
  const [movedUp, setMovedUp] = useState<ReadonlySet<string>>(new Set());
  const waitingBefore = useRef<WaitingListEntry[] | null>(null);
  const notFound = cohort.error?.status === 404 || cohort.error?.problem.code === 'validation_failed';
  const data = cohort.data;
  usePageTitle(data ? `${data.moduleName} — ${data.label}` : notFound ? t('cohorts.notFound') : t('cohorts.title'));

  // After a seat was freed, whoever was waiting before and is now placed has moved up.
  useEffect(() => {
    const before = waitingBefore.current;
    if (!data || !before) return;
    waitingBefore.current = null;
    const moved = data.participants.filter((p) => before.some((w) => w.enrolmentId === p.enrolmentId));
    setMovedUp(new Set(moved.map((p) => p.enrolmentId)));
    if (moved.length > 0) {
      const names = moved.map((p) => participantName(p.client, t)).join(', ');
      setMessage((m) => `${m ?? ''} ${t('cohorts.movedUp', { names, count: moved.length })}`.trim());
    }
  }, [data, t]);

  const changed = (text?: string) => {
    setMessage(text);
    cohort.reload();
  };
  const seatFreed = (text: string) => {
    waitingBefore.current = data?.waitingList ?? [];
    changed(text);
  };

  if (cohort.loading && !data) return <Loading />;
  if (notFound) {
    return <NotFoundMessage title={t('cohorts.notFound')} backTo="/modules" backLabel={t('modules.backToList')} />;
  }
  if (!data) return <ProblemAlert error={cohort.error} />;

  const enrolOpen = data.policies.enrol && (!data.collective || data.status !== 'gepland') && data.status !== 'afgerond' && data.status !== 'geannuleerd';
  return (
    <>
      <Heading1>
        {data.moduleName} — {data.label}
      </Heading1>
      <Paragraph>
        <RouterLink to={`/modules/${encodeURIComponent(data.moduleId)}`}>{t('cohorts.backToModule', { name: data.moduleName })}</RouterLink>
      </Paragraph>
      <CohortFacts cohort={data} />
      <StatusMessage message={message} />
      {cohort.error ? <ProblemAlert error={cohort.error} /> : null}
      {data.policies.update ? <EditCohort cohort={data} etag={cohort.etag} onSaved={() => seatFreed(t('cohorts.updated'))} /> : null}
      <SessionsSection cohort={data} onChanged={changed} canRecord={data.policies.recordAttendance} />
      <ParticipantsSection cohort={data} movedUp={movedUp} onSeatFreed={seatFreed} />
      <WaitingListSection cohort={data} onChanged={changed} />
      {enrolOpen ? <EnrolSection cohort={data} onEnrolled={changed} /> : null}
      {data.collective ? <CollectiveStartSection cohort={data} onChanged={changed} /> : null}
    </>
  );
}

function CohortFacts({ cohort }: { cohort: CohortOverview }) {
  const { t, i18n } = useTranslation();
  return (
    <dl className="meedoen-facts" data-testid="cohort-facts">
      <div>
        <dt>{t('cohorts.period')}</dt>
        <dd>
          {formatDate(cohort.startsOn, i18n.language)}
          {cohort.endsOn ? ` – ${formatDate(cohort.endsOn, i18n.language)}` : ''}
        </dd>
      </div>
      <div>
        <dt>{t('cohorts.location')}</dt>
        <dd>{cohort.location ?? t('common.none')}</dd>
      </div>
      <div>
        <dt>{t('cohorts.occupation')}</dt>
        <dd>
          <CapacityBar capacity={cohort.capacity} counts={cohort.counts} />
        </dd>
      </div>
      <div>
        <dt>{t('cohorts.status')}</dt>
        <dd>
          <CohortBadges status={cohort.status} collective={cohort.collective} />
        </dd>
      </div>
    </dl>
  );
}

function EditCohort({ cohort, etag, onSaved }: { cohort: CohortOverview; etag: string | null; onSaved: () => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const submit = useSubmit();
  const initial = cohortValues(cohort);

  const onSubmit = async (values: CohortFormValues) => {
    const body = cohortBody(values, initial);
    const path = `/api/cohorts/${encodeURIComponent(cohort.id)}`;
    if (await submit.run(() => api.patch<unknown>(path, body, { ifMatch: etag ?? `"${cohort.version}"` }).then(() => undefined))) {
      setEditing(false);
      onSaved();
    }
  };

  if (!editing) {
    return (
      <ButtonGroup>
        <Button
          appearance="secondary-action-button"
          onClick={() => {
            submit.clear();
            setEditing(true);
            requestAnimationFrame(() => document.getElementById('cohort-edit-heading')?.focus());
          }}
        >
          {t('cohorts.edit')}
        </Button>
      </ButtonGroup>
    );
  }
  return (
    <section aria-labelledby="cohort-edit-heading">
      <Heading2 id="cohort-edit-heading" tabIndex={-1}>
        {t('cohorts.edit')}
      </Heading2>
      <CohortForm
        key={cohort.version}
        idPrefix="cohort-edit"
        labelledBy="cohort-edit-heading"
        mode="edit"
        submitLabel={t('common.save')}
        initial={initial}
        error={submit.error}
        pending={submit.pending}
        onSubmit={(values) => void onSubmit(values)}
        onCancel={() => setEditing(false)}
      />
    </section>
  );
}
