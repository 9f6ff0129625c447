import { TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { ReferralListItem } from '../../api/trajectory-types.ts';
import { formatDate } from '../../components/format.ts';
import { RouterLink } from '../../components/router-link.tsx';
import { referralFlags, referralTitle, statusLabel } from './referral-status.ts';
import './trajectories.css';
import { ScrollableTable } from '../../components/scrollable-table.tsx';

type Props = {
  referrals: ReferralListItem[];
  caption: string;
  /** On the client page the client is known; the column is left out there. */
  showClient?: boolean;
  testId?: string;
};

/**
 * Referrals as a table: who, to which organisation and product, the status in words, the
 * dates, and flags for a missing measurement or an extension to decide. Each row links to the
 * referral's own page.
 */
export function ReferralsTable({ referrals, caption, showClient = true, testId }: Props) {
  const { t, i18n } = useTranslation();
  const date = (value: string | null) => (value ? formatDate(value, i18n.language) : t('common.none'));
  return (
    <ScrollableTable data-testid={testId} caption={caption} captionHidden>
      <TableHeader>
        <TableRow>
          {showClient ? <TableHeaderCell scope="col">{t('referrals.client')}</TableHeaderCell> : null}
          <TableHeaderCell scope="col">{t('referrals.referral')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('referrals.status')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('referrals.requestedOn')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('referrals.period')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('referrals.attention')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {referrals.map((r) => {
          const link = (
            <RouterLink to={`/verwijzingen/${encodeURIComponent(r.id)}`}>{showClient ? `${r.client.name}` : referralTitle(t, r)}</RouterLink>
          );
          const flags = referralFlags(t, r);
          return (
            <TableRow key={r.id} data-referral-status={r.status}>
              {showClient ? (
                <TableCell>
                  {link}
                  <span className="meedoen-cell-note">{r.client.clientNumber}</span>
                </TableCell>
              ) : null}
              <TableCell>{showClient ? referralTitle(t, r) : link}</TableCell>
              <TableCell>{statusLabel(t, r.kind, r.status)}</TableCell>
              <TableCell>{formatDate(r.requestedAt.slice(0, 10), i18n.language)}</TableCell>
              <TableCell>
                {r.startedOn || r.plannedEndOn || r.endedOn
                  ? t('referrals.periodValue', { from: date(r.startedOn), to: r.endedOn ? date(r.endedOn) : date(r.plannedEndOn) })
                  : t('common.none')}
              </TableCell>
              <TableCell>
                {flags.length > 0 ? (
                  <ul className="meedoen-badges">
                    {flags.map((flag) => (
                      <li key={flag} className="meedoen-badge">
                        {flag}
                      </li>
                    ))}
                  </ul>
                ) : (
                  t('common.none')
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </ScrollableTable>
  );
}
