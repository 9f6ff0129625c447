import { Button, Heading1, Heading2, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../../api/client.ts';
import type { CohortSummary, GroupModule } from '../../api/group-module-types.ts';
import type { List } from '../../api/types.ts';
import { formatDate } from '../../components/format.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert, StatusMessage } from '../../components/problem-alert.tsx';
import { RouterLink } from '../../components/router-link.tsx';
import { useApi } from '../../components/use-api.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useSubmit } from '../../components/use-submit.ts';
import { CapacityBar, CohortBadges } from './capacity-bar.tsx';
import { CohortForm, NEW_COHORT, cohortBody, type CohortFormValues } from './cohort-form.tsx';
import { NotFoundMessage } from './form-parts.tsx';
import { ScrollableTable } from '../../components/scrollable-table.tsx';

/** One module: its cohorts with start, occupation (placed, free, waiting) and status; planning a cohort. */
export function ModulePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const modules = useApi<List<GroupModule>>('/api/modules');
  const cohorts = useApi<List<CohortSummary>>(`/api/modules/${encodeURIComponent(id)}/cohorts`);
  const plan = useSubmit();
  const [planning, setPlanning] = useState(false);
  const [message, setMessage] = useState<string>();
  const module = modules.data?.items.find((m) => m.id === id);
  const notFound = cohorts.error?.status === 404 || cohorts.error?.problem.code === 'validation_failed' || (modules.data && !module);
  usePageTitle(module?.name ?? t('modules.title'));

  const onPlan = async (values: CohortFormValues) => {
    setMessage(undefined);
    const body = cohortBody(values);
    if (await plan.run(() => api.post<CohortSummary>(`/api/modules/${encodeURIComponent(id)}/cohorts`, body).then(() => undefined))) {
      setPlanning(false);
      setMessage(t('cohorts.planned', { label: values.label.trim() }));
      cohorts.reload();
      modules.reload();
    }
  };

  if ((modules.loading && !modules.data) || (cohorts.loading && !cohorts.data)) return <Loading />;
  if (notFound) {
    return <NotFoundMessage title={t('modules.notFound')} backTo="/modules" backLabel={t('modules.backToList')} />;
  }
  if (!module) return <ProblemAlert error={modules.error ?? cohorts.error} />;

  return (
    <>
      <Heading1>{module.name}</Heading1>
      <dl className="meedoen-facts">
        <div>
          <dt>{t('modules.provider')}</dt>
          <dd>{module.provider?.name ?? t('modules.ownOffer')}</dd>
        </div>
        <div>
          <dt>{t('modules.status')}</dt>
          <dd>{module.active ? t('modules.active') : t('modules.inactive')}</dd>
        </div>
      </dl>
      {module.description ? <Paragraph className="meedoen-prewrap">{module.description}</Paragraph> : null}
      <StatusMessage message={message} />
      <section aria-labelledby="module-cohorts-heading">
        <Heading2 id="module-cohorts-heading">{t('cohorts.title')}</Heading2>
        <ProblemAlert error={cohorts.error} />
        {cohorts.data ? (
          cohorts.data.items.length === 0 ? (
            <Paragraph>{t('cohorts.none')}</Paragraph>
          ) : (
            <CohortsTable cohorts={cohorts.data.items} />
          )
        ) : null}
      </section>
      {module.policies.planCohort ? (
        <section aria-labelledby="cohort-plan-heading">
          {planning ? (
            <>
              <Heading2 id="cohort-plan-heading" tabIndex={-1}>
                {t('cohorts.planHeading')}
              </Heading2>
              <CohortForm
                idPrefix="cohort-plan"
                labelledBy="cohort-plan-heading"
                mode="create"
                submitLabel={t('cohorts.plan')}
                initial={NEW_COHORT}
                error={plan.error}
                pending={plan.pending}
                onSubmit={(values) => void onPlan(values)}
                onCancel={() => setPlanning(false)}
              />
            </>
          ) : (
            <>
              <Heading2 id="cohort-plan-heading">{t('cohorts.planHeading')}</Heading2>
              <Button
                appearance="secondary-action-button"
                onClick={() => {
                  plan.clear();
                  setMessage(undefined);
                  setPlanning(true);
                  requestAnimationFrame(() => document.getElementById('cohort-plan-heading')?.focus());
                }}
              >
                {t('cohorts.planOpen')}
              </Button>
            </>
          )}
        </section>
      ) : null}
      <Paragraph>
        <RouterLink to="/modules">{t('modules.backToList')}</RouterLink>
      </Paragraph>
    </>
  );
}

function CohortsTable({ cohorts }: { cohorts: CohortSummary[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ScrollableTable caption={t('cohorts.caption')} captionHidden>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('cohorts.label')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('cohorts.startsOn')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('cohorts.location')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('cohorts.occupation')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('cohorts.status')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {cohorts.map((c) => (
          <TableRow key={c.id} data-cohort-label={c.label}>
            <TableCell>
              <RouterLink to={`/groepen/${encodeURIComponent(c.id)}`}>{c.label}</RouterLink>
            </TableCell>
            <TableCell>
              {formatDate(c.startsOn, i18n.language)}
              {c.endsOn ? ` – ${formatDate(c.endsOn, i18n.language)}` : ''}
            </TableCell>
            <TableCell>{c.location ?? t('common.none')}</TableCell>
            <TableCell>
              <CapacityBar capacity={c.capacity} counts={c.counts} />
            </TableCell>
            <TableCell>
              <CohortBadges status={c.status} collective={c.collective} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </ScrollableTable>
  );
}
