import { Button, ButtonGroup } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROUTES } from '../../../shared/client-fields.ts';
import { KPI_GROUPS } from '../../../shared/kpi.ts';
import type { KpiOption } from '../../api/kpi-types.ts';
import { SelectField } from '../../components/select-field.tsx';
import { periodChoices, type DashboardFilters } from './dashboard-filters.ts';

type Props = {
  initial: DashboardFilters;
  municipalities: KpiOption[];
  providers: KpiOption[];
  labelledBy: string;
  onSubmit: (values: DashboardFilters) => void;
  onReset: () => void;
};

/** A period key in words: "2026", "2026, eerste halfjaar". */
export function periodLabel(key: string, t: (key: string, options?: Record<string, unknown>) => string): string {
  const [year, half] = key.split('-');
  return half ? t(`dashboard.periods.${half}`, { year }) : t('dashboard.periods.year', { year });
}

/**
 * Period, municipality, route, group and provider. Applied with a button, not on change, so
 * choosing does not move the page under the user (WCAG 3.2.2); "Wissen" goes back to this year
 * and no filters. Rendered with a key from the URL so it follows back and forward.
 */
export function DashboardFilterForm({ initial, municipalities, providers, labelledBy, onSubmit, onReset }: Props) {
  const { t } = useTranslation();
  const [form, setForm] = useState(initial);
  const set = (key: keyof DashboardFilters) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(form);
  };
  const periods = periodChoices();
  if (!periods.includes(form.period)) periods.unshift(form.period);
  return (
    <form onSubmit={submit} aria-labelledby={labelledBy} className="meedoen-inline-form" data-testid="dashboard-filters">
      <SelectField id="kpi-period" label={t('dashboard.filters.period')} value={form.period} onChange={set('period')} options={periods.map((p) => ({ value: p, label: periodLabel(p, t) }))} />
      {municipalities.length > 0 ? (
        <SelectField
          id="kpi-municipality"
          label={t('dashboard.filters.municipality')}
          value={form.municipalityId}
          onChange={set('municipalityId')}
          emptyLabel={t('dashboard.filters.allMunicipalities')}
          options={municipalities.map((m) => ({ value: m.id, label: m.name }))}
        />
      ) : null}
      <SelectField
        id="kpi-route"
        label={t('dashboard.filters.route')}
        value={form.route}
        onChange={set('route')}
        emptyLabel={t('dashboard.filters.all')}
        options={ROUTES.map((r) => ({ value: r, label: t(`routes.${r}`) }))}
      />
      <SelectField
        id="kpi-group"
        label={t('dashboard.filters.group')}
        value={form.group}
        onChange={set('group')}
        emptyLabel={t('dashboard.filters.all')}
        options={KPI_GROUPS.map((g) => ({ value: g, label: t(`dashboard.groups.${g}`) }))}
      />
      {providers.length > 0 ? (
        <SelectField
          id="kpi-provider"
          label={t('dashboard.filters.provider')}
          value={form.providerId}
          onChange={set('providerId')}
          emptyLabel={t('dashboard.filters.allProviders')}
          options={providers.map((p) => ({ value: p.id, label: p.name }))}
        />
      ) : null}
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button">
          {t('dashboard.filters.apply')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onReset}>
          {t('dashboard.filters.reset')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
