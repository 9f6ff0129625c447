import { Heading3 } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { amsterdamInstant } from '../../../shared/amsterdam-time.ts';
import { todayIso } from '../../../shared/dates.ts';
import { api } from '../../api/client.ts';
import { FormActions } from '../../components/form-actions.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fieldErrors } from '../../components/problem-message.ts';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { TextareaField } from '../../components/textarea-field.tsx';
import { useSubmit } from '../../components/use-submit.ts';

const DURATIONS = ['30', '45', '60', '90'];

/** Plans an appointment: day, time (Dutch time), duration, place and what it is about. */
export function AppointmentForm({ path, onSaved }: { path: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [day, setDay] = useState('');
  const [time, setTime] = useState('10:00');
  const [duration, setDuration] = useState('45');
  const [location, setLocation] = useState('');
  const [purpose, setPurpose] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const serverErrors = fieldErrors(submit.error, t);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    const startsAt = day && time ? amsterdamInstant(day, time) : null;
    if (!day) next.day = t('appointments.dayRequired');
    else if (day < todayIso() || (startsAt && startsAt.getTime() <= Date.now())) next.day = t('appointments.dayInPast');
    if (!time) next.time = t('appointments.timeRequired');
    if (!location.trim()) next.location = t('appointments.locationRequired');
    if (!purpose.trim()) next.purpose = t('appointments.purposeRequired');
    setErrors(next);
    const first = Object.keys(next)[0];
    if (first || !startsAt) {
      document.getElementById(`appointment-${first ?? 'day'}`)?.focus();
      return;
    }
    const body = { startsAt: startsAt.toISOString(), durationMinutes: Number(duration), location: location.trim(), purpose: purpose.trim() };
    if (await submit.run(() => api.post(path, body).then(() => undefined))) {
      setDay('');
      setLocation('');
      setPurpose('');
      onSaved();
    }
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="appointment-form-heading" className="meedoen-form">
      <Heading3 id="appointment-form-heading">{t('appointments.add')}</Heading3>
      <ProblemAlert error={submit.error} />
      <TextField id="appointment-day" label={t('appointments.day')} type="date" required min={todayIso()} value={day} onChange={setDay} error={errors.day ?? serverErrors.startsAt} />
      <TextField id="appointment-time" label={t('appointments.time')} type="time" required value={time} onChange={setTime} error={errors.time} />
      <SelectField
        id="appointment-duration"
        label={t('appointments.duration')}
        value={duration}
        onChange={setDuration}
        options={DURATIONS.map((d) => ({ value: d, label: t('appointments.minutes', { count: Number(d) }) }))}
      />
      <TextField id="appointment-location" label={t('appointments.location')} required value={location} onChange={setLocation} error={errors.location ?? serverErrors.location} />
      <TextareaField id="appointment-purpose" label={t('appointments.purpose')} description={t('appointments.purposeHint')} required rows={2} value={purpose} onChange={setPurpose} error={errors.purpose ?? serverErrors.purpose} />
      <FormActions submitLabel={t('appointments.submit')} pending={submit.pending} />
    </form>
  );
}
