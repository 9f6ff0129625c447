import { Button, ButtonGroup, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { query } from '../../api/client.ts';
import type { CaseloadPage as CaseloadData, TeamCaseloads } from '../../api/types.ts';
import { useAuth } from '../../app/auth-context.tsx';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterButtonLink } from '../../components/router-button-link.tsx';
import { RouterLink } from '../../components/router-link.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { useApi } from '../../components/use-api.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { CaseloadFigures } from './caseload-figures.tsx';
import { CaseloadFilterForm } from './caseload-filter-form.tsx';
import { FORM_FILTER_KEYS, readFilters, writeFilters, type CaseloadFilters } from './caseload-filters.ts';
import { CaseloadTable } from './caseload-table.tsx';

/** The team lead's choice of whose caseload to show; applied with a button, not on change (WCAG 3.2.2). */
function CoachPicker({ coachId, coaches, onPick }: { coachId: string; coaches: TeamCaseloads['coaches']; onPick: (id: string) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(coachId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onPick(value);
  };
  return (
    <form onSubmit={submit} className="meedoen-inline-form" aria-label={t('caseload.coach')}>
      <SelectField
        id="caseload-coach"
        label={t('caseload.coach')}
        value={value}
        onChange={setValue}
        emptyLabel={t('caseload.ownCaseload')}
        options={coaches.map((c) => ({ value: c.id, label: `${c.displayName} (${c.clientCount})` }))}
      />
      <Button type="submit" appearance="secondary-action-button">
        {t('caseload.showCoach')}
      </Button>
    </form>
  );
}

/** Page size of the caseload. */
export const CASELOAD_PAGE_SIZE = 25;

/**
 * "Mijn caseload": what needs attention first, figures that filter, a filter form with counts,
 * and paging. Everything lives in the URL. A team lead can look at a coach's caseload.
 */
export function CaseloadPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const canPickCoach = can('team:manage');
  const team = useApi<TeamCaseloads>(canPickCoach ? '/api/team/caseloads' : null);
  const list = useApi<CaseloadData>(
    `/api/caseload${query({
      route: filters.route,
      step: filters.step,
      municipalityId: filters.municipalityId,
      group: filters.group,
      attention: filters.attention,
      coachId: filters.coachId,
      outflowed: filters.outflowed,
      limit: CASELOAD_PAGE_SIZE,
      offset: filters.offset,
    })}`,
  );
  // The form restarts from the URL whenever the URL's filters change (back button, clearing).
  const formKey = FORM_FILTER_KEYS.map((k) => filters[k]).join('|');

  const coach = team.data?.coaches.find((c) => c.id === filters.coachId);
  const outflowed = filters.outflowed === 'true';
  const baseTitle = coach ? t('caseload.titleOf', { name: coach.displayName }) : t('caseload.title');
  const title = outflowed ? t('caseload.outflowedTitle', { title: baseTitle }) : baseTitle;
  usePageTitle(title);

  const go = (next: Partial<CaseloadFilters>) => setParams(writeFilters({ ...filters, offset: 0, ...next }));
  const hrefFor = (attention: string) => `?${new URLSearchParams(writeFilters({ ...filters, attention, offset: 0 })).toString()}`;

  const counts = list.data?.counts;
  const total = list.data?.total ?? 0;
  const count = list.data?.items.length ?? 0;

  return (
    <>
      <Heading1>{title}</Heading1>
      {can('clients:create') ? (
        <Paragraph>
          <RouterButtonLink to="/clienten/nieuw">{t('newClient.title')}</RouterButtonLink>
        </Paragraph>
      ) : null}
      {canPickCoach && team.data ? (
        <CoachPicker key={filters.coachId} coachId={filters.coachId} coaches={team.data.coaches} onPick={(coachId) => go({ coachId })} />
      ) : null}
      <ProblemAlert error={list.error ?? team.error} />
      {counts && (outflowed || counts.outflowed > 0) ? (
        <Paragraph data-testid="caseload-outflowed">
          {outflowed ? (
            <RouterLink to={`?${new URLSearchParams(writeFilters({ ...filters, outflowed: '', attention: '', offset: 0 })).toString()}`}>
              {t('caseload.showOnBenefit')}
            </RouterLink>
          ) : (
            <RouterLink to={`?${new URLSearchParams(writeFilters({ ...filters, outflowed: 'true', attention: '', offset: 0 })).toString()}`}>
              {t('caseload.showOutflowed', { count: counts.outflowed })}
            </RouterLink>
          )}
        </Paragraph>
      ) : null}
      {counts ? (
        <section aria-labelledby="caseload-figures">
          <Heading2 id="caseload-figures">{t('caseload.figuresHeading')}</Heading2>
          <CaseloadFigures
            total={counts.total}
            attention={counts.attention}
            active={filters.attention}
            labelledBy="caseload-figures"
            hrefFor={hrefFor}
          />
        </section>
      ) : null}
      <section aria-labelledby="caseload-filter-heading">
        <Heading2 id="caseload-filter-heading">{t('caseload.filterHeading')}</Heading2>
        <CaseloadFilterForm
          key={formKey}
          initial={{ route: filters.route, step: filters.step, municipalityId: filters.municipalityId, group: filters.group }}
          counts={counts}
          labelledBy="caseload-filter-heading"
          onSubmit={(values) => go(values)}
        />
        {params.toString() && !(params.size === 1 && filters.coachId) ? (
          <Paragraph>
            <RouterLink to={filters.coachId ? `?coachId=${encodeURIComponent(filters.coachId)}` : '/caseload'}>
              {t('caseload.clearFilters')}
            </RouterLink>
          </Paragraph>
        ) : null}
      </section>
      <section aria-labelledby="caseload-list-heading">
        <Heading2 id="caseload-list-heading">{t('caseload.listHeading')}</Heading2>
        {filters.attention ? <Paragraph>{t('caseload.filteredOn', { what: t(`attention.${filters.attention}`) })}</Paragraph> : null}
        {list.loading && !list.data ? <Loading /> : null}
        {list.data ? (
          list.data.items.length === 0 ? (
            <Paragraph role="status">{t('common.noResults')}</Paragraph>
          ) : (
            <>
              <CaseloadTable items={list.data.items} caption={title} />
              <nav aria-label={t('clients.paging')} className="meedoen-paging">
                <Paragraph role="status">{t('clients.range', { from: filters.offset + 1, to: filters.offset + count, total })}</Paragraph>
                <ButtonGroup>
                  <Button
                    appearance="secondary-action-button"
                    disabled={filters.offset === 0}
                    onClick={() => go({ offset: Math.max(0, filters.offset - CASELOAD_PAGE_SIZE) })}
                  >
                    {t('clients.previous')}
                  </Button>
                  <Button
                    appearance="secondary-action-button"
                    disabled={filters.offset + count >= total}
                    onClick={() => go({ offset: filters.offset + CASELOAD_PAGE_SIZE })}
                  >
                    {t('clients.next')}
                  </Button>
                </ButtonGroup>
              </nav>
            </>
          )
        ) : null}
      </section>
    </>
  );
}
