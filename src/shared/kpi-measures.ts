/**
 * The named measures of every KPI that a performance agreement can set a target on. A figure
 * puts these keys in its `measures` (src/shared/kpi.ts); the agreements refuse any other key.
 * Labels: `kpi.measures.<measure>` in the i18n catalogues. Percentages run from 0 to 100.
 */
import type { KpiKey, KpiUnit } from './kpi.ts';

export type KpiMeasureDefinition = { key: string; unit: KpiUnit };

const pct = (key: string): KpiMeasureDefinition => ({ key, unit: 'percentage' });
const count = (key: string): KpiMeasureDefinition => ({ key, unit: 'count' });

/** Per KPI, the measures its figure reports, in the order a form offers them. */
export const KPI_MEASURES: Readonly<Record<KpiKey, readonly KpiMeasureDefinition[]>> = {
  ladder_no_drop_3_4: [pct('share_not_dropped'), count('population'), count('not_dropped')],
  ladder_movement: [pct('share_risen'), pct('share_stayed'), pct('share_dropped'), count('risers'), count('stayers'), count('droppers')],
  annual_conversation_coverage: [pct('coverage'), count('seen'), count('not_seen')],
  youth_back_in_education: [pct('share_back_in_education'), count('back_in_education'), count('population')],
  afspraakbanen: [count('active_end'), count('new_in_period'), pct('growth')],
  beschut_werk: [count('new_in_period'), count('active_end'), pct('quota_realised'), count('waiting')],
  participation_placements: [count('active_end'), count('new_in_period')],
  trajectories: [count('started'), count('completed'), count('stopped_early'), pct('share_completed'), pct('outflow_to_work')],
  module_attendance: [pct('attendance_rate')],
  return_per_route: [{ key: 'net_return', unit: 'euro' }, { key: 'return_ratio', unit: 'number' }],
  monthly_trends: [count('benefit_outflow_to_work'), count('benefit_outflow'), count('benefit_inflow'), count('on_benefit_end')],
};

/** The definition of a measure of a KPI, or undefined when the KPI has no such measure. */
export function kpiMeasure(kpi: KpiKey, measure: string): KpiMeasureDefinition | undefined {
  return KPI_MEASURES[kpi].find((m) => m.key === measure);
}

/** Whether a target fits the measure's unit: percentages 0–100, counts whole and not negative, ratios not negative. */
export function targetFits(unit: KpiUnit, target: number): boolean {
  if (!Number.isFinite(target)) return false;
  switch (unit) {
    case 'percentage':
      return target >= 0 && target <= 100;
    case 'count':
    case 'days':
      return target >= 0 && Number.isInteger(target);
    case 'number':
      return target >= 0;
    case 'euro':
      return Math.abs(target) <= 1_000_000_000;
  }
}
