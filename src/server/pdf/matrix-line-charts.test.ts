import { describe, expect, it } from 'vitest';
import { lineChart } from './matrix-line-charts.ts';

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const cell = (value: number | null) => ({ value, text: value === null ? '<5' : String(value) });

describe('the PDF line chart', () => {
  const drawing = lineChart(
    { categories: MONTHS, series: [{ label: 'Instroom', values: [5, null, null, 0, 0, 6, 7, null, 9, 10, 11, null].map(cell) }] },
    String,
  );

  it('breaks the line where a value is missing instead of drawing a slope across the gap', () => {
    const lines = drawing.shapes.filter((s) => s.kind === 'polyline');
    expect(lines.map((l) => (l.kind === 'polyline' ? l.points.length : 0))).toEqual([4, 3]);
    // One marker per value shown; the lone January value is a marker without a line.
    expect(drawing.shapes.filter((s) => s.kind === 'circle')).toHaveLength(8);
  });

  it('labels at most six months along the axis, so the names do not run together', () => {
    const labels = drawing.shapes.flatMap((s) => (s.kind === 'text' && MONTHS.includes(s.text) ? [s.text] : []));
    expect(labels).toEqual(['januari', 'maart', 'mei', 'juli', 'september', 'november']);
  });
});
