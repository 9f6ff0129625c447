import { Button, ButtonGroup, Heading1, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { query } from '../../api/client.ts';
import type { OverdueAnnualConversation, Page } from '../../api/types.ts';
import { formatDate } from '../../components/format.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterLink } from '../../components/router-link.tsx';
import { useApi } from '../../components/use-api.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { clientName } from '../clients/client-name.ts';
import { ScrollableTable } from '../../components/scrollable-table.tsx';

/** Page size of the overdue list. */
export const ANNUAL_PAGE_SIZE = 25;

/** "Jaargesprekken": clients of 27–65 without a yearly conversation in the last twelve months. */
export function AnnualConversationsPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const list = useApi<Page<OverdueAnnualConversation>>(`/api/annual-conversations/overdue${query({ limit: ANNUAL_PAGE_SIZE, offset })}`);
  usePageTitle(t('annual.title'));
  const go = (next: number) => setParams(next > 0 ? { offset: String(next) } : {});
  const total = list.data?.total ?? 0;
  const count = list.data?.items.length ?? 0;

  return (
    <>
      <Heading1>{t('annual.title')}</Heading1>
      <Paragraph>{t('annual.intro')}</Paragraph>
      <ProblemAlert error={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data ? (
        list.data.items.length === 0 ? (
          <Paragraph role="status">{t('annual.none')}</Paragraph>
        ) : (
          <>
            <ScrollableTable caption={t('annual.title')} captionHidden>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('clients.name')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('clients.clientNumber')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('clients.age')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('clients.municipality')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('clients.coach')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('annual.lastOn')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {list.data.items.map((c) => (
                  <TableRow key={c.id}>
                    <TableCell>
                      <RouterLink to={`/clienten/${encodeURIComponent(c.id)}`}>{clientName(c)}</RouterLink>
                    </TableCell>
                    <TableCell>{c.clientNumber}</TableCell>
                    <TableCell>{c.age}</TableCell>
                    <TableCell>{c.municipality.name}</TableCell>
                    <TableCell>{c.coach?.displayName ?? t('common.none')}</TableCell>
                    <TableCell>{c.lastOn ? formatDate(c.lastOn, i18n.language) : t('annual.never')}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </ScrollableTable>
            <nav aria-label={t('clients.paging')} className="meedoen-paging">
              <Paragraph role="status">{t('clients.range', { from: offset + 1, to: offset + count, total })}</Paragraph>
              <ButtonGroup>
                <Button appearance="secondary-action-button" disabled={offset === 0} onClick={() => go(Math.max(0, offset - ANNUAL_PAGE_SIZE))}>
                  {t('clients.previous')}
                </Button>
                <Button appearance="secondary-action-button" disabled={offset + count >= total} onClick={() => go(offset + ANNUAL_PAGE_SIZE)}>
                  {t('clients.next')}
                </Button>
              </ButtonGroup>
            </nav>
          </>
        )
      ) : null}
    </>
  );
}
