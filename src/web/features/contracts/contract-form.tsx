import { Fieldset, FieldsetLegend, FormFieldErrorMessage } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/form-actions.tsx';
import { LADDER_STEPS } from '../../../shared/ladder.ts';
import type { ApiError } from '../../api/client.ts';
import type { Contract, ContractInput } from '../../api/trajectory-types.ts';
import type { Ref } from '../../api/types.ts';
import { CheckboxField } from '../../components/checkbox-field.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fieldErrorsWithProblemField } from '../../components/problem-field.ts';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { TextareaField } from '../../components/textarea-field.tsx';
import { centsToInput, parseEuros } from './contract-figures.ts';

/** The values the contract form collects, as typed. */
export type ContractFormValues = {
  providerId: string;
  product: string;
  ladderFrom: string;
  ladderTo: string;
  startsOn: string;
  endsOn: string;
  price: string;
  capacity: string;
  durationMonths: string;
  notes: string;
  municipalityIds: string[];
};

/** An empty form, or the contract's values for editing. */
export function contractFormValues(contract?: Contract): ContractFormValues {
  if (!contract) {
    return { providerId: '', product: '', ladderFrom: '', ladderTo: '', startsOn: '', endsOn: '', price: '', capacity: '', durationMonths: '12', notes: '', municipalityIds: [] };
  }
  return {
    providerId: contract.provider.id,
    product: contract.product,
    ladderFrom: contract.ladderFrom === null ? '' : String(contract.ladderFrom),
    ladderTo: contract.ladderTo === null ? '' : String(contract.ladderTo),
    startsOn: contract.startsOn,
    endsOn: contract.endsOn,
    price: centsToInput(contract.priceCents),
    capacity: String(contract.capacity),
    durationMonths: String(contract.durationMonths),
    notes: contract.notes ?? '',
    municipalityIds: contract.municipalities.map((m) => m.id),
  };
}

type Props = {
  idPrefix: string;
  labelledBy: string;
  submitLabel: string;
  initial: ContractFormValues;
  providers: Ref[];
  municipalities: Ref[];
  error: ApiError | undefined;
  pending: boolean;
  onSubmit: (body: ContractInput) => void;
  onCancel?: () => void;
};

/**
 * Create or edit a contract: provider, product, ladder range, period, price per trajectory,
 * capacity, duration and the municipalities it covers (checkboxes: a multiselect that works with
 * keyboard and screen reader alike). Checked here first, then by the server.
 */
export function ContractForm({ idPrefix, labelledBy, submitLabel, initial, providers, municipalities, error, pending, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const server = fieldErrorsWithProblemField(error, t);
  const set = (key: Exclude<keyof ContractFormValues, 'municipalityIds'>) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const toggle = (id: string) => (checked: boolean) =>
    setValues((v) => ({ ...v, municipalityIds: checked ? [...v.municipalityIds, id] : v.municipalityIds.filter((m) => m !== id) }));
  const id = (name: string) => `${idPrefix}-${name}`;
  const err = (name: string) => errors[name] ?? server[name];
  const steps = LADDER_STEPS.map((s) => ({ value: String(s), label: t('ladder.stepShort', { step: s }) }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    const priceCents = parseEuros(values.price);
    if (!values.providerId) next.providerId = t('contracts.providerRequired');
    if (!values.product.trim()) next.product = t('contracts.productRequired');
    if (values.ladderFrom && values.ladderTo && Number(values.ladderFrom) > Number(values.ladderTo)) next.ladderTo = t('contracts.ladderOrder');
    if (!values.startsOn) next.startsOn = t('contracts.startsOnRequired');
    if (!values.endsOn) next.endsOn = t('contracts.endsOnRequired');
    else if (values.startsOn && values.endsOn < values.startsOn) next.endsOn = t('contracts.endsBeforeStart');
    if (priceCents === null) next.priceCents = t('contracts.priceInvalid');
    if (!/^\d+$/.test(values.capacity) || Number(values.capacity) < 1) next.capacity = t('contracts.capacityInvalid');
    if (!/^\d+$/.test(values.durationMonths) || Number(values.durationMonths) < 1) next.durationMonths = t('contracts.durationInvalid');
    if (values.municipalityIds.length === 0) next.municipalityIds = t('contracts.municipalitiesRequired');
    setErrors(next);
    const first = Object.keys(next)[0];
    if (first) {
      const target = first === 'municipalityIds' ? `${id('municipality')}-${municipalities[0]?.id ?? ''}` : first === 'priceCents' ? id('price') : id(first);
      document.getElementById(target)?.focus();
      return;
    }
    onSubmit({
      providerId: values.providerId,
      product: values.product.trim(),
      ladderFrom: values.ladderFrom ? Number(values.ladderFrom) : null,
      ladderTo: values.ladderTo ? Number(values.ladderTo) : null,
      startsOn: values.startsOn,
      endsOn: values.endsOn,
      priceCents: priceCents ?? 0,
      capacity: Number(values.capacity),
      durationMonths: Number(values.durationMonths),
      notes: values.notes.trim() || null,
      municipalityIds: values.municipalityIds,
    });
  };

  const municipalitiesError = err('municipalityIds');
  return (
    <form onSubmit={submit} noValidate aria-labelledby={labelledBy} className="meedoen-form">
      <ProblemAlert error={error} />
      <SelectField
        id={id('providerId')}
        label={t('contracts.provider')}
        required
        value={values.providerId}
        onChange={set('providerId')}
        emptyLabel={t('common.chooseOption')}
        options={providers.map((p) => ({ value: p.id, label: p.name }))}
        error={err('providerId')}
      />
      <TextField id={id('product')} label={t('contracts.product')} description={t('contracts.productHint')} required value={values.product} onChange={set('product')} error={err('product')} />
      <SelectField id={id('ladderFrom')} label={t('contracts.ladderFrom')} value={values.ladderFrom} onChange={set('ladderFrom')} emptyLabel={t('common.noneOption')} options={steps} error={err('ladderFrom')} />
      <SelectField id={id('ladderTo')} label={t('contracts.ladderTo')} value={values.ladderTo} onChange={set('ladderTo')} emptyLabel={t('common.noneOption')} options={steps} error={err('ladderTo')} />
      <TextField id={id('startsOn')} label={t('contracts.startsOn')} type="date" required value={values.startsOn} onChange={set('startsOn')} error={err('startsOn')} />
      <TextField id={id('endsOn')} label={t('contracts.endsOn')} type="date" required value={values.endsOn} onChange={set('endsOn')} error={err('endsOn')} />
      <TextField
        id={id('price')}
        label={t('contracts.price')}
        description={t('contracts.priceHint')}
        required
        inputMode="decimal"
        value={values.price}
        onChange={set('price')}
        error={err('priceCents')}
      />
      <TextField id={id('capacity')} label={t('contracts.capacity')} description={t('contracts.capacityHint')} required type="number" min={1} inputMode="numeric" value={values.capacity} onChange={set('capacity')} error={err('capacity')} />
      <TextField
        id={id('durationMonths')}
        label={t('contracts.durationMonths')}
        description={t('contracts.durationHint')}
        required
        type="number"
        min={1}
        inputMode="numeric"
        value={values.durationMonths}
        onChange={set('durationMonths')}
        error={err('durationMonths')}
      />
      <Fieldset id={id('municipalities')} invalid={Boolean(municipalitiesError)} aria-describedby={municipalitiesError ? `${id('municipalities')}-error` : undefined}>
        <FieldsetLegend>{t('contracts.municipalities')}</FieldsetLegend>
        {municipalitiesError ? <FormFieldErrorMessage id={`${id('municipalities')}-error`}>{municipalitiesError}</FormFieldErrorMessage> : null}
        {municipalities.map((m) => (
          <CheckboxField key={m.id} id={`${id('municipality')}-${m.id}`} label={m.name} checked={values.municipalityIds.includes(m.id)} onChange={toggle(m.id)} />
        ))}
      </Fieldset>
      <TextareaField id={id('notes')} label={t('contracts.notesOptional')} value={values.notes} onChange={set('notes')} error={err('notes')} rows={3} />
      <FormActions submitLabel={submitLabel} pending={pending} onCancel={onCancel} />
    </form>
  );
}
