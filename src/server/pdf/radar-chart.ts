import type { Drawing, Point, Shape } from './pdf-drawing.ts';

/** One web on the chart: filled (the current state) or an outline (an earlier state to compare). */
export type RadarSeries = { label: string; values: readonly number[]; style: 'filled' | 'outline' };

export type RadarChartOptions = {
  axes: readonly string[];
  min: number;
  max: number;
  /** The values at which a ring is drawn and labelled. */
  rings: readonly number[];
  series: readonly RadarSeries[];
  /** Per axis, a short mark after its label (e.g. "(2 x praten)"), so a flag is text, not colour. */
  axisNotes?: readonly (string | undefined)[];
};

const SIZE = { width: 480, height: 400 };
const CENTRE: Point = [240, 190];
const RADIUS = 130;
const FILL = '#1f5fa8';

/** The point at `value` on axis `i` of `n`, the first axis pointing up, clockwise. */
function pointAt(i: number, n: number, value: number, min: number, max: number): Point {
  const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
  const r = ((value - min) / (max - min)) * RADIUS;
  return [CENTRE[0] + r * Math.cos(angle), CENTRE[1] + r * Math.sin(angle)];
}

/**
 * A spider web (radar) chart as a vector drawing: rings, axes with labels, the filled current
 * web and dashed outlines of earlier webs, with a legend that tells them apart by shape.
 */
export function radarChart(options: RadarChartOptions): Drawing {
  const n = options.axes.length;
  const { min, max } = options;
  const shapes: Shape[] = [];
  for (const ring of options.rings) {
    shapes.push({ kind: 'polygon', points: options.axes.map((_, i) => pointAt(i, n, ring, min, max)), stroke: { color: '#b5b5b5', width: 0.6 } });
    shapes.push({ kind: 'text', at: [CENTRE[0] + 3, CENTRE[1] - ((ring - min) / (max - min)) * RADIUS], text: String(ring), size: 7, color: '#4b4b4b', width: 20 });
  }
  options.axes.forEach((label, i) => {
    shapes.push({ kind: 'line', from: CENTRE, to: pointAt(i, n, max, min, max), stroke: { color: '#b5b5b5', width: 0.6 } });
    const [x, y] = pointAt(i, n, max + (max - min) * 0.16, min, max);
    const align = Math.abs(x - CENTRE[0]) < 8 ? 'center' : x < CENTRE[0] ? 'right' : 'left';
    const note = options.axisNotes?.[i];
    shapes.push({ kind: 'text', at: [x, y], text: label, size: 9, bold: true, align, width: 110 });
    if (note) shapes.push({ kind: 'text', at: [x, y + 11], text: note, size: 8, align, width: 110 });
  });
  for (const series of options.series) {
    const points = series.values.map((v, i) => pointAt(i, n, v, min, max));
    if (series.style === 'filled') {
      shapes.push({ kind: 'polygon', points, fill: FILL, fillOpacity: 0.3, stroke: { color: FILL, width: 2 } });
      for (const p of points) shapes.push({ kind: 'circle', center: p, radius: 2.5, fill: FILL });
    } else {
      shapes.push({ kind: 'polygon', points, stroke: { color: '#000000', width: 1.5, dash: [5, 3] } });
    }
  }
  // Legend under the chart.
  let legendX = 60;
  const legendY = SIZE.height - 22;
  for (const series of options.series) {
    if (series.style === 'filled') {
      shapes.push({ kind: 'rect', at: [legendX, legendY - 6], width: 24, height: 12, fill: FILL, fillOpacity: 0.3, stroke: { color: FILL, width: 2 } });
    } else {
      shapes.push({ kind: 'line', from: [legendX, legendY], to: [legendX + 24, legendY], stroke: { color: '#000000', width: 1.5, dash: [5, 3] } });
    }
    shapes.push({ kind: 'text', at: [legendX + 30, legendY], text: series.label, size: 9, width: 170 });
    legendX += 210;
  }
  return { ...SIZE, shapes };
}
