import { ChartFrame, useChartId } from './chart-frame.tsx';
import { clip, maxValue, type ChartData } from './chart-series.ts';

const WIDTH = 400;
const ROW_HEAD = 92;
const COL_HEAD = 44;
const CELL_H = 36;

/** A header that does not fit keeps its closing number ("Naar trede 3" → "3"; the axis title says "naar"). */
function shortLabel(label: string, max: number): string {
  if (label.length <= max) return label;
  return /(\d+)$/.exec(label)?.[1] ?? clip(label, max);
}

/**
 * A heat map for a from × to table (the ladder's from-step × to-step matrix): rows are where a
 * client started, columns where they ended. Darker means more, and every cell has its number
 * written in it (on a light halo), so the shade is never the only way to read it; cells on the
 * diagonal (no change) have a thick border. Suppressed cells are hatched and read "<5".
 */
export function MatrixChart({ data, label, rowTitle, columnTitle }: { data: ChartData; label: string; rowTitle: string; columnTitle: string }) {
  const prefix = useChartId();
  const max = maxValue(data.series.flatMap((s) => s.points.map((p) => p.value)));
  const cols = data.series.length;
  const cellW = (WIDTH - ROW_HEAD) / Math.max(1, cols);
  const height = COL_HEAD + data.categories.length * CELL_H + 4;
  return (
    <ChartFrame prefix={prefix} width={WIDTH} height={height} label={label} kind="matrix">
      <text x={ROW_HEAD + (WIDTH - ROW_HEAD) / 2} y={14} textAnchor="middle" className="meedoen-chart__text meedoen-kpi-chart__axis-title">
        {clip(columnTitle, 40)}
      </text>
      <text x={4} y={COL_HEAD - 8} className="meedoen-chart__text meedoen-kpi-chart__axis-title">
        {clip(rowTitle, 12)}
      </text>
      {data.series.map((series, c) => (
        <text key={series.key} x={ROW_HEAD + c * cellW + cellW / 2} y={COL_HEAD - 8} textAnchor="middle" className="meedoen-chart__text">
          {shortLabel(series.label, Math.max(3, Math.floor(cellW / 9)))}
        </text>
      ))}
      {data.categories.map((category, r) => {
        const y = COL_HEAD + r * CELL_H;
        return (
          <g key={`${category.key}-${r}`}>
            <text x={4} y={y + CELL_H / 2 + 5} className="meedoen-chart__text">
              {shortLabel(category.label, 11)}
            </text>
            {data.series.map((series, c) => {
              const point = series.points[r]!;
              const x = ROW_HEAD + c * cellW;
              const share = point.value === null ? 0 : Math.max(0, point.value) / max;
              return (
                <g key={series.key}>
                  <rect
                    x={x + 1}
                    y={y + 1}
                    width={cellW - 2}
                    height={CELL_H - 2}
                    className={`meedoen-kpi-chart__cell${r === c ? ' meedoen-kpi-chart__cell--diagonal' : ''}`}
                    fill={point.value === null ? `url(#${prefix}-p3)` : 'var(--meedoen-chart-fill, #1f5fa8)'}
                    fillOpacity={point.value === null ? 0.6 : 0.08 + 0.92 * share}
                  />
                  <text x={x + cellW / 2} y={y + CELL_H / 2 + 5} textAnchor="middle" className="meedoen-kpi-chart__cell-text">
                    {point.text}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </ChartFrame>
  );
}
