import { Button } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROUTES, TARGET_GROUPS } from '../../../shared/client-fields.ts';
import { LADDER_STEPS } from '../../../shared/ladder.ts';
import type { CaseloadCounts } from '../../api/types.ts';
import { SelectField } from '../../components/select-field.tsx';
import type { CaseloadFilters } from './caseload-filters.ts';

/** The filters this form edits. */
export type CaseloadFormValues = Pick<CaseloadFilters, 'route' | 'step' | 'municipalityId' | 'group'>;

type Props = {
  initial: CaseloadFormValues;
  counts: CaseloadCounts | undefined;
  labelledBy: string;
  onSubmit: (values: CaseloadFormValues) => void;
};

/**
 * Route, trede, gemeente and doelgroep, each option with its count so the coach sees the
 * distribution before filtering. Rendered with a key from the URL so it follows back/forward.
 */
export function CaseloadFilterForm({ initial, counts, labelledBy, onSubmit }: Props) {
  const { t } = useTranslation();
  const [form, setForm] = useState(initial);
  const set = (key: keyof CaseloadFormValues) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const withCount = (label: string, count: number | undefined) => (count === undefined ? label : `${label} (${count})`);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(form);
  };

  return (
    <form onSubmit={submit} aria-labelledby={labelledBy} className="meedoen-inline-form">
      <SelectField
        id="caseload-route"
        label={t('clients.route')}
        value={form.route}
        onChange={set('route')}
        emptyLabel={t('caseload.all')}
        options={[
          ...ROUTES.map((r) => ({ value: r, label: withCount(t(`routes.${r}`), counts?.byRoute[r]) })),
          { value: 'none', label: withCount(t('routes.none'), counts?.byRoute.none) },
        ]}
      />
      <SelectField
        id="caseload-step"
        label={t('clients.step')}
        value={form.step}
        onChange={set('step')}
        emptyLabel={t('caseload.all')}
        options={[
          ...LADDER_STEPS.map((s) => ({
            value: String(s),
            label: withCount(t('ladder.stepLabel', { step: s, name: t(`ladder.steps.${s}`) }), counts?.byStep[String(s)]),
          })),
          { value: 'none', label: withCount(t('ladder.noMeasurement'), counts?.byStep.none) },
        ]}
      />
      <SelectField
        id="caseload-municipality"
        label={t('clients.municipality')}
        value={form.municipalityId}
        onChange={set('municipalityId')}
        emptyLabel={t('caseload.all')}
        options={(counts?.byMunicipality ?? []).map((m) => ({ value: m.id, label: withCount(m.name, m.count) }))}
      />
      <SelectField
        id="caseload-group"
        label={t('clients.targetGroup')}
        value={form.group}
        onChange={set('group')}
        emptyLabel={t('caseload.all')}
        options={TARGET_GROUPS.map((g) => ({ value: g, label: withCount(t(`targetGroups.${g}`), counts?.byGroup[g]) }))}
      />
      <Button type="submit" appearance="primary-action-button">
        {t('caseload.filter')}
      </Button>
    </form>
  );
}
