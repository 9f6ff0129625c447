import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { KpiTable } from '../../../../shared/kpi.ts';
import { chartData, clip } from './chart-series.ts';

/** A stand-in translator: returns the key, so the test reads what would be translated. */
const t = ((key: string, options?: { defaultValue?: string; value?: string }) => options?.value ?? key) as unknown as TFunction;

const table: KpiTable = {
  key: 'per_municipality',
  chart: 'bar',
  columns: [
    { key: 'quota', unit: 'number' },
    { key: 'active_end', unit: 'count' },
    { key: 'quota_realised', unit: 'percentage' },
    { key: 'waiting', unit: 'count' },
  ],
  rows: [
    { key: 'm1', label: 'Utrecht', cells: [{ value: 10 }, { value: 12 }, { value: 120 }, { value: null, suppressed: true }] },
    { key: 'total', cells: [{ value: 10 }, { value: 12 }, { value: 120 }, { value: 3 }] },
  ],
};

describe('chart data from a KPI table', () => {
  it('draws the counts, leaves the share and the total row to the table, and writes "<5" for a suppressed count', () => {
    const data = chartData(table, t, 'nl')!;
    expect(data.unit).toBe('count');
    expect(data.series.map((s) => s.key)).toEqual(['active_end', 'waiting']);
    expect(data.categories).toEqual([{ key: 'm1', label: 'Utrecht' }]);
    expect(data.series[1]!.points).toEqual([{ value: null, text: '<5' }]);
    expect(data.series[0]!.points[0]!.text).toBe('12');
  });

  it('draws nothing for a table without rows', () => {
    expect(chartData({ ...table, rows: [] }, t, 'nl')).toBeNull();
  });

  it('shortens long labels with an ellipsis', () => {
    expect(clip('Stichting Werk en Meedoen Utrecht', 10)).toBe('Stichting…');
    expect(clip('Kort', 10)).toBe('Kort');
  });
});

describe('chart data keeps every column a matrix needs', () => {
  it('draws all six to-steps of a matrix but at most four bar series', () => {
    const columns = [1, 2, 3, 4, 5, 6].map((n) => ({ key: `to_step_${n}`, unit: 'count' as const }));
    const rows = [{ key: 'from_step_1', cells: columns.map(() => ({ value: 1 })) }];
    expect(chartData({ key: 'step_matrix', chart: 'matrix', columns, rows }, t, 'nl')!.series).toHaveLength(6);
    expect(chartData({ key: 'step_matrix', chart: 'bar', columns, rows }, t, 'nl')!.series).toHaveLength(4);
  });
});
