import { Button, ButtonGroup, Heading1, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { query } from '../../api/client.ts';
import type { ReferralListItem } from '../../api/trajectory-types.ts';
import type { Page } from '../../api/types.ts';
import { useAuth } from '../../app/auth-context.tsx';
import { CheckboxField } from '../../components/checkbox-field.tsx';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useApi } from '../../components/use-api.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { ReferralsTable } from './referrals-table.tsx';

/** Page size of the referral list. */
export const REFERRALS_PAGE_SIZE = 25;

type Filters = { status: string; kind: string; needsDecision: boolean; q: string };

/**
 * All referrals the caller may see (/verwijzingen): a provider or partner sees its own open
 * ones; a coach also filters on closed ones and on those waiting for a decision (an extension
 * to approve). The filters live in the URL so the list can be shared and reloaded.
 */
export function ReferralsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  // Only those who refer choose between open and closed: a provider only ever sees open referrals.
  const refers = can('referrals:create');
  const [params, setParams] = useSearchParams();
  const current: Filters = {
    status: params.get('status') ?? 'open',
    kind: params.get('kind') ?? '',
    needsDecision: params.get('needsDecision') === 'true',
    q: params.get('q') ?? '',
  };
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const list = useApi<Page<ReferralListItem>>(
    `/api/referrals${query({
      status: refers ? current.status : undefined,
      kind: current.kind,
      needsDecision: refers && current.needsDecision ? 'true' : undefined,
      q: current.q,
      limit: REFERRALS_PAGE_SIZE,
      offset,
    })}`,
  );
  usePageTitle(t('referrals.listTitle'));

  const go = (filters: Filters, nextOffset: number) => {
    const next: Record<string, string> = {};
    if (filters.status !== 'open') next.status = filters.status;
    if (filters.kind) next.kind = filters.kind;
    if (filters.needsDecision) next.needsDecision = 'true';
    if (filters.q.trim()) next.q = filters.q.trim();
    if (nextOffset > 0) next.offset = String(nextOffset);
    setParams(next);
  };
  const count = list.data?.items.length ?? 0;
  const total = list.data?.total ?? 0;

  return (
    <>
      <Heading1>{t('referrals.listTitle')}</Heading1>
      <ReferralFilterForm key={params.toString()} initial={current} refers={refers} onSubmit={(filters) => go(filters, 0)} />
      <ProblemAlert error={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data ? (
        list.data.items.length === 0 ? (
          <Paragraph role="status">{t('referrals.none')}</Paragraph>
        ) : (
          <>
            <ReferralsTable referrals={list.data.items} caption={t('referrals.listTitle')} testId="referrals-table" />
            <nav aria-label={t('clients.paging')} className="meedoen-paging">
              <Paragraph role="status">{t('clients.range', { from: offset + 1, to: offset + count, total })}</Paragraph>
              <ButtonGroup>
                <Button appearance="secondary-action-button" disabled={offset === 0} onClick={() => go(current, Math.max(0, offset - REFERRALS_PAGE_SIZE))}>
                  {t('clients.previous')}
                </Button>
                <Button appearance="secondary-action-button" disabled={offset + count >= total} onClick={() => go(current, offset + REFERRALS_PAGE_SIZE)}>
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

/**
 * Search, status (for those who refer), kind and "needs a decision". Keyed by the URL, so it
 * follows back and forward.
 */
function ReferralFilterForm({ initial, refers, onSubmit }: { initial: Filters; refers: boolean; onSubmit: (filters: Filters) => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState(initial);
  const onFilter = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(form);
  };
  return (
    <form role="search" aria-label={t('referrals.filters')} onSubmit={onFilter} className="meedoen-inline-form">
      <TextField
        id="referrals-q"
        type="search"
        label={t('referrals.searchLabel')}
        value={form.q}
        onChange={(q) => setForm((f) => ({ ...f, q }))}
      />
      {refers ? (
        <SelectField
          id="referrals-status"
          label={t('referrals.status')}
          value={form.status}
          onChange={(status) => setForm((f) => ({ ...f, status }))}
          options={['open', 'closed', 'all'].map((s) => ({ value: s, label: t(`referrals.statusFilter.${s}`) }))}
        />
      ) : null}
      <SelectField
        id="referrals-kind"
        label={t('referrals.kind')}
        value={form.kind}
        onChange={(kind) => setForm((f) => ({ ...f, kind }))}
        emptyLabel={t('referrals.allKinds')}
        options={['trajectory', 'partner'].map((k) => ({ value: k, label: t(`referrals.kinds.${k}`) }))}
      />
      {refers ? (
        <CheckboxField
          id="referrals-needsDecision"
          label={t('referrals.needsDecision')}
          description={t('referrals.needsDecisionHint')}
          checked={form.needsDecision}
          onChange={(needsDecision) => setForm((f) => ({ ...f, needsDecision }))}
        />
      ) : null}
      <Button type="submit" appearance="secondary-action-button">
        {t('referrals.filter')}
      </Button>
    </form>
  );
}
