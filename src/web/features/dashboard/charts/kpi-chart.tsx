import { useTranslation } from 'react-i18next';
import type { KpiTable } from '../../../../shared/kpi.ts';
import { BarChart } from './bar-chart.tsx';
import { chartData } from './chart-series.ts';
import { LineChart } from './line-chart.tsx';
import { MatrixChart } from './matrix-chart.tsx';
import { StackedBarChart } from './stacked-bar-chart.tsx';

/**
 * The chart a table asks for (its `chart` hint), or nothing for 'none' or an empty table. The
 * text alternative names the kind of chart and the table; the table beside it has the numbers.
 */
export function KpiChart({ table, title }: { table: KpiTable; title: string }) {
  const { t, i18n } = useTranslation();
  if (table.chart === 'none') return null;
  const data = chartData(table, t, i18n.language);
  if (!data) return null;
  const label = t('dashboard.chart.label', { kind: t(`dashboard.chart.kinds.${table.chart}`), title });
  switch (table.chart) {
    case 'bar':
      return <BarChart data={data} label={label} />;
    case 'stacked_bar':
      return <StackedBarChart data={data} label={label} />;
    case 'line':
      return <LineChart data={data} label={label} />;
    case 'matrix':
      return <MatrixChart data={data} label={label} rowTitle={t('dashboard.chart.from')} columnTitle={t('dashboard.chart.to')} />;
  }
}
