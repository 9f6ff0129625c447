import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client.ts';
import { FormActions } from '../../components/form-actions.tsx';
import { CheckboxField } from '../../components/checkbox-field.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fieldErrors } from '../../components/problem-message.ts';
import { SelectField, type Option } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';

/** The values the provider and partner forms collect, as typed. */
export type OrganisationFormValues = {
  name: string;
  partnerKind: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  active: boolean;
};

/** An empty form, or an organisation's values for editing. */
export function organisationFormValues(o?: {
  name: string;
  partnerKind?: string | null;
  contactName?: string | null;
  contactEmail?: string | null;
  contactPhone?: string | null;
  active?: boolean;
}): OrganisationFormValues {
  return {
    name: o?.name ?? '',
    partnerKind: o?.partnerKind ?? '',
    contactName: o?.contactName ?? '',
    contactEmail: o?.contactEmail ?? '',
    contactPhone: o?.contactPhone ?? '',
    active: o?.active ?? true,
  };
}

type Props = {
  idPrefix: string;
  labelledBy: string;
  submitLabel: string;
  initial: OrganisationFormValues;
  /** Kinds of network partner to choose from; left out for providers. */
  partnerKinds?: Option[];
  /** Show the "active" checkbox (editing, not creating). */
  withActive?: boolean;
  error: ApiError | undefined;
  pending: boolean;
  onSubmit: (values: OrganisationFormValues) => void;
  onCancel?: () => void;
};

/** Create or edit a provider or a network partner: name, kind (partners), contact person, active. */
export function OrganisationForm({ idPrefix, labelledBy, submitLabel, initial, partnerKinds, withActive, error, pending, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const server = fieldErrors(error, t);
  const set = (key: Exclude<keyof OrganisationFormValues, 'active'>) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const id = (name: string) => `${idPrefix}-${name}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!values.name.trim()) next.name = t('providers.nameRequired');
    if (partnerKinds && !values.partnerKind) next.partnerKind = t('partners.kindRequired');
    setErrors(next);
    const first = Object.keys(next)[0];
    if (first) {
      document.getElementById(id(first))?.focus();
      return;
    }
    onSubmit(values);
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby={labelledBy} className="meedoen-form">
      <ProblemAlert error={error} />
      <TextField id={id('name')} label={t('providers.name')} required autoComplete="off" value={values.name} onChange={set('name')} error={errors.name ?? server.name} />
      {partnerKinds ? (
        <SelectField
          id={id('partnerKind')}
          label={t('partners.kind')}
          required
          value={values.partnerKind}
          onChange={set('partnerKind')}
          emptyLabel={t('common.chooseOption')}
          options={partnerKinds}
          error={errors.partnerKind ?? server.partnerKind}
        />
      ) : null}
      <TextField id={id('contactName')} label={t('providers.contactName')} autoComplete="off" value={values.contactName} onChange={set('contactName')} error={server.contactName} />
      <TextField id={id('contactEmail')} label={t('providers.contactEmail')} type="email" autoComplete="off" value={values.contactEmail} onChange={set('contactEmail')} error={server.contactEmail} />
      <TextField id={id('contactPhone')} label={t('providers.contactPhone')} type="tel" autoComplete="off" value={values.contactPhone} onChange={set('contactPhone')} error={server.contactPhone} />
      {withActive ? (
        <CheckboxField
          id={id('active')}
          label={t('providers.active')}
          description={t('providers.activeHint')}
          checked={values.active}
          onChange={(active) => setValues((v) => ({ ...v, active }))}
        />
      ) : null}
      <FormActions submitLabel={submitLabel} pending={pending} onCancel={onCancel} />
    </form>
  );
}

/** The contact fields as the API takes them: trimmed, empty ones as null (cleared) or left out on create. */
export function contactBody(values: OrganisationFormValues, emptyAs: 'null' | 'omit') {
  const out: Record<string, string | null> = {};
  for (const key of ['contactName', 'contactEmail', 'contactPhone'] as const) {
    const value = values[key].trim();
    if (value) out[key] = value;
    else if (emptyAs === 'null') out[key] = null;
  }
  return out;
}
