import { Button, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientDetail, List, Signal } from '../../api/types.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert, StatusMessage } from '../../components/problem-alert.tsx';
import { useApi } from '../../components/use-api.ts';
import { RaiseSignalForm } from './signal-forms.tsx';
import { SignalItem } from './signal-item.tsx';

/** Signals (debts, psychological complaints, …) of one client, their escalations, and raising a new one. */
export function SignalsSection({ client, onChanged }: { client: ClientDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const signals = useApi<List<Signal>>(`/api/clients/${encodeURIComponent(client.id)}/signals`);
  const [raising, setRaising] = useState(false);
  const [message, setMessage] = useState<string>();

  const changed = (text: string) => {
    setMessage(text);
    signals.reload();
    onChanged();
  };

  return (
    <section aria-labelledby="signals-heading" id="signalen">
      <Heading2 id="signals-heading">{t('signals.title')}</Heading2>
      <StatusMessage message={message} />
      {signals.loading && !signals.data ? <Loading /> : null}
      <ProblemAlert error={signals.error} />
      {signals.data ? (
        signals.data.items.length === 0 ? (
          <Paragraph>{t('signals.none')}</Paragraph>
        ) : (
          signals.data.items.map((signal) => <SignalItem key={`${signal.id}-${signal.version}`} signal={signal} onChanged={changed} />)
        )
      ) : null}
      {client.policies.raiseSignal ? (
        raising ? (
          <>
            <Heading3 id="signal-form-heading" tabIndex={-1}>
              {t('signals.raiseHeading')}
            </Heading3>
            <RaiseSignalForm
              clientId={client.id}
              onSaved={() => {
                setRaising(false);
                changed(t('signals.raised'));
              }}
            />
            <Button appearance="subtle-button" onClick={() => setRaising(false)}>
              {t('common.cancel')}
            </Button>
          </>
        ) : (
          <Button
            appearance="secondary-action-button"
            onClick={() => {
              setMessage(undefined);
              setRaising(true);
              requestAnimationFrame(() => document.getElementById('signal-form-heading')?.focus());
            }}
          >
            {t('signals.raiseHeading')}
          </Button>
        )
      ) : null}
    </section>
  );
}
