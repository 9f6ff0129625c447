import { Alert, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { ApiResponse } from '../../api/client.ts';
import type { ReferralDetail } from '../../api/trajectory-types.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert, StatusMessage } from '../../components/problem-alert.tsx';
import { RouterLink } from '../../components/router-link.tsx';
import { useApi } from '../../components/use-api.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { ReferralActions } from './referral-actions.tsx';
import { EndingSection, HistorySection, MeasurementsSection, ProgressSection, ReferralSummary, SharedDataSection } from './referral-details.tsx';
import { referralFlags, referralTitle } from './referral-status.ts';
import { ReferralStepper } from './referral-stepper.tsx';
import './trajectories.css';

/**
 * One referral (/verwijzingen/:id) for everybody who may read it: where it stands in its
 * lifecycle, what it shares, what happened, and the steps the caller may take now.
 */
export function ReferralPage() {
  const { id = '' } = useParams();
  // A new page per referral (a link to the follow-up referral keeps the route), so no state carries over.
  return <ReferralView key={id} id={id} />;
}

function ReferralView({ id }: { id: string }) {
  const { t } = useTranslation();
  const referral = useApi<ReferralDetail>(`/api/referrals/${encodeURIComponent(id)}`);
  // The referral as the last step returned it: after ending a referral a provider can no longer
  // read it again, yet should see how it ended.
  const [latest, setLatest] = useState<ApiResponse<ReferralDetail>>();
  const [message, setMessage] = useState<string>();
  const [stale, setStale] = useState(false);
  const reload = referral.reload;
  const notFound = !latest && (referral.error?.status === 404 || referral.error?.problem.code === 'validation_failed');
  const r = latest?.data ?? referral.data;
  const etag = latest ? latest.etag : referral.etag;
  usePageTitle(r ? `${referralTitle(t, r)} — ${r.client.name}` : notFound ? t('referrals.notFound') : t('referrals.detailTitle'));

  const onSaved = useCallback(
    (text: string, result?: ApiResponse<ReferralDetail>) => {
      setStale(false);
      setMessage(text);
      setLatest(result);
      if (!result) reload();
    },
    [reload],
  );
  const onStale = useCallback(() => {
    setMessage(undefined);
    setStale(true);
    setLatest(undefined);
    reload();
  }, [reload]);

  if (referral.loading && !r) return <Loading />;
  if (notFound) {
    return (
      <>
        <Heading1>{t('referrals.notFound')}</Heading1>
        <Paragraph>{t('referrals.notFoundText')}</Paragraph>
        <Paragraph>
          <RouterLink to="/verwijzingen">{t('referrals.backToList')}</RouterLink>
        </Paragraph>
      </>
    );
  }
  if (!r) return <ProblemAlert error={referral.error} />;

  const flags = referralFlags(t, r);
  // Everything the transitions return is reached; the stepper needs it to place a withdrawal.
  const reached = r.transitions.map((tr) => tr.toStatus);
  return (
    <>
      <Heading1>
        {referralTitle(t, r)}
        <span className="meedoen-heading-sub">{r.client.name}</span>
      </Heading1>
      {flags.length > 0 ? (
        <ul className="meedoen-badges meedoen-badges--flags" aria-label={t('clients.flags.label')} data-testid="referral-flags">
          {flags.map((flag) => (
            <li key={flag} className="meedoen-badge meedoen-badge--flag">
              {flag}
            </li>
          ))}
        </ul>
      ) : null}
      <StatusMessage message={message} />
      {stale ? (
        <Alert type="warning" role="alert">
          <Paragraph>{t('referrals.changedElsewhere')}</Paragraph>
        </Alert>
      ) : null}
      {referral.error ? <ProblemAlert error={referral.error} /> : null}
      <section aria-labelledby="referral-status-heading">
        <Heading2 id="referral-status-heading">{t('referrals.status')}</Heading2>
        <ReferralStepper kind={r.kind} status={r.status} reached={reached} />
      </section>
      <ReferralActions key={`${r.id}-${r.version}`} referral={r} etag={etag} onSaved={onSaved} onStale={onStale} />
      <ReferralSummary referral={r} />
      <SharedDataSection referral={r} />
      <EndingSection referral={r} />
      <ProgressSection referral={r} />
      <MeasurementsSection referral={r} />
      <HistorySection referral={r} />
      <Paragraph>
        <RouterLink to="/verwijzingen">{t('referrals.backToList')}</RouterLink>
      </Paragraph>
    </>
  );
}
