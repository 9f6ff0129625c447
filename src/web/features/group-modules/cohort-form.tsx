import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client.ts';
import type { CohortStatus, CohortSummary } from '../../api/group-module-types.ts';
import { CheckboxField } from '../../components/checkbox-field.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fieldErrors } from '../../components/problem-message.ts';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { FormActions } from './form-parts.tsx';

/** What the cohort form collects, as typed. */
export type CohortFormValues = {
  label: string;
  startsOn: string;
  endsOn: string;
  capacity: string;
  location: string;
  collective: boolean;
  status: string;
};

/** Empty values for planning a new cohort. */
export const NEW_COHORT: CohortFormValues = { label: '', startsOn: '', endsOn: '', capacity: '', location: '', collective: false, status: 'gepland' };

/** The form values of an existing cohort. */
export function cohortValues(c: CohortSummary): CohortFormValues {
  return {
    label: c.label,
    startsOn: c.startsOn,
    endsOn: c.endsOn ?? '',
    capacity: String(c.capacity),
    location: c.location ?? '',
    collective: c.collective,
    status: c.status,
  };
}

/** The API body of the form; on edit only what changed is sent. */
export function cohortBody(values: CohortFormValues, before?: CohortFormValues): Record<string, unknown> {
  const full: Record<string, unknown> = {
    label: values.label.trim(),
    startsOn: values.startsOn,
    endsOn: values.endsOn || null,
    capacity: Number(values.capacity),
    location: values.location.trim() || null,
  };
  if (!before) return { ...full, collective: values.collective };
  const changed: Record<string, unknown> = {};
  const old = cohortBody(before);
  for (const [key, value] of Object.entries(full)) if (old[key] !== value) changed[key] = value;
  if (values.status !== before.status) changed.status = values.status;
  return changed;
}

/**
 * The statuses a cohort can be given from its current one (the server's transitions): planned →
 * running or cancelled, running → finished or cancelled. A collective cohort starts only through
 * "Groep starten", so it cannot be set running here.
 */
export function statusChoices(current: string, collective: boolean): CohortStatus[] {
  const next: Record<string, CohortStatus[]> = { gepland: collective ? ['geannuleerd'] : ['lopend', 'geannuleerd'], lopend: ['afgerond', 'geannuleerd'] };
  return [current as CohortStatus, ...(next[current] ?? [])];
}

type Props = {
  idPrefix: string;
  labelledBy: string;
  submitLabel: string;
  initial: CohortFormValues;
  mode: 'create' | 'edit';
  error: ApiError | undefined;
  pending: boolean;
  onSubmit: (values: CohortFormValues) => void;
  onCancel?: () => void;
};

/** Plan a cohort (label, dates, capacity, location, collective start) or change one (also its status). */
export function CohortForm({ idPrefix, labelledBy, submitLabel, initial, mode, error, pending, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const server = fieldErrors(error, t);
  const set = (key: keyof CohortFormValues) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!values.label.trim()) next.label = t('cohorts.labelRequired');
    if (!values.startsOn) next.startsOn = t('cohorts.startsOnRequired');
    const capacity = Number(values.capacity);
    if (!values.capacity || !Number.isInteger(capacity) || capacity < 1) next.capacity = t('cohorts.capacityRequired');
    setErrors(next);
    const first = Object.keys(next)[0];
    if (first) {
      document.getElementById(`${idPrefix}-${first}`)?.focus();
      return;
    }
    onSubmit(values);
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby={labelledBy} className="meedoen-form">
      <ProblemAlert error={error} />
      <TextField id={`${idPrefix}-label`} label={t('cohorts.label')} description={t('cohorts.labelHint')} required autoComplete="off" value={values.label} onChange={set('label')} error={errors.label ?? server.label} />
      <TextField id={`${idPrefix}-startsOn`} label={t('cohorts.startsOn')} type="date" required value={values.startsOn} onChange={set('startsOn')} error={errors.startsOn ?? server.startsOn} />
      <TextField id={`${idPrefix}-endsOn`} label={t('cohorts.endsOnOptional')} type="date" value={values.endsOn} onChange={set('endsOn')} error={server.endsOn} />
      <TextField
        id={`${idPrefix}-capacity`}
        label={t('cohorts.capacity')}
        description={t('cohorts.capacityHint')}
        type="number"
        min={1}
        inputMode="numeric"
        required
        value={values.capacity}
        onChange={set('capacity')}
        error={errors.capacity ?? server.capacity}
      />
      <TextField id={`${idPrefix}-location`} label={t('cohorts.locationOptional')} autoComplete="off" value={values.location} onChange={set('location')} error={server.location} />
      {mode === 'create' ? (
        <CheckboxField
          id={`${idPrefix}-collective`}
          label={t('cohorts.collectiveLabel')}
          description={t('cohorts.collectiveHint')}
          checked={values.collective}
          onChange={(collective) => setValues((v) => ({ ...v, collective }))}
        />
      ) : (
        <SelectField
          id={`${idPrefix}-status`}
          label={t('cohorts.status')}
          value={values.status}
          onChange={set('status')}
          options={statusChoices(initial.status, initial.collective).map((s) => ({ value: s, label: t(`cohorts.statuses.${s}`) }))}
          error={server.status}
        />
      )}
      <FormActions submitLabel={submitLabel} pending={pending} onCancel={onCancel} />
    </form>
  );
}
