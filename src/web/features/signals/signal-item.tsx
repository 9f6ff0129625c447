import { Button, ButtonGroup, Heading3, Heading4, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SIGNAL_STATUSES } from '../../../shared/client-fields.ts';
import { api } from '../../api/client.ts';
import type { Escalation, Signal } from '../../api/types.ts';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { EscalateForm, OutcomeForm } from './signal-forms.tsx';

type Props = { signal: Signal; onChanged: (message: string) => void };

/** One signal: what it is, its status (changeable), its escalations, and the actions its policies allow. */
export function SignalItem({ signal, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const [escalating, setEscalating] = useState(false);
  const [reporting, setReporting] = useState<string | null>(null);
  const [status, setStatus] = useState(signal.status);
  const statusSubmit = useSubmit();
  const headingId = `signal-${signal.id}-heading`;
  const title = `${t(`signalDomains.${signal.domain}`, { defaultValue: signal.domain })} — ${t(`signalSeverities.${signal.severity}`, { defaultValue: signal.severity })}`;

  const onStatus = async (event: FormEvent) => {
    event.preventDefault();
    if (status === signal.status) return;
    const ok = await statusSubmit.run(() =>
      api.patch<unknown>(`/api/signals/${encodeURIComponent(signal.id)}`, { status }, { ifMatch: `"${signal.version}"` }).then(() => undefined),
    );
    if (ok) onChanged(t('signals.statusChanged', { status: t(`signalStatuses.${status}`) }));
  };

  return (
    <article aria-labelledby={headingId} className="meedoen-card" data-signal-domain={signal.domain}>
      <Heading3 id={headingId}>{title}</Heading3>
      <dl className="meedoen-facts">
        <div>
          <dt>{t('signals.status')}</dt>
          <dd data-testid="signal-status">{t(`signalStatuses.${signal.status}`, { defaultValue: signal.status })}</dd>
        </div>
        <div>
          <dt>{t('signals.raisedAt')}</dt>
          <dd>
            {formatDateTime(signal.raisedAt, i18n.language)}
            {signal.raisedBy ? ` — ${signal.raisedBy.displayName}` : ''}
          </dd>
        </div>
        {signal.followUpOn ? (
          <div>
            <dt>{t('signals.followUpOn')}</dt>
            <dd>{formatDate(signal.followUpOn, i18n.language)}</dd>
          </div>
        ) : null}
      </dl>
      <Paragraph className="meedoen-prewrap">{signal.description}</Paragraph>

      {signal.escalations.length > 0 ? (
        <>
          <Heading4>{t('signals.escalations')}</Heading4>
          <ul className="meedoen-plain-list">
            {signal.escalations.map((e) => (
              <li key={e.id} className="meedoen-escalation" data-escalation-status={e.status}>
                <EscalationSummary escalation={e} />
                {signal.policies.reportOutcome && !e.outcome ? (
                  reporting === e.id ? (
                    <OutcomeForm
                      escalationId={e.id}
                      onCancel={() => setReporting(null)}
                      onSaved={() => {
                        setReporting(null);
                        onChanged(t('signals.outcomeSaved'));
                      }}
                    />
                  ) : (
                    <Button appearance="secondary-action-button" onClick={() => setReporting(e.id)}>
                      {t('signals.reportOutcome')}
                    </Button>
                  )
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {signal.policies.update ? (
        <form onSubmit={(e) => void onStatus(e)} className="meedoen-inline-form" aria-label={t('signals.changeStatusOf', { title })}>
          <ProblemAlert error={statusSubmit.error} />
          <SelectField
            id={`signal-${signal.id}-status`}
            label={t('signals.newStatus')}
            value={status}
            onChange={setStatus}
            options={SIGNAL_STATUSES.map((s) => ({ value: s, label: t(`signalStatuses.${s}`) }))}
          />
          <Button type="submit" appearance="secondary-action-button" busy={statusSubmit.pending} disabled={statusSubmit.pending || status === signal.status}>
            {t('signals.changeStatus')}
          </Button>
        </form>
      ) : null}

      {signal.policies.escalate ? (
        escalating ? (
          <EscalateForm
            signalId={signal.id}
            onCancel={() => setEscalating(false)}
            onSaved={() => {
              setEscalating(false);
              onChanged(t('signals.escalated'));
            }}
          />
        ) : (
          <ButtonGroup>
            <Button appearance="secondary-action-button" onClick={() => setEscalating(true)}>
              {t('signals.escalate')}
            </Button>
          </ButtonGroup>
        )
      ) : null}
    </article>
  );
}

function EscalationSummary({ escalation: e }: { escalation: Escalation }) {
  const { t, i18n } = useTranslation();
  const target = e.targetKind === 'partner' && e.externalOrganisation ? e.externalOrganisation.name : t(`escalationTargets.${e.targetKind}`, { defaultValue: e.targetKind });
  return (
    <>
      <Paragraph>
        <strong>{t('signals.escalatedTo', { target })}</strong> — {t(`escalationStatuses.${e.status}`, { defaultValue: e.status })}
        {'. '}
        {t('signals.dueOnValue', { date: formatDate(e.dueOn, i18n.language) })}
      </Paragraph>
      <Paragraph>
        {t('signals.question')}: {e.question}
      </Paragraph>
      {e.outcome ? (
        <Paragraph data-testid="escalation-outcome">
          {t('signals.outcome')}: {e.outcome}
          {e.reportedAt ? ` (${formatDateTime(e.reportedAt, i18n.language)})` : ''}
        </Paragraph>
      ) : null}
    </>
  );
}
