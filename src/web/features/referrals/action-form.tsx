import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client.ts';
import { FormActions } from '../../components/form-actions.tsx';
import { ChoiceGroup } from '../../components/choice-group.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fieldErrorsWithProblemField } from '../../components/problem-field.ts';
import { SelectField, type Option } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { TextareaField } from '../../components/textarea-field.tsx';

/** One field of an action form; `showIf` hides it (and skips its check) depending on the others. */
export type ActionField = {
  name: string;
  kind: 'date' | 'text' | 'textarea' | 'select' | 'choice';
  label: string;
  required?: boolean;
  initial?: string;
  description?: string;
  options?: Option[];
  showIf?: (values: Record<string, string>) => boolean;
};

type Props = {
  id: string;
  labelledBy: string;
  fields: ActionField[];
  submitLabel: string;
  error: ApiError | undefined;
  pending: boolean;
  onSubmit: (values: Record<string, string>) => void;
  onCancel: () => void;
};

/**
 * A small form for one step of the lifecycle (refuse with a reason, start on a date, …): labelled
 * fields, required ones checked before sending, the first failing field focused, server problems
 * next to their field or in the summary.
 */
export function ActionForm({ id, labelledBy, fields, submitLabel, error, pending, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(fields.map((f) => [f.name, f.initial ?? ''])));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const server = fieldErrorsWithProblemField(error, t);
  const visible = fields.filter((f) => !f.showIf || f.showIf(values));
  const set = (name: string) => (value: string) => setValues((v) => ({ ...v, [name]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    for (const f of visible) if (f.required && !values[f.name]?.trim()) next[f.name] = t('referrals.fieldRequired', { field: f.label });
    setErrors(next);
    const first = Object.keys(next)[0];
    if (first) {
      const field = visible.find((f) => f.name === first);
      const target = field?.kind === 'choice' ? `${id}-${first}-${field.options?.[0]?.value ?? ''}` : `${id}-${first}`;
      document.getElementById(target)?.focus();
      return;
    }
    onSubmit(Object.fromEntries(visible.map((f) => [f.name, values[f.name]?.trim() ?? ''])));
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby={labelledBy} className="meedoen-form" id={id}>
      <ProblemAlert error={error} />
      {visible.map((f) => {
        const common = { id: `${id}-${f.name}`, label: f.label, required: f.required, error: errors[f.name] ?? server[f.name] };
        const value = values[f.name] ?? '';
        switch (f.kind) {
          case 'textarea':
            return <TextareaField key={f.name} {...common} description={f.description} value={value} onChange={set(f.name)} rows={3} />;
          case 'select':
            return <SelectField key={f.name} {...common} value={value} onChange={set(f.name)} emptyLabel={t('common.chooseOption')} options={f.options ?? []} />;
          case 'choice':
            return <ChoiceGroup key={f.name} id={common.id} legend={f.label} required={f.required} error={common.error} value={value} onChange={set(f.name)} choices={f.options ?? []} />;
          default:
            return <TextField key={f.name} {...common} description={f.description} type={f.kind} value={value} onChange={set(f.name)} />;
        }
      })}
      <FormActions submitLabel={submitLabel} pending={pending} onCancel={onCancel} />
    </form>
  );
}
