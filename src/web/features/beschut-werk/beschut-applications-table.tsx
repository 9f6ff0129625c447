import { Heading2, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { ScopedBeschutApplication } from '../../api/placement-types.ts';
import type { List } from '../../api/types.ts';
import { formatDate } from '../../components/format.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterLink } from '../../components/router-link.tsx';
import { useApi } from '../../components/use-api.ts';
import { ScrollableTable } from '../../components/scrollable-table.tsx';

/** The coach's clients in assessment or on the waiting list, longest waiting first, each linking to the dossier. */
export function BeschutApplicationsTable({ status, heading }: { status: 'in_beoordeling' | 'positief'; heading: string }) {
  const { t, i18n } = useTranslation();
  const list = useApi<List<ScopedBeschutApplication>>(`/api/beschut-werk/applications?status=${status}`);
  const id = `beschut-${status}-heading`;
  return (
    <section aria-labelledby={id}>
      <Heading2 id={id}>{heading}</Heading2>
      <ProblemAlert error={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data ? (
        list.data.items.length === 0 ? (
          <Paragraph>{t('beschutWerk.nobody')}</Paragraph>
        ) : (
          <ScrollableTable data-testid={`beschut-${status}`} caption={heading} captionHidden>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('beschutWerk.client')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('beschutWerk.municipality')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('beschutWerk.requestedOn')}</TableHeaderCell>
                {status === 'positief' ? <TableHeaderCell scope="col">{t('beschutWerk.waitingSince')}</TableHeaderCell> : null}
                <TableHeaderCell scope="col">{t('beschutWerk.coach')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.data.items.map((a) => (
                <TableRow key={a.id}>
                  <TableCell>
                    <RouterLink to={`/clienten/${encodeURIComponent(a.client.id)}#plaatsingen`}>{`${a.client.firstName} ${a.client.lastName} (${a.client.clientNumber})`}</RouterLink>
                  </TableCell>
                  <TableCell>{a.municipality?.name ?? t('common.none')}</TableCell>
                  <TableCell>{formatDate(a.requestedOn, i18n.language)}</TableCell>
                  {status === 'positief' ? <TableCell>{a.assessedOn ? formatDate(a.assessedOn, i18n.language) : t('common.none')}</TableCell> : null}
                  <TableCell>{a.coach ?? t('common.none')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </ScrollableTable>
        )
      ) : null}
    </section>
  );
}
