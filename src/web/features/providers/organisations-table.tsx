import { Button, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import '../referrals/trajectories.css';
import { ScrollableTable } from '../../components/scrollable-table.tsx';

/** One provider or partner as a row: contact details, whether active, and extra cells per kind. */
export type OrganisationRow = {
  id: string;
  name: string;
  contactName?: string | null;
  contactEmail?: string | null;
  contactPhone?: string | null;
  active?: boolean;
  /** The row's own policies say whether it may be edited. */
  policies?: { update: boolean };
  extra: ReactNode[];
};

type Props = {
  rows: OrganisationRow[];
  caption: string;
  /** Headers of the extra cells, in order. */
  extraHeaders: string[];
  testId: string;
  /** Shown as an "edit" button on each row whose policies allow it. */
  onEdit?: (id: string) => void;
};

/** Providers or network partners as a table with their contact person and status. */
export function OrganisationsTable({ rows, caption, extraHeaders, testId, onEdit }: Props) {
  const { t } = useTranslation();
  const none = t('common.none');
  const editable = onEdit && rows.some((row) => row.policies?.update) ? onEdit : undefined;
  return (
    <ScrollableTable data-testid={testId} caption={caption} captionHidden>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('providers.name')}</TableHeaderCell>
          {extraHeaders.map((h) => (
            <TableHeaderCell key={h} scope="col">
              {h}
            </TableHeaderCell>
          ))}
          <TableHeaderCell scope="col">{t('providers.contact')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('providers.status')}</TableHeaderCell>
          {editable ? <TableHeaderCell scope="col">{t('common.actions')}</TableHeaderCell> : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.id}>
            <TableHeaderCell scope="row">{row.name}</TableHeaderCell>
            {row.extra.map((cell, i) => (
              <TableCell key={extraHeaders[i] ?? i}>{cell}</TableCell>
            ))}
            <TableCell>
              {row.contactName || row.contactEmail || row.contactPhone ? (
                <>
                  {row.contactName ?? none}
                  {row.contactEmail ? (
                    <span className="meedoen-cell-note">
                      <a className="utrecht-link utrecht-link--html-a" href={`mailto:${row.contactEmail}`}>
                        {row.contactEmail}
                      </a>
                    </span>
                  ) : null}
                  {row.contactPhone ? <span className="meedoen-cell-note">{row.contactPhone}</span> : null}
                </>
              ) : (
                none
              )}
            </TableCell>
            <TableCell>{row.active === false ? t('providers.inactive') : t('providers.activeValue')}</TableCell>
            {editable ? (
              <TableCell>
                {row.policies?.update ? (
                  <Button appearance="subtle-button" aria-label={t('providers.editNamed', { name: row.name })} onClick={() => editable(row.id)}>
                    {t('common.edit')}
                  </Button>
                ) : (
                  none
                )}
              </TableCell>
            ) : null}
          </TableRow>
        ))}
      </TableBody>
    </ScrollableTable>
  );
}
