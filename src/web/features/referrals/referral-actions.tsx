import { Button, ButtonGroup, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../shared/dates.ts';
import { query, type ApiResponse } from '../../api/client.ts';
import type { Contract, ReferralDetail } from '../../api/trajectory-types.ts';
import type { Page } from '../../api/types.ts';
import { useAuth } from '../../app/auth-context.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useApi } from '../../components/use-api.ts';
import { LadderForm } from '../ladder/ladder-form.tsx';
import { ActionForm } from './action-form.tsx';
import { ACTION_KEYS, ACTION_POLICY, formActions, withoutEmpty, type ActionKey } from './referral-action-specs.ts';
import { useReferralTransition } from './use-referral-transition.ts';

type Props = {
  referral: ReferralDetail;
  etag: string | null;
  /** After a step was saved: the message to announce, and the referral as the server returned it (else the page reloads). */
  onSaved: (message: string, result?: ApiResponse<ReferralDetail>) => void;
  /** Someone else changed the referral in the meantime (412): the page says so and reloads. */
  onStale: () => void;
};

/**
 * The steps the caller may take now, strictly from the referral's `policies`: one button each,
 * opening its form below the buttons (steps without input are sent at once).
 */
export function ReferralActions({ referral, etag, onSaved, onStale }: Props) {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const [open, setOpen] = useState<ActionKey | null>(null);
  const transition = useReferralTransition(referral, etag, () => {
    setOpen(null);
    onStale();
  });
  const available = ACTION_KEYS.filter((key) => referral.policies[ACTION_POLICY[key]]);
  // A transfer to another provider needs one of the contracts the caller may see.
  const contracts = useApi<Page<Contract>>(referral.policies.transfer && can('contracts:read') ? `/api/contracts${query({ activeOn: todayIso() })}` : null);
  const contractOptions = (contracts.data?.items ?? [])
    .filter((c) => c.provider.id !== referral.organisation.id)
    .map((c) => ({ value: c.id, label: `${c.provider.name} — ${c.product} (${c.municipalities.map((m) => m.name).join(', ')})` }));
  const forms = formActions(t, i18n.language, referral, contractOptions);

  if (available.length === 0) return null;

  const send = async (key: ActionKey, path: string, body: unknown) => {
    const result = await transition.send(path, body);
    if (!result) return;
    setOpen(null);
    onSaved(t(`referrals.actions.${key}.done`), result);
  };
  const choose = (key: ActionKey) => {
    transition.clear();
    if (key === 'accept' || key === 'receive') {
      void send(key, key, {});
      return;
    }
    setOpen(key);
    requestAnimationFrame(() => document.getElementById(key === 'ladder' ? 'ladder-form-heading' : 'referral-action-heading')?.focus());
  };
  const close = () => {
    setOpen(null);
    transition.clear();
  };
  const form = open && open !== 'ladder' ? forms[open] : undefined;

  return (
    <section aria-labelledby="referral-actions-heading" id="acties">
      <Heading2 id="referral-actions-heading">{t('referrals.actionsTitle')}</Heading2>
      {!open ? <ProblemAlert error={transition.error} /> : null}
      <ButtonGroup className="meedoen-action-buttons">
        {available.map((key) => (
          <Button
            key={key}
            appearance={key === 'withdraw' || key === 'refuse' || key === 'stop' ? 'secondary-action-button' : 'primary-action-button'}
            aria-expanded={key === 'accept' || key === 'receive' ? undefined : open === key}
            aria-controls={open === key ? 'referral-action-form' : undefined}
            busy={transition.pending && !open}
            disabled={transition.pending}
            onClick={() => choose(key)}
          >
            {t(`referrals.actions.${key}.button`)}
          </Button>
        ))}
      </ButtonGroup>
      {open === 'ladder' ? (
        <div id="referral-action-form">
          <Heading3 id="ladder-form-heading" tabIndex={-1}>
            {t('referrals.actions.ladder.button')}
          </Heading3>
          <Paragraph>{t('referrals.ladderIntro')}</Paragraph>
          <LadderForm
            clientId={referral.client.id}
            path={`/api/referrals/${encodeURIComponent(referral.id)}/ladder`}
            occasions={['trajectory_start', 'trajectory_end']}
            initialOccasion={nextOccasion(referral)}
            onCancel={close}
            onSaved={(step) => {
              setOpen(null);
              onSaved(t('ladder.saved', { step }));
            }}
          />
        </div>
      ) : null}
      {open && form ? (
        <div id="referral-action-form">
          <Heading3 id="referral-action-heading" tabIndex={-1}>
            {t(`referrals.actions.${open}.button`)}
          </Heading3>
          <ActionForm
            key={open}
            id={`referral-${open}`}
            labelledBy="referral-action-heading"
            fields={form.fields}
            submitLabel={t(`referrals.actions.${open}.submit`)}
            error={transition.error}
            pending={transition.pending}
            onCancel={close}
            onSubmit={(values) => void send(open, form.path, form.toBody ? form.toBody(values) : withoutEmpty(values))}
          />
        </div>
      ) : null}
    </section>
  );
}

/** The measurement most likely asked for now: the one flagged missing, else the start until it is taken. */
function nextOccasion(referral: ReferralDetail): 'trajectory_start' | 'trajectory_end' {
  if (referral.missingMeasurement) return referral.missingMeasurement === 'end' ? 'trajectory_end' : 'trajectory_start';
  return referral.measurements.some((m) => m.occasion === 'trajectory_start') ? 'trajectory_end' : 'trajectory_start';
}
