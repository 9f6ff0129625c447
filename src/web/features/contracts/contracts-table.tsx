import { Button, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { Contract } from '../../api/trajectory-types.ts';
import { formatDate } from '../../components/format.ts';
import { formatEuros, ladderRange, transitionOverlaps } from './contract-figures.ts';
import { CapacityUse, SpendUse } from './contract-use.tsx';
import '../referrals/trajectories.css';
import { ScrollableTable } from '../../components/scrollable-table.tsx';

type Props = { contracts: Contract[]; caption: string; onEdit: (contract: Contract) => void };

/**
 * The contracts with their use: capacity and spend as a bar with the figures written out, and a
 * mark on contracts that overlap with another provider's (a transition period).
 */
export function ContractsTable({ contracts, caption, onEdit }: Props) {
  const { t, i18n } = useTranslation();
  const overlaps = transitionOverlaps(contracts);
  const date = (d: string) => formatDate(d, i18n.language);
  return (
    <ScrollableTable data-testid="contracts-table" caption={caption} captionHidden>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('contracts.productAndProvider')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('contracts.period')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('contracts.municipalities')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('contracts.price')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('contracts.occupancy')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('contracts.spend')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('common.actions')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {contracts.map((c) => {
          const others = overlaps.get(c.id);
          return (
            <TableRow key={c.id} data-contract-id={c.id}>
              <TableCell>
                <strong>{c.product}</strong>
                <span className="meedoen-cell-note">{c.provider.name}</span>
                <span className="meedoen-cell-note">{ladderRange(t, c)}</span>
              </TableCell>
              <TableCell>
                {t('contracts.periodValue', { from: date(c.startsOn), to: date(c.endsOn) })}
                {others ? (
                  <span className="meedoen-badge meedoen-badge--block" data-testid="transition-period">
                    {t('contracts.transitionPeriod', { providers: [...new Set(others.map((o) => o.provider.name))].join(', ') })}
                  </span>
                ) : null}
              </TableCell>
              <TableCell>{c.municipalities.map((m) => m.name).join(', ')}</TableCell>
              <TableCell>
                {formatEuros(c.priceCents, i18n.language)}
                <span className="meedoen-cell-note">{t('contracts.durationValue', { count: c.durationMonths })}</span>
              </TableCell>
              <TableCell>
                <CapacityUse contract={c} />
              </TableCell>
              <TableCell>
                <SpendUse contract={c} />
              </TableCell>
              <TableCell>
                {c.policies.update ? (
                  <Button appearance="subtle-button" onClick={() => onEdit(c)} aria-label={t('contracts.editContract', { product: c.product, provider: c.provider.name })}>
                    {t('common.edit')}
                  </Button>
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
