import { Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { ProcessingLogEntry } from '../../api/types.ts';
import { formatDateTime } from '../../components/format.ts';
import { ScrollableTable } from '../../components/scrollable-table.tsx';

/** Processing-log rows (when, who, operation, activity), used on the client page and the search page. */
export function ProcessingLogTable({ entries, caption }: { entries: ProcessingLogEntry[]; caption: string }) {
  const { t, i18n } = useTranslation();
  if (entries.length === 0) return <Paragraph>{t('processingLog.empty')}</Paragraph>;
  return (
    <ScrollableTable caption={caption}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('processingLog.when')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('processingLog.who')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('processingLog.operation')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('processingLog.activity')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {entries.map((entry) => (
          <TableRow key={entry.id}>
            <TableCell>
              <time dateTime={entry.startedAt}>{formatDateTime(entry.startedAt, i18n.language)}</time>
            </TableCell>
            <TableCell>{entry.user?.displayName ?? t('processingLog.system')}</TableCell>
            <TableCell>{entry.operation}</TableCell>
            <TableCell>{entry.activity.name}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </ScrollableTable>
  );
}
