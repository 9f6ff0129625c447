/**
 * What every dashboard chart shares: a <figure> with one SVG image (role="img" and a short
 * label saying what it shows and that the table beside it holds the numbers), pattern fills,
 * and a legend in text. Ids are made safe for url(#…) references.
 */
import { useId, type ReactNode } from 'react';
import { ChartPatterns, LegendKey } from './chart-patterns.tsx';
import { clip } from './chart-series.ts';
import '../dashboard.css';

/** A unique id prefix usable inside url(#…). */
export function useChartId(): string {
  return `kc${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
}

type Props = {
  prefix: string;
  width: number;
  height: number;
  label: string;
  kind: string;
  /** The legend (a FillLegend or the line chart's own); shown under the picture. */
  legend?: ReactNode;
  children: ReactNode;
};

export function ChartFrame({ prefix, width, height, label, kind, legend, children }: Props) {
  return (
    <figure className="meedoen-chart meedoen-kpi-chart" data-chart={kind}>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} className="meedoen-kpi-chart__svg">
        <ChartPatterns prefix={prefix} />
        {children}
      </svg>
      {legend ? <figcaption className="meedoen-chart__legend">{legend}</figcaption> : null}
    </figure>
  );
}

/** The legend of patterned bars: a swatch per series; nothing when there is only one series. */
export function fillLegend(prefix: string, names: string[]): ReactNode {
  if (names.length < 2) return undefined;
  return names.map((name, i) => <LegendKey key={i} prefix={prefix} index={i} label={name} />);
}

/** The width of the bar charts' picture: narrow, so its text stays legible at 375 px. */
export const BAR_CHART_WIDTH = 400;
/** The line above each group of bars that carries the row's name. */
export const CATEGORY_LABEL_H = 20;
export const GROUP_GAP = 12;

/** A row's name on its own line above its bars (shortened; the table has it in full). */
export function CategoryLabel({ top, label }: { top: number; label: string }) {
  return (
    <text x={4} y={top + 14} className="meedoen-chart__text meedoen-kpi-chart__category">
      {clip(label, 46)}
    </text>
  );
}
