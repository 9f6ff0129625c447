import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client.ts';
import type { AgreementInput, ManagedAgreement } from '../../api/agreement-types.ts';
import type { Ref } from '../../api/types.ts';
import { FormActions } from '../../components/form-actions.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fieldErrors, problemMessage } from '../../components/problem-message.ts';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { TextareaField } from '../../components/textarea-field.tsx';
import { KPI_KEYS, type KpiKey } from '../../../shared/kpi.ts';
import { KPI_MEASURES } from '../../../shared/kpi-measures.ts';

/** The values the agreement form collects, as typed. */
export type AgreementFormValues = { municipalityId: string; year: string; kpiKey: KpiKey; measureKey: string; comparison: 'at_least' | 'at_most'; target: string; title: string; explanation: string };

/** Empty values for a new agreement, or an agreement's values to edit. */
export function agreementFormValues(agreement?: ManagedAgreement, defaults: { municipalityId?: string; year?: number } = {}): AgreementFormValues {
  if (!agreement) {
    return { municipalityId: defaults.municipalityId ?? '', year: String(defaults.year ?? new Date().getFullYear()), kpiKey: KPI_KEYS[0], measureKey: KPI_MEASURES[KPI_KEYS[0]][0]!.key, comparison: 'at_least', target: '', title: '', explanation: '' };
  }
  return {
    municipalityId: agreement.municipality.id,
    year: String(agreement.year),
    kpiKey: agreement.kpiKey,
    measureKey: agreement.measureKey,
    comparison: agreement.comparison,
    target: String(agreement.target),
    title: agreement.title,
    explanation: agreement.explanation,
  };
}

type Props = {
  idPrefix: string;
  labelledBy: string;
  submitLabel: string;
  initial: AgreementFormValues;
  municipalities: Ref[];
  error: ApiError | undefined;
  pending: boolean;
  onSubmit: (body: AgreementInput) => void;
  onCancel?: () => void;
};

/** Create or edit a performance agreement: municipality, year, KPI and measure, at least / at most a target, title and explanation. */
export function AgreementForm({ idPrefix, labelledBy, submitLabel, initial, municipalities, error, pending, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const errors = fieldErrors(error, t);
  // The server names the field a refusal belongs to (a measure the KPI lacks, a target out of range).
  const field = (error?.problem as { field?: unknown } | undefined)?.field;
  if (error && typeof field === 'string' && !errors[field]) errors[field] = field === 'target' ? t('agreements.targetOutOfRange') : problemMessage(error, t);
  const set = (key: keyof AgreementFormValues) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const measures = KPI_MEASURES[values.kpiKey];
  const unit = measures.find((m) => m.key === values.measureKey)?.unit ?? 'number';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({
      municipalityId: values.municipalityId,
      year: Number(values.year),
      kpiKey: values.kpiKey,
      measureKey: values.measureKey,
      comparison: values.comparison,
      target: Number(values.target.replace(',', '.')),
      title: values.title.trim(),
      explanation: values.explanation.trim(),
    });
  };
  return (
    <form onSubmit={submit} aria-labelledby={labelledBy} className="meedoen-form">
      <ProblemAlert error={error} id={`${idPrefix}-problem`} />
      <SelectField
        id={`${idPrefix}-municipality`}
        label={t('agreements.municipality')}
        required
        value={values.municipalityId}
        onChange={set('municipalityId')}
        emptyLabel={t('common.chooseOption')}
        options={municipalities.map((m) => ({ value: m.id, label: m.name }))}
        error={errors.municipalityId}
      />
      <TextField id={`${idPrefix}-year`} label={t('agreements.year')} type="number" min={2015} max={2100} required inputMode="numeric" value={values.year} onChange={set('year')} error={errors.year} />
      <SelectField
        id={`${idPrefix}-kpi`}
        label={t('agreements.kpi')}
        required
        value={values.kpiKey}
        onChange={(value) => setValues((v) => ({ ...v, kpiKey: value as KpiKey, measureKey: KPI_MEASURES[value as KpiKey][0]!.key }))}
        options={KPI_KEYS.map((key) => ({ value: key, label: t(`kpi.figures.${key}.title`) }))}
        error={errors.kpiKey}
      />
      <SelectField
        id={`${idPrefix}-measure`}
        label={t('agreements.measure')}
        required
        value={values.measureKey}
        onChange={set('measureKey')}
        options={measures.map((m) => ({ value: m.key, label: t(`kpi.measures.${m.key}`) }))}
        error={errors.measureKey}
      />
      <SelectField
        id={`${idPrefix}-comparison`}
        label={t('agreements.comparison')}
        required
        value={values.comparison}
        onChange={set('comparison')}
        options={[
          { value: 'at_least', label: t('agreements.comparisons.at_least') },
          { value: 'at_most', label: t('agreements.comparisons.at_most') },
        ]}
        error={errors.comparison}
      />
      <TextField
        id={`${idPrefix}-target`}
        label={t('agreements.target')}
        description={t(`agreements.targetHints.${unit}`)}
        required
        inputMode="decimal"
        autoComplete="off"
        value={values.target}
        onChange={set('target')}
        error={errors.target}
      />
      <TextField id={`${idPrefix}-title`} label={t('agreements.title')} description={t('agreements.titleHint')} required autoComplete="off" value={values.title} onChange={set('title')} error={errors.title} />
      <TextareaField id={`${idPrefix}-explanation`} label={t('agreements.explanation')} value={values.explanation} onChange={set('explanation')} error={errors.explanation} />
      <FormActions submitLabel={submitLabel} pending={pending} onCancel={onCancel} />
    </form>
  );
}
