import { TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { ProcessingActivity } from '../../api/types.ts';
import { ScrollableTable } from '../../components/scrollable-table.tsx';

/** The register of processing activities (AVG art. 30): what is processed, why, on what ground, how long. */
export function ProcessingActivitiesTable({ activities }: { activities: ProcessingActivity[] }) {
  const { t } = useTranslation();
  return (
    <ScrollableTable caption={t('processingLog.registerCaption')} captionHidden>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('processingLog.code')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('processingLog.name')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('processingLog.purpose')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('processingLog.legalGround')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('processingLog.retention')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {activities.map((activity) => (
          <TableRow key={activity.id}>
            <TableCell>{activity.code}</TableCell>
            <TableCell>{activity.name}</TableCell>
            <TableCell>{activity.purpose}</TableCell>
            <TableCell>{activity.legalGround}</TableCell>
            <TableCell>{activity.retention}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </ScrollableTable>
  );
}
