import { BAR_CHART_WIDTH, CATEGORY_LABEL_H, CategoryLabel, ChartFrame, fillLegend, GROUP_GAP, useChartId } from './chart-frame.tsx';
import { seriesFill } from './chart-patterns.tsx';
import { maxValue, type ChartData } from './chart-series.ts';

const BAR_H = 26;
/** A segment narrower than this has no room for its number (the table has it). */
const MIN_LABELLED = 26;

/**
 * One horizontal bar per row, its parts (the series) stacked in patterned segments with their
 * numbers inside where they fit: how a whole splits up. No total is written: the parts of a
 * generic table need not add up to anything (the table beside it has the totals).
 */
export function StackedBarChart({ data, label }: { data: ChartData; label: string }) {
  const prefix = useChartId();
  const totals = data.categories.map((_, r) => data.series.reduce((sum, s) => sum + Math.max(0, s.points[r]!.value ?? 0), 0));
  const max = maxValue(totals);
  const plotW = BAR_CHART_WIDTH - 2;
  const groupH = CATEGORY_LABEL_H + BAR_H + GROUP_GAP;
  const height = data.categories.length * groupH;
  return (
    <ChartFrame prefix={prefix} width={BAR_CHART_WIDTH} height={height} label={label} kind="stacked_bar" legend={fillLegend(prefix, data.series.map((s) => s.label))}>
      <line x1={0.5} x2={0.5} y1={0} y2={height} className="meedoen-chart__grid" />
      {data.categories.map((category, r) => {
        const top = r * groupH;
        const y = top + CATEGORY_LABEL_H;
        let x = 1;
        // A row with nothing to draw still says what it holds ("0", "<5").
        const empty = data.series.every((series) => (series.points[r]!.value ?? 0) <= 0);
        return (
          <g key={`${category.key}-${r}`}>
            <CategoryLabel top={top} label={category.label} />
            {empty ? (
              <text x={6} y={y + BAR_H / 2 + 5} className="meedoen-chart__text meedoen-kpi-chart__value">
                {[...new Set(data.series.map((series) => series.points[r]!.text))].join(' / ')}
              </text>
            ) : null}
            {data.series.map((series, s) => {
              const point = series.points[r]!;
              const w = ((Math.max(0, point.value ?? 0)) / max) * plotW;
              const at = x;
              x += w;
              if (w <= 0) return null;
              return (
                <g key={series.key}>
                  <rect x={at} y={y} width={w} height={BAR_H} fill={seriesFill(prefix, s)} className="meedoen-kpi-chart__bar meedoen-kpi-chart__segment" />
                  {w >= MIN_LABELLED ? (
                    <text x={at + w / 2} y={y + BAR_H / 2 + 5} textAnchor="middle" className="meedoen-kpi-chart__inside">
                      {point.text}
                    </text>
                  ) : null}
                </g>
              );
            })}
          </g>
        );
      })}
    </ChartFrame>
  );
}
