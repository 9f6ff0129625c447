import { Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Appointment } from '../../api/client-portal-types.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { TextareaField } from '../../components/textarea-field.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { formatMeetingTime } from '../client-portal/portal-format.ts';

/**
 * Cancels an appointment with a reason the client will read, in a native modal <dialog> (focus
 * trapped, Escape closes, focus returns to the button that opened it).
 */
export function CancelAppointmentDialog({ path, appointment, onClose, onCancelled }: { path: string; appointment: Appointment | null; onClose: () => void; onCancelled: () => void }) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const submit = useSubmit();
  const clearProblem = submit.clear;
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (appointment && !dialog.open) {
      opener.current = document.activeElement as HTMLElement | null;
      setReason('');
      setError(undefined);
      clearProblem();
      dialog.showModal();
    } else if (!appointment && dialog.open) {
      dialog.close();
      opener.current?.focus();
    }
  }, [appointment, clearProblem]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!appointment) return;
    if (!reason.trim()) {
      setError(t('appointments.reasonRequired'));
      document.getElementById('cancel-reason')?.focus();
      return;
    }
    if (await submit.run(() => api.post(`${path}/${encodeURIComponent(appointment.id)}/cancel`, { reason: reason.trim() }).then(() => undefined))) {
      onClose();
      onCancelled();
    }
  };

  return (
    <dialog
      ref={ref}
      className="meedoen-dialog"
      aria-labelledby="cancel-appointment-title"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="meedoen-form">
        <Heading2 id="cancel-appointment-title">{t('appointments.cancelTitle')}</Heading2>
        {appointment ? <Paragraph>{formatMeetingTime(appointment.startsAt, appointment.endsAt, i18n.language, t('clientPortal.until'))}</Paragraph> : null}
        <ProblemAlert error={submit.error} />
        <TextareaField id="cancel-reason" label={t('appointments.reason')} description={t('appointments.reasonHint')} required rows={2} value={reason} onChange={setReason} error={error} />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={submit.pending} disabled={submit.pending}>
            {t('appointments.confirmCancel')}
          </Button>
          <Button appearance="secondary-action-button" onClick={onClose}>
            {t('appointments.keep')}
          </Button>
        </ButtonGroup>
      </form>
    </dialog>
  );
}
