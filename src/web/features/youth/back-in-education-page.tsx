import { Heading1, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { BackInEducationItem } from '../../api/placement-types.ts';
import type { List } from '../../api/types.ts';
import { formatDate } from '../../components/format.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterLink } from '../../components/router-link.tsx';
import { useApi } from '../../components/use-api.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { ScrollableTable } from '../../components/scrollable-table.tsx';

/** The coach's young people without a start qualification who are back in education, longest first. */
export function BackInEducationPage() {
  const { t, i18n } = useTranslation();
  const list = useApi<List<BackInEducationItem>>('/api/youth/back-in-education');
  usePageTitle(t('youth.backTitle'));
  return (
    <>
      <Heading1>{t('youth.backTitle')}</Heading1>
      <Paragraph>{t('youth.backIntro')}</Paragraph>
      <ProblemAlert error={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data ? (
        list.data.items.length === 0 ? (
          <Paragraph>{t('youth.backNone')}</Paragraph>
        ) : (
          <ScrollableTable caption={t('youth.backCaption', { count: list.data.items.length })}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('youth.client')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('youth.age')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('youth.currentEducation')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('youth.backSince')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('youth.earlySchoolLeaver')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('youth.coach')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.data.items.map((row) => (
                <TableRow key={row.client.id}>
                  <TableCell>
                    <RouterLink to={`/clienten/${encodeURIComponent(row.client.id)}#school`}>{`${row.client.firstName} ${row.client.lastName} (${row.client.clientNumber})`}</RouterLink>
                  </TableCell>
                  <TableCell>{row.client.age}</TableCell>
                  <TableCell>{`${t(`youth.education.${row.currentEducation}`)}${row.schoolName ? ` — ${row.schoolName}` : ''}`}</TableCell>
                  <TableCell>{formatDate(row.since, i18n.language)}</TableCell>
                  <TableCell>{row.earlySchoolLeaverReportedOn ? formatDate(row.earlySchoolLeaverReportedOn, i18n.language) : t('common.none')}</TableCell>
                  <TableCell>{row.coach ?? t('common.none')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </ScrollableTable>
        )
      ) : null}
    </>
  );
}
