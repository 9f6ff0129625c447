import { Button, ButtonGroup, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTFLOW_REASONS } from '../../../shared/client-fields.ts';
import { isValidIsoDate } from '../../../shared/dates.ts';
import { api } from '../../api/client.ts';
import type { ClientDetail } from '../../api/types.ts';
import { formatDate } from '../../components/format.ts';
import { ProblemAlert, StatusMessage } from '../../components/problem-alert.tsx';
import { fieldErrors } from '../../components/problem-message.ts';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useSubmit } from '../../components/use-submit.ts';

type Props = { client: ClientDetail; etag: string | null; onChanged: () => void };

/**
 * Uitstroom: the end of the client's benefit and why it ended. The performance figures (ladder,
 * return per route) count the client up to that day. A second registration corrects the first.
 */
export function OutflowSection({ client, etag, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const submit = useSubmit();
  const [endedOn, setEndedOn] = useState(client.benefit.endedOn ?? '');
  const [reason, setReason] = useState(client.benefit.outflowReason ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const { endedOn: ended, outflowReason, startDate } = client.benefit;
  const beforeStart = (date: string) => t('outflow.endedOnBeforeStart', { date: formatDate(date, i18n.language) });
  const serverErrors = fieldErrors(submit.error, t);
  // The server ties "ends before it started" to the field and says from which day the benefit runs.
  const problem = submit.error?.problem as { field?: unknown; benefitStartDate?: unknown } | undefined;
  if (problem?.field === 'endedOn' && !serverErrors.endedOn) {
    serverErrors.endedOn = typeof problem.benefitStartDate === 'string' ? beforeStart(problem.benefitStartDate) : t('outflow.endedOnRequired');
  }

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(undefined);
    const next: Record<string, string> = {};
    if (!isValidIsoDate(endedOn)) next.endedOn = t('outflow.endedOnRequired');
    else if (startDate && endedOn < startDate) next.endedOn = beforeStart(startDate);
    if (!reason) next.reason = t('outflow.reasonRequired');
    setErrors(next);
    if (Object.keys(next).length > 0) {
      document.getElementById(next.endedOn ? 'outflow-ended-on' : 'outflow-reason')?.focus();
      return;
    }
    const ok = await submit.run(() => api.post<ClientDetail>(`/api/clients/${encodeURIComponent(client.id)}/outflow`, { endedOn, reason }, { ifMatch: etag }).then(() => undefined));
    if (ok) setMessage(t('outflow.saved', { date: formatDate(endedOn, i18n.language) }));
    // Also after a refusal: after a conflict the next try uses the new version.
    onChanged();
  };

  return (
    <section aria-labelledby="outflow-heading" id="uitstroom">
      <Heading2 id="outflow-heading">{t('outflow.title')}</Heading2>
      <Paragraph>
        {ended && outflowReason
          ? t('outflow.ended', { date: formatDate(ended, i18n.language), reason: t(`outflow.reasons.${outflowReason}`) })
          : startDate
            ? t('outflow.running', { date: formatDate(startDate, i18n.language) })
            : t('outflow.runningNoStart')}
      </Paragraph>
      <StatusMessage message={message} />
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="outflow-form-heading" className="meedoen-form">
        <Heading3 id="outflow-form-heading">{ended ? t('outflow.correct') : t('outflow.register')}</Heading3>
        <ProblemAlert error={submit.error} />
        <TextField id="outflow-ended-on" type="date" label={t('outflow.endedOn')} description={t('outflow.endedOnHint')} required value={endedOn} onChange={setEndedOn} error={errors.endedOn ?? serverErrors.endedOn} />
        <SelectField
          id="outflow-reason"
          label={t('outflow.reason')}
          required
          value={reason}
          onChange={setReason}
          emptyLabel={reason ? undefined : t('common.chooseOption')}
          options={OUTFLOW_REASONS.map((r) => ({ value: r, label: t(`outflow.reasons.${r}`) }))}
          error={errors.reason ?? serverErrors.reason}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={submit.pending} disabled={submit.pending}>
            {t('outflow.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
