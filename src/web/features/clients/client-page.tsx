import { DataList, DataListItem, DataListKey, DataListValue, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { ClientDetail, List, ProcessingLogEntry } from '../../api/types.ts';
import { formatBsn, formatDate } from '../../components/format.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterLink } from '../../components/router-link.tsx';
import { useApi } from '../../components/use-api.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { ProcessingLogTable } from '../processing-log/processing-log-table.tsx';
import { clientName } from './client-name.ts';

/** One client: core details and, when allowed, the client's processing log. */
export function ClientPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const client = useApi<ClientDetail>(`/api/clients/${encodeURIComponent(id)}`);
  const canReadLog = client.data?.policies.readProcessingLog === true;
  const log = useApi<List<ProcessingLogEntry>>(canReadLog ? `/api/clients/${encodeURIComponent(id)}/processing-log` : null);
  // A malformed id is answered with 422; for the user it is the same as an unknown client.
  const notFound = client.error?.status === 404 || client.error?.problem.code === 'validation_failed';
  usePageTitle(client.data ? clientName(client.data) : notFound ? t('clients.notFound') : t('clients.title'));

  if (client.loading) return <Loading />;
  if (notFound) {
    return (
      <>
        <Heading1>{t('clients.notFound')}</Heading1>
        <Paragraph>{t('clients.notFoundText')}</Paragraph>
        <Paragraph>
          <RouterLink to="/clienten">{t('clients.backToList')}</RouterLink>
        </Paragraph>
      </>
    );
  }
  if (!client.data) return <ProblemAlert error={client.error} />;

  const c = client.data;
  return (
    <>
      <Heading1>{clientName(c)}</Heading1>
      <section aria-labelledby="client-details">
        <Heading2 id="client-details">{t('clients.details')}</Heading2>
        <DataList>
          <Item label={t('clients.clientNumber')} value={c.clientNumber} />
          <Item label={t('clients.bsn')} value={formatBsn(c.bsn)} />
          <Item label={t('clients.dateOfBirth')} value={formatDate(c.dateOfBirth, i18n.language)} />
          <Item label={t('clients.municipality')} value={c.municipality.name} />
          <Item label={t('clients.coach')} value={c.coach?.displayName ?? t('common.none')} />
          <Item label={t('clients.team')} value={c.team?.name ?? t('common.none')} />
        </DataList>
      </section>
      {canReadLog ? (
        <section aria-labelledby="client-processing-log">
          <Heading2 id="client-processing-log">{t('processingLog.title')}</Heading2>
          {log.loading ? <Loading /> : null}
          <ProblemAlert error={log.error} />
          {log.data ? <ProcessingLogTable entries={log.data.items} caption={t('processingLog.caption')} /> : null}
        </section>
      ) : null}
      <Paragraph>
        <RouterLink to="/clienten">{t('clients.backToList')}</RouterLink>
      </Paragraph>
    </>
  );
}

function Item({ label, value }: { label: string; value: string }) {
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue value={value}>{value}</DataListValue>
    </DataListItem>
  );
}
