import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client.ts';
import type { Project } from '../../api/group-module-types.ts';
import type { List, Ref } from '../../api/types.ts';
import { useAuth } from '../../app/auth-context.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fieldErrors } from '../../components/problem-message.ts';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { TextareaField } from '../../components/textarea-field.tsx';
import { useApi } from '../../components/use-api.ts';
import { FormActions } from '../group-modules/form-parts.tsx';

/** What the project form collects, as typed; municipalityId '' means all municipalities. */
export type ProjectFormValues = { name: string; description: string; municipalityId: string; startsOn: string; endsOn: string };

/** Empty values for a new project. */
export const NEW_PROJECT: ProjectFormValues = { name: '', description: '', municipalityId: '', startsOn: '', endsOn: '' };

/** The form values of an existing project. */
export function projectValues(p: Pick<Project, 'name' | 'description' | 'municipality' | 'startsOn' | 'endsOn'>): ProjectFormValues {
  return { name: p.name, description: p.description, municipalityId: p.municipality?.id ?? '', startsOn: p.startsOn, endsOn: p.endsOn ?? '' };
}

/** The API body of the form (POST and PATCH take the same fields). */
export function projectBody(values: ProjectFormValues): Record<string, unknown> {
  return {
    name: values.name.trim(),
    description: values.description.trim(),
    municipalityId: values.municipalityId || null,
    startsOn: values.startsOn,
    endsOn: values.endsOn || null,
  };
}

type Props = {
  idPrefix: string;
  labelledBy: string;
  submitLabel: string;
  initial: ProjectFormValues;
  error: ApiError | undefined;
  pending: boolean;
  onSubmit: (values: ProjectFormValues) => void;
  onCancel?: () => void;
};

/** Create or edit a time-bound project: name, description, municipality, start and end. */
export function ProjectForm({ idPrefix, labelledBy, submitLabel, initial, error, pending, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const municipalities = useApi<List<Ref>>(can('municipalities:read') ? '/api/municipalities/served' : null);
  const server = fieldErrors(error, t);
  // A duplicate name is the one conflict here; it belongs next to the name.
  const nameTaken = error?.problem.code === 'conflict' ? t('projects.nameTaken') : undefined;
  const set = (key: keyof ProjectFormValues) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!values.name.trim()) next.name = t('projects.nameRequired');
    if (!values.startsOn) next.startsOn = t('projects.startsOnRequired');
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
      <ProblemAlert error={nameTaken ? undefined : error} />
      <TextField id={`${idPrefix}-name`} label={t('projects.name')} required autoComplete="off" value={values.name} onChange={set('name')} error={errors.name ?? nameTaken ?? server.name} />
      <TextareaField id={`${idPrefix}-description`} label={t('projects.descriptionOptional')} rows={3} value={values.description} onChange={set('description')} error={server.description} />
      <SelectField
        id={`${idPrefix}-municipalityId`}
        label={t('projects.municipality')}
        value={values.municipalityId}
        onChange={set('municipalityId')}
        emptyLabel={t('projects.allMunicipalities')}
        options={(municipalities.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }))}
        error={server.municipalityId}
      />
      <TextField id={`${idPrefix}-startsOn`} label={t('projects.startsOn')} type="date" required value={values.startsOn} onChange={set('startsOn')} error={errors.startsOn ?? server.startsOn} />
      <TextField id={`${idPrefix}-endsOn`} label={t('projects.endsOnOptional')} type="date" value={values.endsOn} onChange={set('endsOn')} error={server.endsOn} />
      <FormActions submitLabel={submitLabel} pending={pending} onCancel={onCancel} />
    </form>
  );
}
