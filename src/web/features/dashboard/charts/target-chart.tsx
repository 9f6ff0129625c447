import { ChartFrame, useChartId } from './chart-frame.tsx';
import { seriesFill } from './chart-patterns.tsx';
import { clip } from './chart-series.ts';

/** One agreement as drawn: its name, the figure (null when not shown), the target, and their texts. */
export type TargetBar = { key: string; label: string; value: number | null; valueText: string; target: number; targetText: string; met: boolean | null };

const WIDTH = 400;
const LABEL_H = 20;
const BAR_H = 18;
const TEXT_LINE = 16;
/** Label, bar, then the figure and the target each on a line of their own (on one line they ran into each other: "55,6%oel 5%"). */
const GROUP_H = LABEL_H + BAR_H + 2 * TEXT_LINE + 14;
const RIGHT = 16;

/**
 * KPI against target: per agreement a bar for the figure and a thick upright line with a
 * "doel" label for the target, each on its own scale (an agreement's own 0 to the larger of
 * figure and target). The figure and the target are written as text, each on its own line (the
 * target's beside its line, turned left of it in the right half), so nothing rests on length or
 * colour alone and the two never overlap; the table beside it says whether it is met.
 */
export function TargetChart({ bars, label, targetWord }: { bars: TargetBar[]; label: string; targetWord: string }) {
  const prefix = useChartId();
  const plotW = WIDTH - RIGHT - 2;
  const height = bars.length * GROUP_H;
  return (
    <ChartFrame prefix={prefix} width={WIDTH} height={height} label={label} kind="target">
      {bars.map((bar, i) => {
        const top = i * GROUP_H;
        const y = top + LABEL_H;
        const max = Math.max(bar.target, bar.value ?? 0, 1) * 1.1;
        const w = bar.value === null ? 0 : (Math.max(0, bar.value) / max) * plotW;
        const tx = 1 + (bar.target / max) * plotW;
        return (
          <g key={bar.key} data-met={bar.met === null ? 'unknown' : String(bar.met)}>
            <text x={2} y={top + 14} className="meedoen-chart__text meedoen-kpi-chart__category">
              {clip(bar.label, 46)}
            </text>
            <rect x={1} y={y} width={plotW} height={BAR_H} className="meedoen-kpi-chart__track" />
            {w > 0 ? <rect x={1} y={y} width={w} height={BAR_H} fill={seriesFill(prefix, bar.met === false ? 1 : 0)} className="meedoen-kpi-chart__bar" /> : null}
            <line x1={tx} x2={tx} y1={y - 4} y2={y + BAR_H + 4} className="meedoen-kpi-chart__target" />
            <text x={2} y={y + BAR_H + TEXT_LINE} className="meedoen-chart__text">
              {bar.valueText}
            </text>
            <text
              x={tx < WIDTH / 2 ? Math.max(tx, 2) : Math.min(tx, WIDTH - 4)}
              y={y + BAR_H + 2 * TEXT_LINE}
              textAnchor={tx < WIDTH / 2 ? 'start' : 'end'}
              className="meedoen-chart__text meedoen-kpi-chart__target-text"
            >
              {`${targetWord} ${bar.targetText}`}
            </text>
          </g>
        );
      })}
    </ChartFrame>
  );
}
