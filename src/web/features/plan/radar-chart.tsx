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

const C = { x: 320, y: 225 };
const R = 150;
/**
 * Axis labels are 24 units high (plan.css) and wrap at about 12 letters, so the picture stays
 * narrow enough that on a 375 px phone they still come out at about 12 px on screen.
 */
const LETTER = 13;
const LINE = 26;
const WRAP_AT = 12;
/** The speech bubble on the web is drawn larger than in the legend, for the same reason. */
const BUBBLE_SCALE = 1.6;

/**
 * Splits a label into lines of about WRAP_AT letters, at spaces only. A web with many axes (the
 * ZRM's 13) keeps one line per label: there the neighbouring labels are too close to grow down.
 */
function wrapLabel(label: string, axes: number): string[] {
  if (axes > 8) return [label];
  const lines: string[] = [];
  for (const word of label.split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= WRAP_AT) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** Where an axis label goes: its lines, anchor, first baseline, width and the bubble's place. */
function labelLayout(axis: RadarAxis, i: number, n: number, min: number, max: number) {
  const [lx, ly] = point(i, n, max + (max - min) * 0.13, min, max);
  const lines = wrapLabel(axis.label, n);
  const width = Math.max(...lines.map((l) => l.length)) * LETTER;
  const anchor: 'middle' | 'end' | 'start' = Math.abs(lx - C.x) < 10 ? 'middle' : lx < C.x ? 'end' : 'start';
  const extra = (lines.length - 1) * LINE;
  // Above the centre the block grows upwards, below it downwards, beside it around the axis.
  const firstY = ly > C.y + 10 ? ly + 20 : ly < C.y - 10 ? ly - extra : ly - extra / 2 + 8;
  const bubble = anchor === 'middle' ? { x: lx + width / 2 + 24, y: firstY - 9 } : { x: anchor === 'end' ? lx - 16 : lx + 16, y: firstY - 34 };
  const left = anchor === 'middle' ? lx - width / 2 : anchor === 'end' ? lx - width : lx;
  const right = anchor === 'middle' ? Math.max(lx + width / 2, axis.flagged ? bubble.x + 22 : 0) : anchor === 'end' ? lx : lx + width;
  const top = Math.min(firstY - 24, axis.flagged ? bubble.y - 20 : Infinity);
  return { lx, lines, anchor, firstY, bubble, left, right, top, bottom: firstY + extra + 8 };
}

function point(i: number, n: number, value: number, min: number, max: number): [number, number] {
  const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
  const r = ((Math.min(max, Math.max(min, value)) - min) / (max - min)) * R;
  return [C.x + r * Math.cos(angle), C.y + r * Math.sin(angle)];
}

const pts = (points: [number, number][]) => points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ');

/** A speech bubble with a number: the mark for "hier wil ik over praten", a shape and a figure, not a colour. */
function Bubble({ x, y, count, scale = 1 }: { x: number; y: number; count: number; scale?: number }) {
  return (
    <g className="meedoen-radar__bubble" transform={`translate(${x.toFixed(1)} ${y.toFixed(1)})${scale === 1 ? '' : ` scale(${scale})`}`}>
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
  // The picture is cropped to the web and its labels, so no room is wasted and nothing is cut off.
  const labels = axes.map((axis, i) => labelLayout(axis, i, n, min, max));
  const left = Math.min(C.x - R, ...labels.map((l) => l.left)) - 8;
  const right = Math.max(C.x + R, ...labels.map((l) => l.right)) + 8;
  const top = Math.min(C.y - R, ...labels.map((l) => l.top)) - 4;
  const bottom = Math.max(C.y + R, ...labels.map((l) => l.bottom)) + 4;
  return (
    <figure className="meedoen-chart meedoen-radar">
      <svg viewBox={`${left.toFixed(0)} ${top.toFixed(0)} ${(right - left).toFixed(0)} ${(bottom - top).toFixed(0)}`} role="img" aria-label={label} className={n > 8 ? 'meedoen-radar__svg meedoen-radar__svg--many' : 'meedoen-radar__svg'} data-testid={testId}>
        {rings.map((ring) => (
          <g key={ring}>
            <polygon points={pts(axes.map((_, i) => point(i, n, ring, min, max)))} className="meedoen-chart__grid meedoen-radar__ring" />
            <text x={C.x + 5} y={point(0, n, ring, min, max)[1] + 17} className="meedoen-radar__ring-label">
              {ring}
            </text>
          </g>
        ))}
        {axes.map((axis, i) => {
          const [x2, y2] = point(i, n, max, min, max);
          const l = labels[i]!;
          return (
            <g key={axis.key}>
              <line x1={C.x} y1={C.y} x2={x2} y2={y2} className="meedoen-chart__grid" />
              <text x={l.lx} y={l.firstY} textAnchor={l.anchor} className="meedoen-radar__axis-label">
                {l.lines.map((line, k) => (
                  <tspan key={k} x={l.lx} dy={k === 0 ? 0 : LINE}>
                    {line}
                  </tspan>
                ))}
              </text>
              {axis.flagged ? <Bubble x={l.bubble.x} y={l.bubble.y} count={axis.flagged} scale={BUBBLE_SCALE} /> : null}
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
