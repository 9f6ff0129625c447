import { Heading2, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { TeamEscalations } from '../../api/types.ts';
import { formatDate } from '../../components/format.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterLink } from '../../components/router-link.tsx';
import { useApi } from '../../components/use-api.ts';
import { clientName } from '../clients/client-name.ts';
import { ScrollableTable } from '../../components/scrollable-table.tsx';

/**
 * "Openstaande escalaties": the team's escalations to a support team or partner still waiting
 * for an outcome, in the server's order (overdue first), overdue marked in words.
 */
export function TeamEscalationsSection() {
  const { t, i18n } = useTranslation();
  const escalations = useApi<TeamEscalations>('/api/team/escalations');
  const data = escalations.data;
  return (
    <section aria-labelledby="team-escalations-heading">
      <Heading2 id="team-escalations-heading">{t('team.escalations.heading')}</Heading2>
      <ProblemAlert error={escalations.error} />
      {escalations.loading && !data ? <Loading /> : null}
      {data ? (
        data.items.length === 0 ? (
          <Paragraph>{t('team.escalations.none')}</Paragraph>
        ) : (
          <>
            <Paragraph data-testid="team-escalations-summary">{t('team.escalations.summary', { count: data.total, overdue: data.overdue })}</Paragraph>
            <ScrollableTable data-testid="team-escalations" caption={t('team.escalations.heading')} captionHidden>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('team.escalations.client')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('team.escalations.signal')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('team.escalations.target')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('team.escalations.dueOn')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('team.escalations.coach')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.items.map((e) => (
                  <TableRow key={e.id} data-escalation-id={e.id} data-overdue={e.overdue ? 'true' : 'false'}>
                    <TableCell>
                      <RouterLink to={`/clienten/${encodeURIComponent(e.client.id)}`}>{clientName(e.client)}</RouterLink>
                      <span className="meedoen-cell-note">{e.client.clientNumber}</span>
                    </TableCell>
                    <TableCell>
                      {t(`signalDomains.${e.signal.domain}`, { defaultValue: e.signal.domain })} ({t(`signalSeverities.${e.signal.severity}`, { defaultValue: e.signal.severity })})
                    </TableCell>
                    <TableCell>{e.partner ?? t(`escalationTargets.${e.targetKind}`, { defaultValue: e.targetKind })}</TableCell>
                    <TableCell>
                      {formatDate(e.dueOn, i18n.language)}
                      {e.overdue ? <span className="meedoen-badge meedoen-badge--inline">{t('team.escalations.overdue')}</span> : null}
                    </TableCell>
                    <TableCell>{e.coach?.displayName ?? t('common.none')}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </ScrollableTable>
          </>
        )
      ) : null}
    </section>
  );
}
