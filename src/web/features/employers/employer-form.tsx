import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EMPLOYER_SECTORS, KVK_PATTERN } from '../../../shared/placements.ts';
import type { ApiError } from '../../api/client.ts';
import type { Employer, EmployerInput } from '../../api/placement-types.ts';
import type { List, Ref } from '../../api/types.ts';
import { CheckboxField } from '../../components/checkbox-field.tsx';
import { FormActions } from '../../components/form-actions.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useApi } from '../../components/use-api.ts';
import { checkFields, orNull, serverFieldErrors } from '../placements/form-errors.ts';

type Props = {
  idPrefix: string;
  labelledBy: string;
  employer?: Employer;
  submitLabel: string;
  error: ApiError | undefined;
  pending: boolean;
  onSubmit: (input: EmployerInput) => void;
  onCancel?: () => void;
};

/** An employer's name, KvK number (eight digits, optional), sector, municipality and contact person. */
export function EmployerForm({ idPrefix, labelledBy, employer: e, submitLabel, error, pending, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const municipalities = useApi<List<Ref>>('/api/municipalities/served');
  const [name, setName] = useState(e?.name ?? '');
  const [kvk, setKvk] = useState(e?.kvkNumber ?? '');
  const [sector, setSector] = useState<string>(e?.sector ?? '');
  const [municipalityId, setMunicipalityId] = useState(e?.municipality?.id ?? '');
  const [contactName, setContactName] = useState(e?.contact.name ?? '');
  const [contactEmail, setContactEmail] = useState(e?.contact.email ?? '');
  const [contactPhone, setContactPhone] = useState(e?.contact.phone ?? '');
  const [active, setActive] = useState(e?.active ?? true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const server = serverFieldErrors(error, t);
  const err = (field: string) => errors[field] ?? server[field];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (name.trim().length < 2) next.name = t('employers.nameRequired');
    if (kvk.trim() && !KVK_PATTERN.test(kvk.replace(/\s/g, ''))) next.kvkNumber = t('employers.kvkInvalid');
    if (!sector) next.sector = t('employers.sectorRequired');
    if (!checkFields(next, idPrefix, setErrors)) return;
    onSubmit({
      name: name.trim(),
      kvkNumber: orNull(kvk.replace(/\s/g, '')),
      sector,
      municipalityId: municipalityId || null,
      contactName: orNull(contactName),
      contactEmail: orNull(contactEmail),
      contactPhone: orNull(contactPhone),
      ...(e ? { active } : {}),
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby={labelledBy} className="meedoen-form">
      <ProblemAlert error={error} />
      <TextField id={`${idPrefix}-name`} label={t('employers.name')} required value={name} onChange={setName} error={err('name')} />
      <TextField id={`${idPrefix}-kvkNumber`} label={t('employers.kvkOptional')} description={t('employers.kvkHint')} inputMode="numeric" value={kvk} onChange={setKvk} error={err('kvkNumber')} />
      <SelectField
        id={`${idPrefix}-sector`}
        label={t('employers.sector')}
        required
        value={sector}
        onChange={setSector}
        emptyLabel={t('common.chooseOption')}
        options={EMPLOYER_SECTORS.map((s) => ({ value: s, label: t(`employers.sectors.${s}`) }))}
        error={err('sector')}
      />
      <SelectField
        id={`${idPrefix}-municipalityId`}
        label={t('employers.municipalityOptional')}
        value={municipalityId}
        onChange={setMunicipalityId}
        emptyLabel={t('common.noneOption')}
        options={(municipalities.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }))}
        error={err('municipalityId')}
      />
      <TextField id={`${idPrefix}-contactName`} label={t('employers.contactNameOptional')} autoComplete="off" value={contactName} onChange={setContactName} error={err('contactName')} />
      <TextField id={`${idPrefix}-contactEmail`} label={t('employers.contactEmailOptional')} type="email" autoComplete="off" value={contactEmail} onChange={setContactEmail} error={err('contactEmail')} />
      <TextField id={`${idPrefix}-contactPhone`} label={t('employers.contactPhoneOptional')} type="tel" autoComplete="off" value={contactPhone} onChange={setContactPhone} error={err('contactPhone')} />
      {e ? <CheckboxField id={`${idPrefix}-active`} label={t('employers.activeLabel')} checked={active} onChange={setActive} /> : null}
      <FormActions submitLabel={submitLabel} pending={pending} onCancel={onCancel} />
    </form>
  );
}
