import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { ProcessingActivity } from '../../api/types.ts';

/** The register of processing activities (AVG art. 30): what is processed, why, on what ground, how long. */
export function ProcessingActivitiesTable({ activities }: { activities: ProcessingActivity[] }) {
  const { t } = useTranslation();
  return (
    <div className="meedoen-table-scroll">
      <Table>
        <TableCaption className="meedoen-visually-hidden">{t('processingLog.registerCaption')}</TableCaption>
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
      </Table>
    </div>
  );
}
