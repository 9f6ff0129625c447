/**
 * How a KPI number reads on screen, in one place for headline, tables, charts and agreements:
 * a count as a whole number, a percentage with at most one decimal, money in euros, a duration
 * in days. A suppressed count reads "<5"; a number withheld to protect a small one elsewhere
 * reads "x"; a suppressed share, and a value that cannot be computed, read as a dash (the legend
 * says why).
 */
import type { TFunction } from 'i18next';
import type { KpiCell, KpiUnit } from './kpi.ts';

function locale(language: string): string {
  return language === 'en' ? 'en-GB' : 'nl-NL';
}

/** The marker for a count of 1–4 that is not shown, so no person can be singled out. */
export const SUPPRESSED_COUNT = '<5';
/** The marker for a number withheld so that a small number elsewhere cannot be worked out from it (secondary suppression). */
export const WITHHELD = 'x';
/** The marker for a value that is not shown or cannot be computed. */
export const NO_VALUE = '–';

/** A number in its unit, e.g. "1.234", "83,3%", "€ 12.500", "45 dagen". */
export function formatKpiValue(value: number, unit: KpiUnit, language: string, t: TFunction): string {
  const nf = (options: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale(language), options).format(value);
  switch (unit) {
    case 'count':
      return nf({ maximumFractionDigits: 0 });
    case 'percentage':
      return `${nf({ maximumFractionDigits: 1 })}%`;
    case 'euro':
      return nf({ style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
    case 'days':
      return t('dashboard.days', { count: Math.round(value), value: nf({ maximumFractionDigits: 0 }) });
    case 'number':
      return nf({ maximumFractionDigits: 1 });
  }
}

/** What a cell shows: its value, "<5" for a suppressed count, "x" for a withheld number, or a dash. */
export function formatCell(cell: Pick<KpiCell, 'value' | 'suppressed' | 'withheld'>, unit: KpiUnit, language: string, t: TFunction): string {
  if (cell.value !== null) return formatKpiValue(cell.value, unit, language, t);
  if (cell.suppressed && unit === 'count') return SUPPRESSED_COUNT;
  if (cell.withheld) return WITHHELD;
  return NO_VALUE;
}

/** Whether a number is held back for privacy, either way (suppressed or withheld). */
export function isHeldBack(cell: Pick<KpiCell, 'suppressed' | 'withheld'>): boolean {
  return Boolean(cell.suppressed || cell.withheld);
}

/** A row's, column's or measure's name: the label from the data, else the translated key. */
export function kpiLabel(t: TFunction, kind: 'rows' | 'columns' | 'measures' | 'tables' | 'assumptions', key: string, label?: string): string {
  return label ?? t(`kpi.${kind}.${key}`, { defaultValue: key });
}
