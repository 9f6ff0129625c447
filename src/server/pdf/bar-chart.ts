import { colourOf, legend, maxValue, niceScale, type CategoryChartData } from './chart-parts.ts';
import type { Drawing, Shape } from './pdf-drawing.ts';

const WIDTH = 480;
const LABEL_WIDTH = 150;
const PLOT_LEFT = LABEL_WIDTH + 10;
const PLOT_WIDTH = 270;
const AXIS_HEIGHT = 22;

/** A label cut to what fits beside the bars (the table beside the chart has it whole). */
export function shortLabel(text: string, max = 30): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** A category label on at most two lines of `max` characters, broken between words. */
export function labelLines(text: string, max = 32): string[] {
  if (text.length <= max) return [text];
  const words = text.split(' ');
  let first = '';
  while (words.length > 0 && `${first} ${words[0]}`.trim().length <= max) first = `${first} ${words.shift()}`.trim();
  if (!first) return [shortLabel(text, max)];
  return [first, shortLabel(words.join(' '), max)];
}

/** The label shapes of one category, right-aligned beside the bars and centred on `y`. */
function categoryLabel(text: string, y: number): Shape[] {
  const lines = labelLines(text);
  return lines.map((line, i): Shape => ({ kind: 'text', at: [LABEL_WIDTH, y + (i - (lines.length - 1) / 2) * 10], text: line, size: 8.5, align: 'right', width: LABEL_WIDTH }));
}

/** Vertical gridlines with their values under the plot. */
function axis(top: number, bottom: number, scale: { max: number; step: number }, format: (v: number) => string): Shape[] {
  const shapes: Shape[] = [];
  for (let v = 0; v <= scale.max + scale.step / 2; v += scale.step) {
    const x = PLOT_LEFT + (v / scale.max) * PLOT_WIDTH;
    shapes.push({ kind: 'line', from: [x, top], to: [x, bottom], stroke: { color: v === 0 ? '#000000' : '#c8c8c8', width: v === 0 ? 0.8 : 0.5 } });
    shapes.push({ kind: 'text', at: [x, bottom + 9], text: format(v), size: 7.5, align: 'center', width: 50, color: '#333333' });
  }
  return shapes;
}

/**
 * Horizontal bars: one group per category (table row), one bar per series (table column), the
 * value written at the end of each bar, so the chart reads without the colours. `format` writes
 * the axis values in the figure's unit.
 */
export function barChart(data: CategoryChartData, format: (v: number) => string): Drawing {
  const seriesCount = Math.max(1, data.series.length);
  const barHeight = seriesCount === 1 ? 16 : 11;
  const groupHeight = seriesCount * barHeight + 10;
  const key = seriesCount > 1 ? legend(data.series, PLOT_LEFT - 150, 0, WIDTH - 10, 'box') : { shapes: [], height: 0 };
  const top = key.height + 6;
  const bottom = top + data.categories.length * groupHeight;
  const scale = niceScale(maxValue(data.series));
  const shapes: Shape[] = [...key.shapes, ...axis(top, bottom, scale, format)];
  data.categories.forEach((category, c) => {
    const groupTop = top + c * groupHeight + 5;
    shapes.push(...categoryLabel(category, groupTop + (seriesCount * barHeight) / 2));
    data.series.forEach((series, s) => {
      const cell = series.values[c];
      const y = groupTop + s * barHeight;
      const length = cell?.value ? (Math.max(0, cell.value) / scale.max) * PLOT_WIDTH : 0;
      if (length > 0) shapes.push({ kind: 'rect', at: [PLOT_LEFT, y + 1], width: length, height: barHeight - 2, fill: colourOf(s), stroke: { color: '#000000', width: 0.4 } });
      if (cell) shapes.push({ kind: 'text', at: [PLOT_LEFT + length + 4, y + barHeight / 2], text: cell.text, size: 7.5, width: 60 });
    });
  });
  return { width: WIDTH, height: bottom + AXIS_HEIGHT, shapes };
}

/**
 * Stacked horizontal bars: one bar per category, a segment per series, the segment's value
 * written inside it when it fits and the total at the end.
 */
export function stackedBarChart(data: CategoryChartData, format: (v: number) => string): Drawing {
  const barHeight = 18;
  const rowHeight = barHeight + 8;
  const key = legend(data.series, PLOT_LEFT - 150, 0, WIDTH - 10, 'box');
  const top = key.height + 6;
  const bottom = top + data.categories.length * rowHeight;
  const scale = niceScale(maxValue(data.series, true));
  const shapes: Shape[] = [...key.shapes, ...axis(top, bottom, scale, format)];
  data.categories.forEach((category, c) => {
    const y = top + c * rowHeight + 4;
    shapes.push(...categoryLabel(category, y + barHeight / 2));
    let x = PLOT_LEFT;
    let total = 0;
    let hidden = false;
    data.series.forEach((series, s) => {
      const cell = series.values[c];
      const value = Math.max(0, cell?.value ?? 0);
      total += value;
      if (cell?.value === null && cell.text !== '–') hidden = true;
      const length = (value / scale.max) * PLOT_WIDTH;
      if (length <= 0) return;
      shapes.push({ kind: 'rect', at: [x, y], width: length, height: barHeight, fill: colourOf(s), stroke: { color: '#ffffff', width: 0.8 } });
      if (cell && length >= 22) shapes.push({ kind: 'text', at: [x + length / 2, y + barHeight / 2], text: cell.text, size: 7.5, align: 'center', width: length, color: '#ffffff', bold: true });
      x += length;
    });
    // A segment shown as "<5" is not in the bar; the total says so rather than understate.
    const totalText = hidden ? (total > 0 ? `${format(total)} en <5` : '<5') : format(total);
    shapes.push({ kind: 'text', at: [x + 4, y + barHeight / 2], text: totalText, size: 7.5, width: 70, bold: true });
  });
  return { width: WIDTH, height: bottom + AXIS_HEIGHT, shapes };
}
