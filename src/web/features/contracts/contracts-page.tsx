import { Button, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, query } from '../../api/client.ts';
import type { Contract, ContractInput, Provider } from '../../api/trajectory-types.ts';
import type { List, Page, Ref } from '../../api/types.ts';
import { useAuth } from '../../app/auth-context.tsx';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert, StatusMessage } from '../../components/problem-alert.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useApi } from '../../components/use-api.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useCreateEdit } from '../../components/use-create-edit.ts';
import { ContractForm, contractFormValues } from './contract-form.tsx';
import { ContractsTable } from './contracts-table.tsx';

/**
 * Contracts (/contracten): every provider's contracts with their use, for the administrator to
 * create and edit and for coaches and policy officers to read. Filters live in the URL.
 */
export function ContractsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const manage = can('contracts:manage');
  const [params, setParams] = useSearchParams();
  const providerId = params.get('providerId') ?? '';
  const activeOn = params.get('activeOn') ?? '';
  const list = useApi<Page<Contract>>(`/api/contracts${query({ providerId, activeOn })}`);
  const providers = useApi<List<Provider>>(can('providers:read') ? '/api/providers' : null);
  const municipalities = useApi<List<Ref>>(manage ? '/api/municipalities/served' : null);
  const { create, edit, editing, createKey, message, startEdit, stopEdit, runCreate, runEdit } = useCreateEdit(list.data?.items, 'contract-edit-heading', list.reload);
  usePageTitle(t('contracts.title'));
  const providerRefs = (providers.data?.items ?? []).map((p) => ({ id: p.id, name: p.name }));

  const setFilters = (filter: ContractFilters) => {
    const next: Record<string, string> = {};
    if (filter.providerId) next.providerId = filter.providerId;
    if (filter.activeOn) next.activeOn = filter.activeOn;
    setParams(next);
  };
  const onCreate = (body: ContractInput) => {
    void runCreate(() => api.post<Contract>('/api/contracts', body), t('contracts.created', { product: body.product }));
  };
  // The version the form started from goes along, so a contract changed meanwhile is refused (412).
  const onEdit = (contract: Contract, body: ContractInput) => {
    const path = `/api/contracts/${encodeURIComponent(contract.id)}`;
    void runEdit(() => api.patch<Contract>(path, body, { ifMatch: `"${contract.version}"` }), t('contracts.updated', { product: body.product }));
  };

  return (
    <>
      <Heading1>{t('contracts.title')}</Heading1>
      <Paragraph>{t('contracts.intro')}</Paragraph>
      <StatusMessage message={message} />
      <ContractFilterForm key={params.toString()} initial={{ providerId, activeOn }} providers={providers.data ? providerRefs : null} onSubmit={setFilters} />
      {editing ? (
        <section aria-labelledby="contract-edit-heading">
          <Heading2 id="contract-edit-heading" tabIndex={-1}>
            {t('contracts.editHeading', { product: editing.product, provider: editing.provider.name })}
          </Heading2>
          <ContractForm
            key={`${editing.id}-${editing.version}`}
            idPrefix="contract-edit"
            labelledBy="contract-edit-heading"
            submitLabel={t('common.save')}
            initial={contractFormValues(editing)}
            providers={providerRefs}
            municipalities={municipalities.data?.items ?? []}
            error={edit.error}
            pending={edit.pending}
            onSubmit={(body) => onEdit(editing, body)}
            onCancel={stopEdit}
          />
        </section>
      ) : null}
      <ProblemAlert error={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data ? (
        list.data.items.length === 0 ? (
          <Paragraph role="status">{t('contracts.none')}</Paragraph>
        ) : (
          <ContractsTable contracts={list.data.items} caption={t('contracts.title')} onEdit={(contract) => startEdit(contract.id)} />
        )
      ) : null}
      {manage ? (
        <section aria-labelledby="contract-create-heading">
          <Heading2 id="contract-create-heading">{t('contracts.createHeading')}</Heading2>
          <ContractForm
            key={createKey}
            idPrefix="contract-create"
            labelledBy="contract-create-heading"
            submitLabel={t('contracts.create')}
            initial={contractFormValues()}
            providers={providerRefs.filter((p) => providers.data?.items.find((x) => x.id === p.id)?.active !== false)}
            municipalities={municipalities.data?.items ?? []}
            error={create.error}
            pending={create.pending}
            onSubmit={onCreate}
          />
        </section>
      ) : null}
    </>
  );
}

type ContractFilters = { providerId: string; activeOn: string };

/** Provider (for those who read providers) and a date the contracts run on; keyed by the URL so it follows back and forward. */
function ContractFilterForm({ initial, providers, onSubmit }: { initial: ContractFilters; providers: Ref[] | null; onSubmit: (filters: ContractFilters) => void }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState(initial);
  const onFilter = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(filter);
  };
  return (
    <form role="search" aria-label={t('contracts.filters')} onSubmit={onFilter} className="meedoen-inline-form">
      {providers ? (
        <SelectField
          id="contracts-provider"
          label={t('contracts.provider')}
          value={filter.providerId}
          onChange={(value) => setFilter((f) => ({ ...f, providerId: value }))}
          emptyLabel={t('contracts.allProviders')}
          options={providers.map((p) => ({ value: p.id, label: p.name }))}
        />
      ) : null}
      <TextField
        id="contracts-activeOn"
        type="date"
        label={t('contracts.activeOn')}
        value={filter.activeOn}
        onChange={(value) => setFilter((f) => ({ ...f, activeOn: value }))}
      />
      <Button type="submit" appearance="secondary-action-button">
        {t('contracts.filter')}
      </Button>
    </form>
  );
}
