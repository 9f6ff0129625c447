import { Button, ButtonGroup, Heading3, Heading4, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BeschutApplication } from '../../api/placement-types.ts';
import type { List } from '../../api/types.ts';
import { formatDate } from '../../components/format.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useApi } from '../../components/use-api.ts';
import { PlacementForm } from '../placements/placement-form.tsx';
import { AssessForm, RequestAdviceForm, WerkfitForm } from './beschut-forms.tsx';

type Open = { action: 'assess' | 'werkfit' | 'place'; id: string } | { action: 'request' } | null;

/** A client's road to beschut werk: the UWV advice, the waiting list, a place or a fitness trajectory. */
export function BeschutClientBox({ clientId, onChanged }: { clientId: string; onChanged: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const applications = useApi<List<BeschutApplication> & { policies: { request: boolean } }>(`/api/clients/${encodeURIComponent(clientId)}/beschut-werk`);
  const [open, setOpen] = useState<Open>(null);
  const date = (d: string | null) => (d ? formatDate(d, i18n.language) : '');
  const done = (message: string) => {
    setOpen(null);
    applications.reload();
    onChanged(message);
  };
  const data = applications.data;

  return (
    <div className="meedoen-card" data-testid="beschut-werk">
      <Heading3 id="beschut-client-heading">{t('beschutWerk.clientHeading')}</Heading3>
      {applications.loading && !data ? <Loading /> : null}
      <ProblemAlert error={applications.error} />
      {data && data.items.length === 0 ? <Paragraph>{t('beschutWerk.noApplications')}</Paragraph> : null}
      {data?.items.map((a) => (
        <div key={`${a.id}-${a.version}`} data-beschut-status={a.status}>
          <Heading4>{t('beschutWerk.applicationOf', { date: date(a.requestedOn) })}</Heading4>
          <Paragraph>
            {t(`beschutWerk.statuses.${a.status}`)}
            {a.assessedOn ? ` — ${t('beschutWerk.assessedOnValue', { date: date(a.assessedOn) })}` : ''}
            {a.placedOn ? ` — ${t('beschutWerk.placedOnValue', { date: date(a.placedOn) })}` : ''}
            {a.werkfit ? ` — ${t('beschutWerk.werkfitValue', { date: date(a.werkfit.startsOn), note: a.werkfit.note ?? '' })}` : ''}
          </Paragraph>
          {open && 'id' in open && open.id === a.id ? (
            open.action === 'assess' ? (
              <AssessForm application={a} onSaved={() => done(t('beschutWerk.assessed'))} onCancel={() => setOpen(null)} />
            ) : open.action === 'werkfit' ? (
              <WerkfitForm application={a} onSaved={() => done(t('beschutWerk.werkfitStarted'))} onCancel={() => setOpen(null)} />
            ) : (
              <PlacementForm clientId={clientId} fixedKind="beschut_werk" idPrefix={`beschut-place-${a.id}`} labelledBy="beschut-client-heading" onSaved={() => done(t('beschutWerk.placed'))} onCancel={() => setOpen(null)} />
            )
          ) : (
            <ButtonGroup>
              {a.policies.assess ? (
                <Button appearance="secondary-action-button" onClick={() => setOpen({ action: 'assess', id: a.id })}>
                  {t('beschutWerk.assess')}
                </Button>
              ) : null}
              {a.policies.place ? (
                <Button appearance="secondary-action-button" onClick={() => setOpen({ action: 'place', id: a.id })}>
                  {t('beschutWerk.place')}
                </Button>
              ) : null}
              {a.policies.startWerkfit ? (
                <Button appearance="secondary-action-button" onClick={() => setOpen({ action: 'werkfit', id: a.id })}>
                  {t('beschutWerk.werkfit')}
                </Button>
              ) : null}
            </ButtonGroup>
          )}
        </div>
      ))}
      {data?.policies.request ? (
        open?.action === 'request' ? (
          <RequestAdviceForm clientId={clientId} onSaved={() => done(t('beschutWerk.requested'))} onCancel={() => setOpen(null)} />
        ) : (
          <Button appearance="secondary-action-button" onClick={() => setOpen({ action: 'request' })}>
            {t('beschutWerk.request')}
          </Button>
        )
      ) : null}
    </div>
  );
}
