import { Button, ButtonGroup } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ESCALATION_TARGETS, SIGNAL_DOMAINS, SIGNAL_SEVERITIES } from '../../../shared/client-fields.ts';
import { api } from '../../api/client.ts';
import type { List, Ref } from '../../api/types.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fieldErrors } from '../../components/problem-message.ts';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { TextareaField } from '../../components/textarea-field.tsx';
import { useApi } from '../../components/use-api.ts';
import { useSubmit } from '../../components/use-submit.ts';

/** Runs local checks, focuses the first failing field, and says whether the form may be sent. */
function check(next: Record<string, string>, prefix: string, setErrors: (e: Record<string, string>) => void): boolean {
  setErrors(next);
  const first = Object.keys(next)[0];
  if (first) document.getElementById(`${prefix}-${first}`)?.focus();
  return !first;
}

/** Records a new signal for a client. */
export function RaiseSignalForm({ clientId, onSaved }: { clientId: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [domain, setDomain] = useState('');
  const [severity, setSeverity] = useState('');
  const [description, setDescription] = useState('');
  const [followUpOn, setFollowUpOn] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const server = fieldErrors(submit.error, t);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!domain) next.domain = t('signals.domainRequired');
    if (!severity) next.severity = t('signals.severityRequired');
    if (!description.trim()) next.description = t('signals.descriptionRequired');
    if (!check(next, 'signal', setErrors)) return;
    const body = { domain, severity, description: description.trim(), ...(followUpOn ? { followUpOn } : {}) };
    const ok = await submit.run(() => api.post<unknown>(`/api/clients/${encodeURIComponent(clientId)}/signals`, body).then(() => undefined));
    if (ok) {
      setDomain('');
      setSeverity('');
      setDescription('');
      setFollowUpOn('');
      onSaved();
    }
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="signal-form-heading" className="meedoen-form">
      <ProblemAlert error={submit.error} />
      <SelectField
        id="signal-domain"
        label={t('signals.domain')}
        required
        value={domain}
        onChange={setDomain}
        emptyLabel={t('common.chooseOption')}
        options={SIGNAL_DOMAINS.map((d) => ({ value: d, label: t(`signalDomains.${d}`) }))}
        error={errors.domain ?? server.domain}
      />
      <SelectField
        id="signal-severity"
        label={t('signals.severity')}
        required
        value={severity}
        onChange={setSeverity}
        emptyLabel={t('common.chooseOption')}
        options={SIGNAL_SEVERITIES.map((s) => ({ value: s, label: t(`signalSeverities.${s}`) }))}
        error={errors.severity ?? server.severity}
      />
      <TextareaField id="signal-description" label={t('signals.description')} required value={description} onChange={setDescription} error={errors.description ?? server.description} />
      <TextField id="signal-followUpOn" label={t('signals.followUpOnOptional')} type="date" value={followUpOn} onChange={setFollowUpOn} error={server.followUpOn} />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={submit.pending} disabled={submit.pending}>
          {t('signals.raise')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

/** Escalates a signal to Team Ondersteuning, the Kernteam, or a network partner. */
export function EscalateForm({ signalId, onSaved, onCancel }: { signalId: string; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [targetKind, setTargetKind] = useState('');
  const [partnerId, setPartnerId] = useState('');
  const [question, setQuestion] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const partners = useApi<List<Ref>>(targetKind === 'partner' ? '/api/partners' : null);
  const server = fieldErrors(submit.error, t);
  const prefix = `escalate-${signalId}`;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!targetKind) next.targetKind = t('signals.targetRequired');
    if (targetKind === 'partner' && !partnerId) next.externalOrganisationId = t('signals.partnerRequired');
    if (!question.trim()) next.question = t('signals.questionRequired');
    if (!dueOn) next.dueOn = t('signals.dueOnRequired');
    if (!check(next, prefix, setErrors)) return;
    const body = { targetKind, question: question.trim(), dueOn, ...(targetKind === 'partner' ? { externalOrganisationId: partnerId } : {}) };
    const ok = await submit.run(() => api.post<unknown>(`/api/signals/${encodeURIComponent(signalId)}/escalations`, body).then(() => undefined));
    if (ok) onSaved();
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label={t('signals.escalate')} className="meedoen-form">
      <ProblemAlert error={submit.error} />
      <SelectField
        id={`${prefix}-targetKind`}
        label={t('signals.target')}
        required
        value={targetKind}
        onChange={setTargetKind}
        emptyLabel={t('common.chooseOption')}
        options={ESCALATION_TARGETS.map((k) => ({ value: k, label: t(`escalationTargets.${k}`) }))}
        error={errors.targetKind ?? server.targetKind}
      />
      {targetKind === 'partner' ? (
        <SelectField
          id={`${prefix}-externalOrganisationId`}
          label={t('signals.partner')}
          required
          value={partnerId}
          onChange={setPartnerId}
          emptyLabel={t('common.chooseOption')}
          options={(partners.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
          error={errors.externalOrganisationId ?? server.externalOrganisationId ?? (partners.error ? t('signals.partnersFailed') : undefined)}
        />
      ) : null}
      <TextareaField id={`${prefix}-question`} label={t('signals.question')} required value={question} onChange={setQuestion} error={errors.question ?? server.question} rows={3} />
      <TextField id={`${prefix}-dueOn`} label={t('signals.dueOn')} type="date" required value={dueOn} onChange={setDueOn} error={errors.dueOn ?? server.dueOn} />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={submit.pending} disabled={submit.pending}>
          {t('signals.escalateSubmit')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

/** Reports back what came of an escalation. */
export function OutcomeForm({ escalationId, onSaved, onCancel }: { escalationId: string; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [outcome, setOutcome] = useState('');
  const [error, setError] = useState<string>();
  const server = fieldErrors(submit.error, t);
  const id = `outcome-${escalationId}`;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!outcome.trim()) {
      setError(t('signals.outcomeRequired'));
      document.getElementById(id)?.focus();
      return;
    }
    setError(undefined);
    const ok = await submit.run(() => api.post<unknown>(`/api/escalations/${encodeURIComponent(escalationId)}/outcome`, { outcome: outcome.trim() }).then(() => undefined));
    if (ok) onSaved();
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label={t('signals.reportOutcome')} className="meedoen-form">
      <ProblemAlert error={submit.error} />
      <TextareaField id={id} label={t('signals.outcome')} required value={outcome} onChange={setOutcome} error={error ?? server.outcome} rows={3} />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={submit.pending} disabled={submit.pending}>
          {t('signals.reportOutcomeSubmit')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
