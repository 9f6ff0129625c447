import { Button, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert, StatusMessage } from '../../components/problem-alert.tsx';
import { useApi } from '../../components/use-api.ts';
import { HealthMeasurementForm } from './health-measurement-form.tsx';
import { planPath, type HealthList } from './plan-types.ts';
import { PositiveHealthWeb } from './positive-health-web.tsx';

type Props = {
  clientId: string;
  /** Called after a new measurement (the dossier refreshes its timeline). */
  onChanged?: () => void;
  /** Called when the plan is not shared with the caller (403), so the page can leave the rest out. */
  onForbidden?: () => void;
};

/**
 * Positive Health as a whole: the web with its table and, when the caller may, "Nieuwe meting
 * invullen" opening the stepwise form. Used in the dossier's plan section and on the client's
 * own page (where the client fills it in alone).
 */
export function PositiveHealthPanel({ clientId, onChanged, onForbidden }: Props) {
  const { t } = useTranslation();
  const list = useApi<HealthList>(planPath(clientId, 'health-measurements'));
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string>();
  const [refreshKey, setRefreshKey] = useState(0);
  const forbidden = list.error?.status === 403;
  useEffect(() => {
    if (forbidden) onForbidden?.();
  }, [forbidden, onForbidden]);

  const start = () => {
    setMessage(undefined);
    setOpen(true);
    requestAnimationFrame(() => document.getElementById('ph-form-heading')?.focus());
  };
  const close = () => {
    setOpen(false);
    requestAnimationFrame(() => document.getElementById('ph-open')?.focus());
  };

  if (forbidden) return <Paragraph>{t('plan.notShared')}</Paragraph>;
  if (list.loading && !list.data) return <Loading />;
  if (!list.data) return <ProblemAlert error={list.error} />;
  return (
    <div>
      <StatusMessage message={message} />
      <PositiveHealthWeb clientId={clientId} history={list.data} refreshKey={refreshKey} />
      {list.data.policies.measure ? (
        open ? (
          <>
            <Heading3 id="ph-form-heading" tabIndex={-1}>
              {t('positiveHealth.newMeasurement')}
            </Heading3>
            <HealthMeasurementForm
              clientId={clientId}
              chooseFilledBy={list.data.policies.chooseFilledBy}
              onCancel={close}
              onSaved={() => {
                setMessage(t('positiveHealth.saved'));
                list.reload();
                setRefreshKey((k) => k + 1);
                onChanged?.();
                close();
              }}
            />
          </>
        ) : (
          <Button id="ph-open" appearance="secondary-action-button" onClick={start}>
            {t('positiveHealth.newMeasurement')}
          </Button>
        )
      ) : null}
    </div>
  );
}
