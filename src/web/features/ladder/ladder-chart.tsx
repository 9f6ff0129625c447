import { useTranslation } from 'react-i18next';
import type { LadderMeasurement } from '../../api/types.ts';
import { formatDate } from '../../components/format.ts';

const WIDTH = 640;
const HEIGHT = 260;
const PAD = { left: 48, right: 24, top: 16, bottom: 40 };

/**
 * The ladder over time as an SVG line chart: the step as a solid line with dots, the growth
 * potential as a dashed line with squares, so the two differ in shape, not only in colour.
 * The chart is one image with a summary label; the table next to it holds the same figures.
 */
export function LadderChart({ measurements }: { measurements: LadderMeasurement[] }) {
  const { t, i18n } = useTranslation();
  const points = [...measurements].sort((a, b) => a.measuredOn.localeCompare(b.measuredOn));
  if (points.length === 0) return null;
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const times = points.map((p) => Date.parse(`${p.measuredOn}T00:00:00Z`));
  const minT = Math.min(...times);
  const maxT = Math.max(...times);
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (time: number) => (maxT === minT ? PAD.left + plotW / 2 : PAD.left + ((time - minT) / (maxT - minT)) * plotW);
  const y = (step: number) => PAD.top + ((6 - step) / 5) * plotH;
  const line = (value: (p: LadderMeasurement) => number) => points.map((p, i) => `${x(times[i]!).toFixed(1)},${y(value(p)).toFixed(1)}`).join(' ');

  const label = t('ladder.chartLabel', {
    count: points.length,
    fromStep: first.step,
    fromDate: formatDate(first.measuredOn, i18n.language),
    toStep: last.step,
    toDate: formatDate(last.measuredOn, i18n.language),
    growth: last.growthPotential,
  });

  return (
    <figure className="meedoen-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} className="meedoen-chart__svg" data-testid="ladder-chart">
        {[1, 2, 3, 4, 5, 6].map((step) => (
          <g key={step}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(step)} y2={y(step)} className="meedoen-chart__grid" />
            <text x={PAD.left - 10} y={y(step) + 5} textAnchor="end" className="meedoen-chart__text">
              {step}
            </text>
          </g>
        ))}
        <text x={x(minT)} y={HEIGHT - 12} textAnchor={points.length > 1 ? 'start' : 'middle'} className="meedoen-chart__text">
          {formatDate(first.measuredOn, i18n.language)}
        </text>
        {points.length > 1 ? (
          <text x={x(maxT)} y={HEIGHT - 12} textAnchor="end" className="meedoen-chart__text">
            {formatDate(last.measuredOn, i18n.language)}
          </text>
        ) : null}
        <polyline points={line((p) => p.growthPotential)} className="meedoen-chart__growth" />
        <polyline points={line((p) => p.step)} className="meedoen-chart__step" />
        {points.map((p, i) => (
          <g key={p.id}>
            <rect x={x(times[i]!) - 5} y={y(p.growthPotential) - 5} width={10} height={10} className="meedoen-chart__growth-point" />
            <circle cx={x(times[i]!)} cy={y(p.step)} r={5} className="meedoen-chart__step-point" />
          </g>
        ))}
      </svg>
      <figcaption className="meedoen-chart__legend">
        <span className="meedoen-chart__key">
          <svg width="32" height="12" aria-hidden="true">
            <line x1="0" x2="32" y1="6" y2="6" className="meedoen-chart__step" />
            <circle cx="16" cy="6" r="4" className="meedoen-chart__step-point" />
          </svg>
          {t('ladder.step')}
        </span>
        <span className="meedoen-chart__key">
          <svg width="32" height="12" aria-hidden="true">
            <line x1="0" x2="32" y1="6" y2="6" className="meedoen-chart__growth" />
            <rect x="12" y="2" width="8" height="8" className="meedoen-chart__growth-point" />
          </svg>
          {t('ladder.growthPotential')}
        </span>
      </figcaption>
    </figure>
  );
}
