import { Button, ButtonGroup, Heading1, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { query } from '../../api/client.ts';
import type { ClientListItem, Page } from '../../api/types.ts';
import { useAuth } from '../../app/auth-context.tsx';
import { Loading } from '../../components/loading.tsx';
import { RouterButtonLink } from '../../components/router-button-link.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useApi } from '../../components/use-api.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { ClientsTable } from './clients-table.tsx';

/** Page size of the client list. */
export const CLIENTS_PAGE_SIZE = 20;

/** The client list: search, table and paging, with the state in the URL so it can be shared and reloaded. */
export function ClientsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const [search, setSearch] = useState(q);
  const list = useApi<Page<ClientListItem>>(`/api/clients${query({ q, limit: CLIENTS_PAGE_SIZE, offset })}`);
  usePageTitle(t('clients.title'));

  const go = (nextQ: string, nextOffset: number) => {
    const next: Record<string, string> = {};
    if (nextQ) next.q = nextQ;
    if (nextOffset > 0) next.offset = String(nextOffset);
    setParams(next);
  };
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    go(search.trim(), 0);
  };

  const total = list.data?.total ?? 0;
  // A capped count reads "200+": the search should be narrowed rather than paged through.
  const totalLabel = list.data?.totalCapped ? `${total}+` : String(total);
  const count = list.data?.items.length ?? 0;
  return (
    <>
      <Heading1>{t('clients.title')}</Heading1>
      {can('clients:create') ? (
        <Paragraph>
          <RouterButtonLink to="/clienten/nieuw">{t('newClient.title')}</RouterButtonLink>
        </Paragraph>
      ) : null}
      <form role="search" onSubmit={onSearch} className="meedoen-inline-form">
        <TextField
          id="clients-search"
          type="search"
          label={t('clients.searchLabel')}
          description={t('clients.searchHint')}
          value={search}
          onChange={setSearch}
        />
        <Button type="submit" appearance="secondary-action-button">
          {t('clients.searchSubmit')}
        </Button>
      </form>
      <ProblemAlert error={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data ? (
        list.data.items.length === 0 ? (
          <Paragraph role="status">{t('common.noResults')}</Paragraph>
        ) : (
          <>
            <ClientsTable clients={list.data.items} caption={t('clients.caption')} />
            <nav aria-label={t('clients.paging')} className="meedoen-paging">
              <Paragraph role="status">{t('clients.range', { from: offset + 1, to: offset + count, total: totalLabel })}</Paragraph>
              <ButtonGroup>
                <Button
                  appearance="secondary-action-button"
                  disabled={offset === 0}
                  onClick={() => go(q, Math.max(0, offset - CLIENTS_PAGE_SIZE))}
                >
                  {t('clients.previous')}
                </Button>
                <Button
                  appearance="secondary-action-button"
                  disabled={offset + count >= total && !list.data?.totalCapped}
                  onClick={() => go(q, offset + CLIENTS_PAGE_SIZE)}
                >
                  {t('clients.next')}
                </Button>
              </ButtonGroup>
            </nav>
          </>
        )
      ) : null}
    </>
  );
}
