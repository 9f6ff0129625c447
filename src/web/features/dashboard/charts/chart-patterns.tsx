/**
 * Fills that differ in pattern, not only in colour (WCAG 1.4.1): solid, diagonal lines, dots,
 * cross-hatch, horizontal lines and open. Series n of every chart uses fill n, and the legend
 * draws the same swatch next to the series' name.
 */
const PATTERN_COUNT = 6;

/** The fill of series `index` inside a chart whose <ChartPatterns> has id prefix `prefix`. */
export function seriesFill(prefix: string, index: number): string {
  const n = index % PATTERN_COUNT;
  return n === 0 ? 'var(--meedoen-chart-fill, #1f5fa8)' : `url(#${prefix}-p${n})`;
}

/** The <defs> with the patterns; render once inside each chart's <svg>. */
export function ChartPatterns({ prefix }: { prefix: string }) {
  const tile = (n: number, children: React.ReactNode) => (
    <pattern id={`${prefix}-p${n}`} width="8" height="8" patternUnits="userSpaceOnUse" className="meedoen-kpi-chart__pattern">
      <rect width="8" height="8" className="meedoen-kpi-chart__pattern-ground" />
      {children}
    </pattern>
  );
  return (
    <defs>
      {tile(1, <path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" strokeWidth="2" />)}
      {tile(2, <circle cx="4" cy="4" r="2" />)}
      {tile(3, <path d="M0,0 l8,8 M8,0 l-8,8" strokeWidth="1.5" />)}
      {tile(4, <path d="M0,4 h8" strokeWidth="2.5" />)}
      {tile(5, null)}
    </defs>
  );
}

/** A legend entry: the series' swatch and its name. */
export function LegendKey({ prefix, index, label }: { prefix: string; index: number; label: string }) {
  return (
    <span className="meedoen-chart__key">
      <svg width="24" height="16" aria-hidden="true">
        <ChartPatterns prefix={`${prefix}-legend${index}`} />
        <rect x="1" y="1" width="22" height="14" fill={seriesFill(`${prefix}-legend${index}`, index)} className="meedoen-kpi-chart__bar" />
      </svg>
      {label}
    </span>
  );
}
