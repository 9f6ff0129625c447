import { shortLabel } from './bar-chart.ts';
import { colourOf, legend, maxValue, niceScale, SERIES_DASHES, type CategoryChartData } from './chart-parts.ts';
import type { Drawing, Point, Shape } from './pdf-drawing.ts';

const WIDTH = 480;

/** A blue from very light (0) to dark (the largest value), for the matrix's cells. */
function shade(fraction: number): string {
  const light = [234, 241, 250];
  const dark = [20, 70, 140];
  const mix = (i: number) => Math.round(light[i]! + (dark[i]! - light[i]!) * Math.min(1, Math.max(0, fraction)));
  return `#${[0, 1, 2].map((i) => mix(i).toString(16).padStart(2, '0')).join('')}`;
}

/**
 * A matrix (e.g. ladder step at the start × step at the end): a grid of cells shaded by value,
 * every cell carrying its number, dark cells with white text. Rows are the categories, columns
 * the series, exactly as in the table beside it.
 */
export function matrixChart(data: CategoryChartData): Drawing {
  const labelWidth = 130;
  const columns = Math.max(1, data.series.length);
  const cellWidth = Math.min(60, (WIDTH - labelWidth - 10) / columns);
  const cellHeight = 22;
  const headerHeight = 30;
  const max = maxValue(data.series);
  const shapes: Shape[] = [];
  data.series.forEach((series, s) => {
    shapes.push({ kind: 'text', at: [labelWidth + s * cellWidth + cellWidth / 2, headerHeight / 2], text: shortLabel(series.label, 14), size: 8, bold: true, align: 'center', width: cellWidth });
  });
  data.categories.forEach((category, c) => {
    const y = headerHeight + c * cellHeight;
    shapes.push({ kind: 'text', at: [labelWidth - 6, y + cellHeight / 2], text: shortLabel(category, 26), size: 8, bold: true, align: 'right', width: labelWidth - 6 });
    data.series.forEach((series, s) => {
      const cell = series.values[c];
      const fraction = max > 0 && cell?.value ? cell.value / max : 0;
      shapes.push({ kind: 'rect', at: [labelWidth + s * cellWidth, y], width: cellWidth, height: cellHeight, fill: shade(fraction), stroke: { color: '#ffffff', width: 1 } });
      if (cell) shapes.push({ kind: 'text', at: [labelWidth + s * cellWidth + cellWidth / 2, y + cellHeight / 2], text: cell.text, size: 8, align: 'center', width: cellWidth, color: fraction > 0.5 ? '#ffffff' : '#000000', bold: fraction > 0.5 });
    });
  });
  return { width: WIDTH, height: headerHeight + data.categories.length * cellHeight + 6, shapes };
}

/**
 * Lines over the categories (e.g. months), one per series, each with its own dash pattern and
 * markers, the last value written at the end of the line.
 */
export function lineChart(data: CategoryChartData, format: (v: number) => string): Drawing {
  const left = 50;
  const right = WIDTH - 60;
  const key = data.series.length > 1 ? legend(data.series, left, 0, right - left, 'line') : { shapes: [], height: 0 };
  const top = key.height + 10;
  const bottom = top + 180;
  const scale = niceScale(maxValue(data.series));
  const shapes: Shape[] = [...key.shapes];
  for (let v = 0; v <= scale.max + scale.step / 2; v += scale.step) {
    const y = bottom - (v / scale.max) * (bottom - top);
    shapes.push({ kind: 'line', from: [left, y], to: [right, y], stroke: { color: v === 0 ? '#000000' : '#c8c8c8', width: v === 0 ? 0.8 : 0.5 } });
    shapes.push({ kind: 'text', at: [left - 4, y], text: format(v), size: 7.5, align: 'right', width: 46, color: '#333333' });
  }
  const n = data.categories.length;
  const xOf = (i: number) => (n <= 1 ? (left + right) / 2 : left + 8 + (i / (n - 1)) * (right - left - 16));
  // At most six labels: twelve month names ran into each other ("augustusseptember"); the table
  // under the chart has every month.
  const every = Math.max(1, Math.ceil(n / 6));
  data.categories.forEach((category, i) => {
    if (i % every === 0) shapes.push({ kind: 'text', at: [xOf(i), bottom + 10], text: shortLabel(category, 12), size: 7.5, align: 'center', width: 60 });
  });
  data.series.forEach((series, s) => {
    // A missing value (suppressed, or a month still to come) breaks the line: a slope across the
    // gap would draw numbers that are not there.
    const runs: Point[][] = [[]];
    series.values.forEach((cell, i) => {
      if (cell.value === null) {
        runs.push([]);
        return;
      }
      const point: Point = [xOf(i), bottom - (Math.max(0, cell.value) / scale.max) * (bottom - top)];
      runs.at(-1)!.push(point);
      shapes.push({ kind: 'circle', center: point, radius: 2.2, fill: colourOf(s) });
    });
    for (const run of runs) {
      if (run.length > 1) shapes.push({ kind: 'polyline', points: run, stroke: { color: colourOf(s), width: 1.8, dash: SERIES_DASHES[s % SERIES_DASHES.length] } });
    }
    const last = [...series.values].reverse().find((v) => v.value !== null);
    const end = runs.flat().at(-1);
    if (last && end) shapes.push({ kind: 'text', at: [end[0] + 5, end[1]], text: last.text, size: 7.5, width: 50 });
  });
  return { width: WIDTH, height: bottom + 22, shapes };
}
