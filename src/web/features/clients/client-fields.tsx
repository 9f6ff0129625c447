import { Fieldset, FieldsetLegend } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BENEFIT_TYPES, TARGET_GROUPS } from '../../../shared/client-fields.ts';
import type { ClientDetail, Ref } from '../../api/types.ts';
import { CheckboxField } from '../../components/checkbox-field.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';

/** The editable personal and benefit fields of a client; empty strings mean "not filled in". */
export type ClientFieldValues = {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  phone: string;
  email: string;
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
  municipalityId: string;
  benefitType: string;
  benefitStartDate: string;
  targetGroups: string[];
};

/** Field names in the order the form shows them (also used to list differences after a conflict). */
export const CLIENT_FIELD_NAMES = [
  'firstName',
  'lastName',
  'dateOfBirth',
  'phone',
  'email',
  'street',
  'houseNumber',
  'postcode',
  'city',
  'municipalityId',
  'benefitType',
  'benefitStartDate',
  'targetGroups',
] as const satisfies readonly (keyof ClientFieldValues)[];

/** Empty values for a new client. */
export function emptyClientFields(): ClientFieldValues {
  return {
    firstName: '',
    lastName: '',
    dateOfBirth: '',
    phone: '',
    email: '',
    street: '',
    houseNumber: '',
    postcode: '',
    city: '',
    municipalityId: '',
    benefitType: '',
    benefitStartDate: '',
    targetGroups: [],
  };
}

/** The form values of an existing client. */
export function clientFieldsOf(client: ClientDetail): ClientFieldValues {
  return {
    firstName: client.firstName,
    lastName: client.lastName,
    dateOfBirth: client.dateOfBirth,
    phone: client.phone ?? '',
    email: client.email ?? '',
    street: client.address.street ?? '',
    houseNumber: client.address.houseNumber ?? '',
    postcode: client.address.postcode ?? '',
    city: client.address.city ?? '',
    municipalityId: client.municipality.id,
    benefitType: client.benefit.type ?? '',
    benefitStartDate: client.benefit.startDate ?? '',
    targetGroups: [...client.targetGroups].sort(),
  };
}

/** Whether two values of one field are the same (target groups compare as sets). */
export function sameValue(a: string | string[], b: string | string[]): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return [...a].sort().join(',') === [...b].sort().join(',');
  return a === b;
}

type Props = {
  idPrefix: string;
  values: ClientFieldValues;
  onChange: (values: ClientFieldValues) => void;
  errors: Record<string, string>;
  municipalities: Ref[];
  /** Shown right below the municipality (the edit form's move date). */
  afterMunicipality?: ReactNode;
};

/** The client's personal, address and benefit fields, shared by "Nieuwe cliënt" and "Gegevens bewerken". */
export function ClientFields({ idPrefix, values, onChange, errors, municipalities, afterMunicipality }: Props) {
  const { t } = useTranslation();
  const set = (key: Exclude<keyof ClientFieldValues, 'targetGroups'>) => (value: string) => onChange({ ...values, [key]: value });
  const toggleGroup = (group: string, on: boolean) =>
    onChange({ ...values, targetGroups: on ? [...values.targetGroups, group].sort() : values.targetGroups.filter((g) => g !== group) });
  const id = (name: string) => `${idPrefix}-${name}`;

  return (
    <>
      <TextField id={id('firstName')} label={t('clients.firstName')} autoComplete="off" required value={values.firstName} onChange={set('firstName')} error={errors.firstName} />
      <TextField id={id('lastName')} label={t('clients.lastName')} autoComplete="off" required value={values.lastName} onChange={set('lastName')} error={errors.lastName} />
      <TextField id={id('dateOfBirth')} label={t('clients.dateOfBirth')} type="date" required value={values.dateOfBirth} onChange={set('dateOfBirth')} error={errors.dateOfBirth} />
      <TextField id={id('phone')} label={t('clients.phone')} type="tel" autoComplete="off" value={values.phone} onChange={set('phone')} error={errors.phone} />
      <TextField id={id('email')} label={t('clients.email')} type="email" autoComplete="off" value={values.email} onChange={set('email')} error={errors.email} />
      <TextField id={id('street')} label={t('clients.street')} autoComplete="off" value={values.street} onChange={set('street')} error={errors.street} />
      <TextField id={id('houseNumber')} label={t('clients.houseNumber')} autoComplete="off" value={values.houseNumber} onChange={set('houseNumber')} error={errors.houseNumber} />
      <TextField
        id={id('postcode')}
        label={t('clients.postcode')}
        description={t('clients.postcodeHint')}
        autoComplete="off"
        value={values.postcode}
        onChange={set('postcode')}
        error={errors.postcode}
      />
      <TextField id={id('city')} label={t('clients.city')} autoComplete="off" value={values.city} onChange={set('city')} error={errors.city} />
      <SelectField
        id={id('municipalityId')}
        label={t('clients.municipality')}
        required
        value={values.municipalityId}
        onChange={set('municipalityId')}
        emptyLabel={values.municipalityId ? undefined : t('common.chooseOption')}
        options={municipalities.map((m) => ({ value: m.id, label: m.name }))}
        error={errors.municipalityId}
      />
      {afterMunicipality}
      <SelectField
        id={id('benefitType')}
        label={t('clients.benefitType')}
        value={values.benefitType}
        onChange={set('benefitType')}
        emptyLabel={t('common.noneOption')}
        options={BENEFIT_TYPES.map((b) => ({ value: b, label: t(`benefitTypes.${b}`) }))}
        error={errors.benefitType}
      />
      <TextField
        id={id('benefitStartDate')}
        label={t('clients.benefitStartDate')}
        type="date"
        value={values.benefitStartDate}
        onChange={set('benefitStartDate')}
        error={errors.benefitStartDate}
      />
      <Fieldset aria-describedby={errors.targetGroups ? id('targetGroups-error') : undefined} invalid={Boolean(errors.targetGroups)}>
        <FieldsetLegend>{t('clients.targetGroups')}</FieldsetLegend>
        {errors.targetGroups ? (
          <p className="utrecht-form-field-error-message" id={id('targetGroups-error')}>
            {errors.targetGroups}
          </p>
        ) : null}
        {TARGET_GROUPS.map((group) => (
          <CheckboxField
            key={group}
            id={id(`targetGroup-${group}`)}
            label={t(`targetGroups.${group}`)}
            checked={values.targetGroups.includes(group)}
            onChange={(on) => toggleGroup(group, on)}
          />
        ))}
      </Fieldset>
    </>
  );
}
