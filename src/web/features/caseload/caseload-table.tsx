import { TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { CaseloadItem } from '../../api/types.ts';
import { AttentionBadges } from '../../components/attention-badges.tsx';
import { formatDate } from '../../components/format.ts';
import { RouterLink } from '../../components/router-link.tsx';
import { clientName } from '../clients/client-name.ts';
import { ScrollableTable } from '../../components/scrollable-table.tsx';

/** The caseload rows, in the server's order (what needs attention first). */
export function CaseloadTable({ items, caption }: { items: CaseloadItem[]; caption: string }) {
  const { t, i18n } = useTranslation();
  return (
    <ScrollableTable caption={caption} captionHidden>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('clients.name')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('clients.clientNumber')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('clients.age')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('clients.municipality')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('clients.route')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('clients.step')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('caseload.attention')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('caseload.openTasks')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((item) => (
          <TableRow key={item.id} data-client-number={item.clientNumber}>
            <TableCell>
              <RouterLink to={`/clienten/${encodeURIComponent(item.id)}`}>{clientName(item)}</RouterLink>
            </TableCell>
            <TableCell>{item.clientNumber}</TableCell>
            <TableCell>{item.age}</TableCell>
            <TableCell>{item.municipality.name}</TableCell>
            <TableCell>{item.route ? t(`routes.${item.route}`) : t('routes.none')}</TableCell>
            <TableCell>{item.ladder.step ? t('ladder.stepShort', { step: item.ladder.step }) : t('common.none')}</TableCell>
            <TableCell>
              {item.outflowedOn ? (
                <span className="meedoen-badge meedoen-badge--inline" data-outflowed={item.outflowedOn}>
                  {t('caseload.outflowedOn', { date: formatDate(item.outflowedOn, i18n.language) })}
                </span>
              ) : (
                <AttentionBadges codes={item.attention} />
              )}
            </TableCell>
            <TableCell>
              {item.overdueTaskCount > 0
                ? t('caseload.tasksWithOverdue', { open: item.openTaskCount, overdue: item.overdueTaskCount })
                : item.openTaskCount}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </ScrollableTable>
  );
}
