/**
 * The dashboard charts rendered to markup: one image with a text alternative, numbers written on
 * the picture (so nothing rests on colour or length), "<5" where a count is suppressed, and the
 * shapes each kind promises (a diagonal in the matrix, a gap in a line).
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BarChart } from './bar-chart.tsx';
import type { ChartData } from './chart-series.ts';
import { LineChart } from './line-chart.tsx';
import { MatrixChart } from './matrix-chart.tsx';
import { StackedBarChart } from './stacked-bar-chart.tsx';
import { TargetChart } from './target-chart.tsx';

const format = (v: number) => String(Math.round(v));
const point = (value: number | null, text = value === null ? '<5' : String(value)) => ({ value, text });

const twoSeries: ChartData = {
  unit: 'count',
  format,
  categories: [
    { key: 'a', label: 'Lingestad' },
    { key: 'b', label: 'Waalkant' },
  ],
  series: [
    { key: 'active_end', label: 'Actief', points: [point(12), point(null)] },
    { key: 'new_in_period', label: 'Nieuw', points: [point(6), point(0)] },
  ],
};

/** Texts inside <text> elements, in order. */
const texts = (html: string) => [...html.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&lt;/g, '<'));

describe('dashboard charts', () => {
  it('a bar chart is one labelled image with each number written after its bar, "<5" for a suppressed count, and a patterned legend', () => {
    const html = renderToStaticMarkup(<BarChart data={twoSeries} label="Staafdiagram: afspraakbanen" />);
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-label="Staafdiagram: afspraakbanen"');
    expect(texts(html)).toEqual(['Lingestad', '12', '6', 'Waalkant', '<5', '0']);
    // Two bars drawn (12 and 6); a suppressed or zero value draws none.
    expect(html.match(/class="meedoen-kpi-chart__bar"/g)).toHaveLength(2 + 2);
    expect(html).toContain('url(#');
    expect(html).toContain('Actief');
    expect(html).toContain('Nieuw');
  });

  it('a stacked bar writes its parts inside the segments and says what an empty row holds', () => {
    const html = renderToStaticMarkup(<StackedBarChart data={twoSeries} label="Gestapeld" />);
    expect(texts(html)).toEqual(['Lingestad', '12', '6', 'Waalkant', '<5 / 0']);
  });

  it('a matrix writes every cell, hatches a suppressed one and marks the diagonal', () => {
    const matrix: ChartData = {
      unit: 'count',
      format,
      categories: [
        { key: 'step_1', label: 'Trede 1' },
        { key: 'step_2', label: 'Trede 2' },
      ],
      series: [
        { key: 'step_1', label: 'Trede 1', points: [point(20), point(null)] },
        { key: 'step_2', label: 'Trede 2', points: [point(7), point(31)] },
      ],
    };
    const html = renderToStaticMarkup(<MatrixChart data={matrix} label="Kruistabel" rowTitle="Van" columnTitle="Naar" />);
    expect(texts(html)).toEqual(['Naar', 'Van', 'Trede 1', 'Trede 2', 'Trede 1', '20', '7', 'Trede 2', '<5', '31']);
    expect(html.match(/meedoen-kpi-chart__cell--diagonal/g)).toHaveLength(2);
    expect(html).toMatch(/fill="url\(#[^)]*-p3\)"/);
  });

  it('a line breaks where a value is missing instead of drawing a slope across the gap', () => {
    const months: ChartData = {
      unit: 'count',
      format,
      categories: ['01', '02', '03', '04', '05'].map((m) => ({ key: m, label: m })),
      series: [{ key: 'risers', label: 'Stijgers', points: [point(3), point(5), point(null), point(8), point(9)] }],
    };
    const html = renderToStaticMarkup(<LineChart data={months} label="Lijn" />);
    expect(html.match(/<polyline/g)).toHaveLength(2);
    expect(html.match(/meedoen-kpi-chart__marker/g)).toHaveLength(4);
  });

  it('a year of months gets four axis labels, far enough apart not to run together ("septembernovember")', () => {
    const names = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
    const year: ChartData = {
      unit: 'count',
      format,
      categories: names.map((label, i) => ({ key: `month_${i + 1}`, label })),
      series: [{ key: 'inflow', label: 'Instroom', points: names.map((_, i) => point(i + 5)) }],
    };
    const labels = texts(renderToStaticMarkup(<LineChart data={year} label="Per maand" />)).filter((t) => names.includes(t));
    expect(labels).toEqual(['januari', 'april', 'juli', 'oktober']);
  });

  it('a target chart writes the figure and the target of each agreement', () => {
    const html = renderToStaticMarkup(
      <TargetChart
        label="Doelen"
        targetWord="doel"
        bars={[
          { key: '1', label: 'Niet gezakt', value: 82, valueText: '82%', target: 75, targetText: '75%', met: true },
          { key: '2', label: 'Afspraakbanen', value: null, valueText: '–', target: 40, targetText: '40', met: null },
        ]}
      />,
    );
    expect(texts(html)).toEqual(['Niet gezakt', '82%', 'doel 75%', 'Afspraakbanen', '–', 'doel 40']);
    expect(html).toContain('data-met="true"');
    expect(html).toContain('data-met="unknown"');
  });

  it('a target chart puts the figure and the target on lines of their own (they ran together: "55,6%oel 5%")', () => {
    const html = renderToStaticMarkup(
      <TargetChart label="Doelen" targetWord="doel" bars={[{ key: '1', label: 'Quotum', value: 55.6, valueText: '55,6%', target: 5, targetText: '5%', met: true }]} />,
    );
    const y = (text: string) => Number(new RegExp(`<text[^>]* y="([\\d.]+)"[^>]*>${text}</text>`).exec(html)?.[1]);
    expect(y('doel 5%') - y('55,6%')).toBeGreaterThanOrEqual(14);
  });
});
