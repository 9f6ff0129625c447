import { Button, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientDetail, List, LadderMeasurement } from '../../api/types.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert, StatusMessage } from '../../components/problem-alert.tsx';
import { useApi } from '../../components/use-api.ts';
import { LadderChart } from './ladder-chart.tsx';
import { LadderForm } from './ladder-form.tsx';
import { LadderTable } from './ladder-table.tsx';

/** The participatieladder of one client: history as chart and table, and a new measurement. */
export function LadderSection({ client, onChanged }: { client: ClientDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const history = useApi<List<LadderMeasurement>>(`/api/clients/${encodeURIComponent(client.id)}/ladder`);
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string>();

  const start = () => {
    setMessage(undefined);
    setOpen(true);
    requestAnimationFrame(() => document.getElementById('ladder-form-heading')?.focus());
  };
  const close = () => {
    setOpen(false);
    requestAnimationFrame(() => document.getElementById('ladder-open')?.focus());
  };

  return (
    <section aria-labelledby="ladder-heading" id="ladder">
      <Heading2 id="ladder-heading">{t('ladder.title')}</Heading2>
      <StatusMessage message={message} />
      {history.loading && !history.data ? <Loading /> : null}
      <ProblemAlert error={history.error} />
      {history.data ? (
        history.data.items.length === 0 ? (
          <Paragraph>{t('ladder.noMeasurements')}</Paragraph>
        ) : (
          <div className="meedoen-chart-and-table">
            <LadderChart measurements={history.data.items} />
            <LadderTable measurements={history.data.items} />
          </div>
        )
      ) : null}
      {client.policies.measureLadder ? (
        open ? (
          <>
            <Heading3 id="ladder-form-heading" tabIndex={-1}>
              {t('ladder.newMeasurement')}
            </Heading3>
            <LadderForm
              clientId={client.id}
              onCancel={close}
              onSaved={(step) => {
                setMessage(t('ladder.saved', { step }));
                history.reload();
                onChanged();
                close();
              }}
            />
          </>
        ) : (
          <Button id="ladder-open" appearance="secondary-action-button" onClick={start}>
            {t('ladder.newMeasurement')}
          </Button>
        )
      ) : null}
    </section>
  );
}
