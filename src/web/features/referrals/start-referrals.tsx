import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { query } from '../../api/client.ts';
import type { ReferralListItem } from '../../api/trajectory-types.ts';
import type { Page } from '../../api/types.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterLink } from '../../components/router-link.tsx';
import { useApi } from '../../components/use-api.ts';
import { ReferralsTable } from './referrals-table.tsx';

/** How many open referrals the start page lists; the rest are on /verwijzingen. */
const START_LIMIT = 100;

/**
 * The provider portal's start: the organisation's referrals that wait for acceptance first,
 * then the running ones with a flag when a start or end measurement is missing.
 */
export function StartReferrals() {
  const { t } = useTranslation();
  const list = useApi<Page<ReferralListItem>>(`/api/referrals${query({ status: 'open', limit: START_LIMIT })}`);
  const items = list.data?.items ?? [];
  const waiting = items.filter((r) => r.status === 'requested');
  // Those missing a ladder measurement come first: that is what the provider still owes.
  const running = items.filter((r) => r.status !== 'requested').sort((a, b) => Number(!!b.missingMeasurement) - Number(!!a.missingMeasurement));
  return (
    <>
      <ProblemAlert error={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data ? (
        <>
          <section aria-labelledby="start-referrals-waiting">
            <Heading2 id="start-referrals-waiting">{t('referrals.startWaiting', { count: waiting.length })}</Heading2>
            {waiting.length === 0 ? (
              <Paragraph>{t('referrals.startNoneWaiting')}</Paragraph>
            ) : (
              <ReferralsTable referrals={waiting} caption={t('referrals.startWaiting', { count: waiting.length })} testId="start-referrals-waiting" />
            )}
          </section>
          <section aria-labelledby="start-referrals-running">
            <Heading2 id="start-referrals-running">{t('referrals.startRunning', { count: running.length })}</Heading2>
            {running.length === 0 ? (
              <Paragraph>{t('referrals.startNoneRunning')}</Paragraph>
            ) : (
              <ReferralsTable referrals={running} caption={t('referrals.startRunning', { count: running.length })} testId="start-referrals-running" />
            )}
            <Paragraph>
              <RouterLink to="/verwijzingen">{t('referrals.allReferrals')}</RouterLink>
            </Paragraph>
          </section>
        </>
      ) : null}
    </>
  );
}
