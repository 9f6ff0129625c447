import type { Shape } from './pdf-drawing.ts';

/** A value to draw and the text that reads it ("83,3%", "<5", "–"); null draws nothing. */
export type ChartValue = { value: number | null; text: string };

/** One series (a table column) over the categories (the table rows). */
export type ChartSeries = { label: string; values: readonly ChartValue[] };

/** What bar, stacked-bar and line charts take: categories and series, like a table. */
export type CategoryChartData = { categories: readonly string[]; series: readonly ChartSeries[] };

/**
 * Series colours that stay apart in print and for colour-blind readers (blue, orange, green,
 * purple, red, grey, then four more for wide tables), used with value labels, outlines and dash
 * patterns so colour is never the only cue.
 */
export const SERIES_COLOURS = ['#1f5fa8', '#e07b00', '#2e8540', '#7a3e9d', '#b03a2e', '#5a5a5a', '#00838f', '#c2185b', '#8d6e00', '#0b2f66'] as const;
export const SERIES_DASHES: readonly (readonly [number, number] | undefined)[] = [undefined, [6, 3], [2, 2], [8, 3], [4, 4], [1, 3], [10, 2], [3, 6], [6, 2], [2, 5]];

export const colourOf = (i: number) => SERIES_COLOURS[i % SERIES_COLOURS.length]!;

/** A round upper bound and tick step for an axis from 0 to at least `max`. */
export function niceScale(max: number, ticks = 5): { max: number; step: number } {
  if (!(max > 0)) return { max: 1, step: 0.2 };
  const rough = max / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 5, 10].find((m) => m * magnitude >= rough) ?? 10) * magnitude;
  return { max: Math.ceil(max / step) * step, step };
}

/** The largest value drawn, for the axis. */
export function maxValue(series: readonly ChartSeries[], stacked = false): number {
  if (stacked) {
    const n = Math.max(0, ...series.map((s) => s.values.length));
    return Math.max(0, ...Array.from({ length: n }, (_, i) => series.reduce((sum, s) => sum + Math.max(0, s.values[i]?.value ?? 0), 0)));
  }
  return Math.max(0, ...series.flatMap((s) => s.values.map((v) => v.value ?? 0)));
}

/** A legend in rows at `top`: a swatch (filled box or dashed line) and the series label. */
export function legend(series: readonly ChartSeries[], left: number, top: number, width: number, kind: 'box' | 'line'): { shapes: Shape[]; height: number } {
  const shapes: Shape[] = [];
  const itemWidth = Math.max(110, Math.min(200, width / Math.max(1, Math.min(series.length, 4))));
  const perRow = Math.max(1, Math.floor(width / itemWidth));
  series.forEach((s, i) => {
    const x = left + (i % perRow) * itemWidth;
    const y = top + Math.floor(i / perRow) * 16 + 6;
    if (kind === 'box') shapes.push({ kind: 'rect', at: [x, y - 5], width: 14, height: 10, fill: colourOf(i), stroke: { color: '#000000', width: 0.5 } });
    else shapes.push({ kind: 'line', from: [x, y], to: [x + 18, y], stroke: { color: colourOf(i), width: 2, dash: SERIES_DASHES[i % SERIES_DASHES.length] } });
    shapes.push({ kind: 'text', at: [x + 22, y], text: s.label, size: 8.5, width: itemWidth - 26 });
  });
  return { shapes, height: Math.ceil(series.length / perRow) * 16 + 4 };
}
