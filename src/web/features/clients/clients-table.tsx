import { TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { ClientListItem } from '../../api/types.ts';
import { formatDate } from '../../components/format.ts';
import { RouterLink } from '../../components/router-link.tsx';
import { clientName } from './client-name.ts';
import { ScrollableTable } from '../../components/scrollable-table.tsx';

/** The client table shared by the start page and the client list. */
export function ClientsTable({ clients, caption }: { clients: ClientListItem[]; caption: string }) {
  const { t, i18n } = useTranslation();
  return (
    <ScrollableTable caption={caption} captionHidden>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('clients.name')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('clients.clientNumber')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('clients.dateOfBirth')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('clients.municipality')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('clients.coach')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {clients.map((client) => (
          <TableRow key={client.id}>
            <TableCell>
              {client.policies.read ? (
                <RouterLink to={`/clienten/${encodeURIComponent(client.id)}`}>{clientName(client)}</RouterLink>
              ) : (
                clientName(client)
              )}
            </TableCell>
            <TableCell>{client.clientNumber}</TableCell>
            <TableCell>{formatDate(client.dateOfBirth, i18n.language)}</TableCell>
            <TableCell>{client.municipality.name}</TableCell>
            <TableCell>{client.coach?.displayName ?? t('common.none')}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </ScrollableTable>
  );
}
