import { BAR_CHART_WIDTH, CATEGORY_LABEL_H, CategoryLabel, ChartFrame, fillLegend, GROUP_GAP, useChartId } from './chart-frame.tsx';
import { seriesFill } from './chart-patterns.tsx';
import { maxValue, type ChartData } from './chart-series.ts';

const BAR_H = 16;
const BAR_GAP = 4;
/** Room at the right for the number written after the longest bar. */
const VALUE_ROOM = 72;

/**
 * Horizontal bars, one group per row and one bar per series. The row's name sits on its own line
 * above its bars and every bar has its number written after it, so the chart reads at 375 px
 * and without telling colours apart; a suppressed cell shows "<5" where its bar would be.
 */
export function BarChart({ data, label }: { data: ChartData; label: string }) {
  const prefix = useChartId();
  const max = maxValue(data.series.flatMap((s) => s.points.map((p) => p.value)));
  const plotW = BAR_CHART_WIDTH - VALUE_ROOM;
  const groupH = CATEGORY_LABEL_H + data.series.length * (BAR_H + BAR_GAP) + GROUP_GAP;
  const height = data.categories.length * groupH;
  return (
    <ChartFrame prefix={prefix} width={BAR_CHART_WIDTH} height={height} label={label} kind="bar" legend={fillLegend(prefix, data.series.map((s) => s.label))}>
      <line x1={0.5} x2={0.5} y1={0} y2={height} className="meedoen-chart__grid" />
      {data.categories.map((category, r) => {
        const top = r * groupH;
        return (
          <g key={`${category.key}-${r}`}>
            <CategoryLabel top={top} label={category.label} />
            {data.series.map((series, s) => {
              const point = series.points[r]!;
              const y = top + CATEGORY_LABEL_H + s * (BAR_H + BAR_GAP);
              const w = point.value === null ? 0 : Math.max(point.value > 0 ? 2 : 0, (Math.max(0, point.value) / max) * plotW);
              return (
                <g key={series.key}>
                  {w > 0 ? <rect x={1} y={y} width={w} height={BAR_H} fill={seriesFill(prefix, s)} className="meedoen-kpi-chart__bar" /> : null}
                  <text x={w + 6} y={y + BAR_H - 3} className="meedoen-chart__text meedoen-kpi-chart__value">
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
