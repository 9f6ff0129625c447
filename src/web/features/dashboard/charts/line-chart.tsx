import { ChartFrame, useChartId } from './chart-frame.tsx';
import { clip, maxValue, type ChartData } from './chart-series.ts';

const WIDTH = 400;
const HEIGHT = 240;
const PAD = { left: 52, right: 16, top: 16, bottom: 40 };
/** Each series has its own dash and marker, so lines differ in shape, not only colour. */
const DASHES = ['', '8 4', '2 4', '12 4 2 4'];

function Marker({ kind, x, y }: { kind: number; x: number; y: number }) {
  switch (kind % 4) {
    case 0:
      return <circle cx={x} cy={y} r={4.5} className="meedoen-kpi-chart__marker" />;
    case 1:
      return <rect x={x - 4} y={y - 4} width={8} height={8} className="meedoen-kpi-chart__marker meedoen-kpi-chart__marker--open" />;
    case 2:
      return <path d={`M${x},${y - 5} l5,9 h-10 z`} className="meedoen-kpi-chart__marker" />;
    default:
      return <path d={`M${x},${y - 5} l5,5 l-5,5 l-5,-5 z`} className="meedoen-kpi-chart__marker meedoen-kpi-chart__marker--open" />;
  }
}

/**
 * A trend over time (rows are the points in time, e.g. months): one line per series, each with its
 * own dash and marker shape, and a zero-based scale with three grid lines. A gap (suppressed or
 * unknown) breaks the line; the table beside it has every number.
 */
export function LineChart({ data, label }: { data: ChartData; label: string }) {
  const prefix = useChartId();
  const max = maxValue(data.series.flatMap((s) => s.points.map((p) => p.value)));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const n = data.categories.length;
  const x = (i: number) => (n <= 1 ? PAD.left + plotW / 2 : PAD.left + (i / (n - 1)) * plotW);
  const y = (v: number) => PAD.top + plotH - (Math.max(0, v) / max) * plotH;
  // At most four labels along the axis: twelve month names ("september", "november") ran into
  // each other at six, and the forced last one collided with its neighbour. The table has them all.
  const every = Math.max(1, Math.ceil(n / 4));
  const ticks = [0, max / 2, max];
  return (
    <ChartFrame prefix={prefix} width={WIDTH} height={HEIGHT} label={label} kind="line" legend={
        data.series.length > 1
          ? data.series.map((series, s) => (
              <span key={series.key} className="meedoen-chart__key">
                <svg width="36" height="14" aria-hidden="true">
                  <line x1="0" x2="36" y1="7" y2="7" className="meedoen-kpi-chart__line" strokeDasharray={DASHES[s % DASHES.length]} />
                  <Marker kind={s} x={18} y={7} />
                </svg>
                {series.label}
              </span>
            ))
          : undefined
      }>
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} className="meedoen-chart__grid" />
          <text x={PAD.left - 6} y={y(tick) + 5} textAnchor="end" className="meedoen-chart__text">
            {data.format(tick)}
          </text>
        </g>
      ))}
      {data.categories.map((category, i) =>
        i % every === 0 ? (
          <text key={`${category.key}-${i}`} x={x(i)} y={HEIGHT - 14} textAnchor="middle" className="meedoen-chart__text">
            {clip(category.label, 9)}
          </text>
        ) : null,
      )}
      {data.series.map((series, s) => {
        // Split the line where a value is missing, so a gap is never drawn as a slope.
        const runs: Array<Array<[number, number]>> = [[]];
        series.points.forEach((p, i) => {
          if (p.value === null) runs.push([]);
          else runs[runs.length - 1]!.push([x(i), y(p.value)]);
        });
        return (
          <g key={series.key} className="meedoen-kpi-chart__series" data-series={series.key}>
            {runs
              .filter((run) => run.length > 1)
              .map((run, k) => (
                <polyline key={k} points={run.map(([px, py]) => `${px.toFixed(1)},${py.toFixed(1)}`).join(' ')} className="meedoen-kpi-chart__line" strokeDasharray={DASHES[s % DASHES.length]} />
              ))}
            {series.points.map((p, i) => (p.value === null ? null : <Marker key={i} kind={s} x={x(i)} y={y(p.value)} />))}
          </g>
        );
      })}
    </ChartFrame>
  );
}
