import { Heading3 } from '@utrecht/component-library-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fieldErrors } from '../../components/problem-message.ts';
import { TextareaField } from '../../components/textarea-field.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { FormActions } from './form-parts.tsx';

/** The enrolment being ended, with the name shown in the heading. */
export type Leaving = { enrolmentId: string; name: string; waiting: boolean };

/**
 * Ends an enrolment early ("uitschrijven") with a reason. The freed seat goes to the first on
 * the waiting list; the cohort page shows who moved up.
 */
export function LeaveForm({ leaving, onDone, onCancel }: { leaving: Leaving; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const server = fieldErrors(submit.error, t);
  const title = leaving.waiting ? t('cohorts.removeFromWaitingNamed', { name: leaving.name }) : t('cohorts.leaveNamed', { name: leaving.name });

  useEffect(() => {
    document.getElementById('leave-heading')?.focus();
  }, [leaving.enrolmentId]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setError(t('cohorts.reasonRequired'));
      document.getElementById('leave-reason')?.focus();
      return;
    }
    setError(undefined);
    const path = `/api/enrolments/${encodeURIComponent(leaving.enrolmentId)}/leave`;
    if (await submit.run(() => api.post<unknown>(path, { reason: reason.trim() }).then(() => undefined))) onDone();
  };

  return (
    <section aria-labelledby="leave-heading">
      <Heading3 id="leave-heading" tabIndex={-1}>
        {title}
      </Heading3>
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="leave-heading" className="meedoen-form">
        <ProblemAlert error={submit.error} />
        <TextareaField id="leave-reason" label={t('cohorts.reason')} required rows={2} value={reason} onChange={setReason} error={error ?? server.reason} />
        <FormActions submitLabel={leaving.waiting ? t('cohorts.removeFromWaiting') : t('cohorts.leave')} pending={submit.pending} onCancel={onCancel} />
      </form>
    </section>
  );
}
