import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client.ts';
import type { List, Ref } from '../../api/types.ts';
import { useAuth } from '../../app/auth-context.tsx';
import { CheckboxField } from '../../components/checkbox-field.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fieldErrors } from '../../components/problem-message.ts';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { TextareaField } from '../../components/textarea-field.tsx';
import { useApi } from '../../components/use-api.ts';
import { FormActions } from './form-parts.tsx';

/** What the module form collects; providerId '' is the service's own offer. */
export type ModuleFormValues = { name: string; description: string; providerId: string; active: boolean };

type Props = {
  idPrefix: string;
  labelledBy: string;
  submitLabel: string;
  initial: ModuleFormValues;
  /** Creating: the provider can be chosen; editing: it stays, but the module can be switched off. */
  mode: 'create' | 'edit';
  error: ApiError | undefined;
  pending: boolean;
  onSubmit: (values: ModuleFormValues) => void;
  onCancel?: () => void;
};

/** Create or edit a group module: name, description, provider (or own offer), active. */
export function ModuleForm({ idPrefix, labelledBy, submitLabel, initial, mode, error, pending, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [values, setValues] = useState(initial);
  const [nameError, setNameError] = useState<string>();
  const providers = useApi<List<Ref>>(mode === 'create' && can('providers:read') ? '/api/providers' : null);
  const server = fieldErrors(error, t);
  // A duplicate name is the one conflict here; it belongs next to the name.
  const nameTaken = error?.problem.code === 'conflict' ? t('modules.nameTaken') : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!values.name.trim()) {
      setNameError(t('modules.nameRequired'));
      document.getElementById(`${idPrefix}-name`)?.focus();
      return;
    }
    setNameError(undefined);
    onSubmit(values);
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby={labelledBy} className="meedoen-form">
      <ProblemAlert error={nameTaken ? undefined : error} />
      <TextField
        id={`${idPrefix}-name`}
        label={t('modules.name')}
        required
        autoComplete="off"
        value={values.name}
        onChange={(name) => setValues((v) => ({ ...v, name }))}
        error={nameError ?? nameTaken ?? server.name}
      />
      <TextareaField
        id={`${idPrefix}-description`}
        label={t('modules.descriptionOptional')}
        rows={3}
        value={values.description}
        onChange={(description) => setValues((v) => ({ ...v, description }))}
        error={server.description}
      />
      {mode === 'create' ? (
        <SelectField
          id={`${idPrefix}-providerId`}
          label={t('modules.provider')}
          value={values.providerId}
          onChange={(providerId) => setValues((v) => ({ ...v, providerId }))}
          emptyLabel={t('modules.ownOffer')}
          options={(providers.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
          error={server.providerId}
        />
      ) : (
        <CheckboxField
          id={`${idPrefix}-active`}
          label={t('modules.activeLabel')}
          checked={values.active}
          onChange={(active) => setValues((v) => ({ ...v, active }))}
        />
      )}
      <FormActions submitLabel={submitLabel} pending={pending} onCancel={onCancel} />
    </form>
  );
}
