import './plan.css';

/** One axis of the web; `flagged` counts the topics to talk about, drawn as a numbered speech bubble. */
export type RadarAxis = { key: string; label: string; flagged?: number };

/** One web: `filled` is the current state, `outline` an earlier one (dashed, no fill). */
export type RadarSeries = { key: string; label: string; values: readonly number[]; style: 'filled' | 'outline' };

type Props = {
  axes: readonly RadarAxis[];
  series: readonly RadarSeries[];
  min: number;
  max: number;
  rings: readonly number[];
  /** The chart's text alternative; the table next to it holds the same figures. */
  label: string;
  /** Legend text for the speech bubble, shown when any axis is flagged. */
  flaggedLegend?: string;
  testId?: string;
};

const W = 640;
const H = 430;
const C = { x: 320, y: 225 };
const R = 150;
/** Roughly the width of one letter of an axis label, to keep room for it. */
const LETTER = 8.2;

function point(i: number, n: number, value: number, min: number, max: number): [number, number] {
  const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
  const r = ((Math.min(max, Math.max(min, value)) - min) / (max - min)) * R;
  return [C.x + r * Math.cos(angle), C.y + r * Math.sin(angle)];
}

const pts = (points: [number, number][]) => points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ');

/** A speech bubble with a number: the mark for "hier wil ik over praten", a shape and a figure, not a colour. */
function Bubble({ x, y, count }: { x: number; y: number; count: number }) {
  return (
    <g className="meedoen-radar__bubble" transform={`translate(${x.toFixed(1)} ${y.toFixed(1)})`}>
      <path d="M-11,-9 h22 a3,3 0 0 1 3,3 v10 a3,3 0 0 1 -3,3 h-12 l-6,6 v-6 h-4 a3,3 0 0 1 -3,-3 v-10 a3,3 0 0 1 3,-3 z" />
      <text x={0} y={3.5} textAnchor="middle">
        {count}
      </text>
    </g>
  );
}

/**
 * A spider web chart in SVG: rings with their values, one axis per dimension, the current web
 * filled with points on it, earlier webs as dashed outlines, and a numbered speech bubble where
 * the client wants to talk. One image with a text alternative; a table carries the figures.
 */
export function RadarChart({ axes, series, min, max, rings, label, flaggedLegend, testId }: Props) {
  const n = axes.length;
  const anyFlagged = axes.some((a) => (a.flagged ?? 0) > 0);
  // Widen the picture so long labels on the left and right are never cut off.
  let left = 0;
  let right = W;
  axes.forEach((axis, i) => {
    const [lx] = point(i, n, max + (max - min) * 0.13, min, max);
    const width = axis.label.length * LETTER + (axis.flagged ? 40 : 0);
    if (lx < C.x - 10) left = Math.min(left, lx - width - 8);
    else if (lx > C.x + 10) right = Math.max(right, lx + width + 8);
  });
  return (
    <figure className="meedoen-chart meedoen-radar">
      <svg viewBox={`${left.toFixed(0)} 0 ${(right - left).toFixed(0)} ${H}`} role="img" aria-label={label} className="meedoen-radar__svg" data-testid={testId}>
        {rings.map((ring) => (
          <g key={ring}>
            <polygon points={pts(axes.map((_, i) => point(i, n, ring, min, max)))} className="meedoen-chart__grid meedoen-radar__ring" />
            <text x={C.x + 5} y={point(0, n, ring, min, max)[1] + 13} className="meedoen-radar__ring-label">
              {ring}
            </text>
          </g>
        ))}
        {axes.map((axis, i) => {
          const [x2, y2] = point(i, n, max, min, max);
          const [lx, ly] = point(i, n, max + (max - min) * 0.13, min, max);
          const anchor = Math.abs(lx - C.x) < 10 ? 'middle' : lx < C.x ? 'end' : 'start';
          const below = ly > C.y + 10;
          const labelY = below ? ly + 14 : ly;
          const width = axis.label.length * LETTER;
          const bubbleX = anchor === 'middle' ? lx + width / 2 + 18 : anchor === 'end' ? lx - width - 18 : lx + width + 18;
          return (
            <g key={axis.key}>
              <line x1={C.x} y1={C.y} x2={x2} y2={y2} className="meedoen-chart__grid" />
              <text x={lx} y={labelY} textAnchor={anchor} className="meedoen-radar__axis-label">
                {axis.label}
              </text>
              {axis.flagged ? <Bubble x={bubbleX} y={labelY - 5} count={axis.flagged} /> : null}
            </g>
          );
        })}
        {series.map((s) => {
          const points = s.values.map((v, i) => point(i, n, v, min, max));
          return (
            <g key={s.key} className={s.style === 'filled' ? 'meedoen-radar__web' : 'meedoen-radar__earlier'} data-series={s.key}>
              <polygon points={pts(points)} />
              {s.style === 'filled' ? points.map(([x, y], i) => <circle key={axes[i]!.key} cx={x} cy={y} r={4.5} />) : points.map(([x, y], i) => <rect key={axes[i]!.key} x={x - 4} y={y - 4} width={8} height={8} />)}
            </g>
          );
        })}
      </svg>
      <figcaption className="meedoen-chart__legend">
        {series.map((s) => (
          <span key={s.key} className="meedoen-chart__key">
            <svg width="36" height="16" aria-hidden="true">
              {s.style === 'filled' ? (
                <g className="meedoen-radar__web">
                  <rect x="2" y="2" width="32" height="12" />
                </g>
              ) : (
                <g className="meedoen-radar__earlier">
                  <line x1="0" x2="36" y1="8" y2="8" />
                  <rect x="14" y="4" width="8" height="8" />
                </g>
              )}
            </svg>
            {s.label}
          </span>
        ))}
        {anyFlagged && flaggedLegend ? (
          <span className="meedoen-chart__key">
            <svg width="36" height="24" viewBox="-18 -12 36 24" aria-hidden="true">
              <Bubble x={0} y={-2} count={1} />
            </svg>
            {flaggedLegend}
          </span>
        ) : null}
      </figcaption>
    </figure>
  );
}
