import { Button, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferralDetail, ReferralListItem } from '../../api/trajectory-types.ts';
import type { ClientDetail, List } from '../../api/types.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterLink } from '../../components/router-link.tsx';
import { useApi } from '../../components/use-api.ts';
import { referralTitle } from './referral-status.ts';
import { ReferralsTable } from './referrals-table.tsx';
import { ReferForm } from './refer-form.tsx';

/**
 * "Trajecten en verwijzingen" on the client page: the client's referrals with their state, and
 * the "Verwijzen" form when the client's policies allow referring.
 */
export function ClientReferralsSection({ client, refreshKey, onChanged }: { client: ClientDetail; refreshKey: number; onChanged: () => void }) {
  const { t } = useTranslation();
  const list = useApi<List<ReferralListItem>>(`/api/clients/${encodeURIComponent(client.id)}/referrals`);
  const reload = list.reload;
  // A change elsewhere in the dossier (a measurement, …) can change a referral's flags.
  useEffect(() => {
    if (refreshKey > 0) reload();
  }, [refreshKey, reload]);
  const [referring, setReferring] = useState(false);
  const [created, setCreated] = useState<ReferralDetail>();

  const open = () => {
    setCreated(undefined);
    setReferring(true);
    requestAnimationFrame(() => document.getElementById('refer-form-heading')?.focus());
  };
  const close = () => {
    setReferring(false);
    requestAnimationFrame(() => document.getElementById('refer-open')?.focus());
  };

  return (
    <section aria-labelledby="client-referrals-heading" id="verwijzingen">
      <Heading2 id="client-referrals-heading">{t('referrals.clientSection')}</Heading2>
      <div role="status" aria-live="polite">
        {created ? (
          <Paragraph className="meedoen-notice">
            {t('referrals.created', { title: referralTitle(t, created) })}{' '}
            <RouterLink to={`/verwijzingen/${encodeURIComponent(created.id)}`}>{t('referrals.openReferral')}</RouterLink>
          </Paragraph>
        ) : null}
      </div>
      {list.loading && !list.data ? <Loading /> : null}
      <ProblemAlert error={list.error} />
      {list.data ? (
        list.data.items.length === 0 ? (
          <Paragraph>{t('referrals.noneForClient')}</Paragraph>
        ) : (
          <ReferralsTable referrals={list.data.items} caption={t('referrals.clientSection')} showClient={false} testId="client-referrals" />
        )
      ) : null}
      {client.policies.refer ? (
        referring ? (
          <>
            <Heading3 id="refer-form-heading" tabIndex={-1}>
              {t('referrals.refer')}
            </Heading3>
            <ReferForm
              client={client}
              onCancel={close}
              onSaved={(referral) => {
                setCreated(referral);
                setReferring(false);
                onChanged();
              }}
            />
          </>
        ) : (
          <Button id="refer-open" appearance="secondary-action-button" onClick={open}>
            {t('referrals.refer')}
          </Button>
        )
      ) : null}
    </section>
  );
}
