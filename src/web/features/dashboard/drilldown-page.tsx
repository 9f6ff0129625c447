import { Heading1, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import type { KpiClients } from '../../api/kpi-types.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterLink } from '../../components/router-link.tsx';
import { useApi } from '../../components/use-api.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { periodLabel } from './dashboard-filter-form.tsx';
import { apiQuery, readFilters, writeFilters } from './dashboard-filters.ts';
import { ScrollableTable } from '../../components/scrollable-table.tsx';

/**
 * The clients behind one number of the dashboard (team leads and coaches only; the server
 * answers 404 to anyone else and logs every client it lists). Each name links to the dossier;
 * "Terug naar het dashboard" keeps the period and filters.
 */
export function DrilldownPage() {
  const { t } = useTranslation();
  const { key = '' } = useParams();
  const [params] = useSearchParams();
  const filters = readFilters(params);
  const cell = params.get('cell') ?? '';
  const where = params.get('label') ?? '';
  const figureTitle = t(`kpi.figures.${key}.title`, { defaultValue: key });
  const list = useApi<KpiClients>(cell ? `/api/kpi/${encodeURIComponent(key)}/clients${apiQuery(filters)}&cell=${encodeURIComponent(cell)}` : null);
  const title = t('dashboard.drill.title', { figure: figureTitle });
  usePageTitle(title);
  const back = new URLSearchParams(writeFilters(filters)).toString();
  const clients = list.data?.clients ?? [];
  return (
    <>
      <Paragraph>
        <RouterLink to={`/dashboard${back ? `?${back}` : ''}`}>{t('dashboard.drill.back')}</RouterLink>
      </Paragraph>
      <Heading1>{title}</Heading1>
      <Paragraph>{t('dashboard.drill.context', { where: where || figureTitle, period: periodLabel(filters.period, t) })}</Paragraph>
      {!cell ? <Paragraph>{t('dashboard.drill.noCell')}</Paragraph> : null}
      <ProblemAlert error={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data ? (
        clients.length === 0 ? (
          <Paragraph role="status">{t('dashboard.drill.none')}</Paragraph>
        ) : (
          <>
            <ScrollableTable data-testid="drill-table" caption={t('dashboard.drill.caption', { count: list.data.total })}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('dashboard.drill.client')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('dashboard.drill.clientNumber')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('dashboard.drill.municipality')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('dashboard.drill.coach')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('dashboard.drill.step')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {clients.map((c) => (
                  <TableRow key={c.id}>
                    <TableHeaderCell scope="row">
                      <RouterLink to={`/clienten/${encodeURIComponent(c.id)}`}>{c.name}</RouterLink>
                    </TableHeaderCell>
                    <TableCell>{c.clientNumber}</TableCell>
                    <TableCell>{c.municipality ?? t('common.none')}</TableCell>
                    <TableCell>{c.coach ?? t('common.none')}</TableCell>
                    <TableCell>{c.ladderStep === null ? t('common.none') : t('ladder.stepLabel', { step: c.ladderStep, name: t(`ladder.steps.${c.ladderStep}`) })}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </ScrollableTable>
            {list.data.total > clients.length ? <Paragraph>{t('dashboard.drill.more', { shown: clients.length, total: list.data.total })}</Paragraph> : null}
          </>
        )
      ) : null}
    </>
  );
}
