import { Alert, Heading3, Heading4, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { KpiFigure } from '../../../shared/kpi.ts';
import { KpiChart } from './charts/kpi-chart.tsx';
import { formatCell, formatKpiValue, isHeldBack, kpiLabel } from '../../../shared/kpi-format.ts';
import { KpiTableView } from './kpi-table.tsx';

type Props = {
  figure: KpiFigure;
  drillTo?: (figure: KpiFigure, drill: string, cellLabel: string) => string;
};

/** What a figure held back for privacy: small numbers ("<5"), and numbers withheld to protect them ("x"); each gets its legend line. */
function heldBack(figure: KpiFigure, kind: 'suppressed' | 'withheld'): boolean {
  const headline = figure.headline;
  return (
    Boolean(headline?.[kind]) ||
    (kind === 'withheld' && headline !== null && (headline.numerator === null || headline.denominator === null)) ||
    figure.measures.some((m) => m[kind]) ||
    figure.tables.some((table) => table.rows.some((row) => row.cells.some((cell) => cell[kind])))
  );
}

/**
 * One KPI: its title and what it counts, the headline number ("x van y" when the basis is known),
 * or "niet meetbaar" with the reason; the named measures agreements target; then each table with
 * its chart beside it; and the assumptions behind a computed figure.
 */
export function FigureCard({ figure, drillTo }: Props) {
  const { t, i18n } = useTranslation();
  const titleId = `kpi-${figure.key}-title`;
  const title = t(`kpi.figures.${figure.key}.title`, { defaultValue: figure.key });
  const headline = figure.headline;
  return (
    <section aria-labelledby={titleId} className="meedoen-kpi" data-kpi={figure.key} data-status={figure.status}>
      <Heading3 id={titleId}>{title}</Heading3>
      <Paragraph className="meedoen-kpi__description">{t(`kpi.figures.${figure.key}.description`, { defaultValue: '' })}</Paragraph>
      {figure.status === 'not_measurable' ? (
        <Alert type="info">
          <Paragraph>
            <strong>{t('dashboard.notMeasurable')}</strong>
            {figure.reason ? ` — ${t(`kpi.notMeasurable.${figure.reason}`, { defaultValue: figure.reason })}` : ''}
          </Paragraph>
        </Alert>
      ) : null}
      {headline && (headline.value !== null || isHeldBack(headline)) ? (
        <p className="meedoen-kpi__headline" data-testid={`kpi-${figure.key}-headline`}>
          <span className="meedoen-kpi__value">{formatCell(headline, headline.unit, i18n.language, t)}</span>
          {headline.value === null && headline.suppressed ? <span className="meedoen-kpi__basis">{t('dashboard.headlineSuppressed')}</span> : null}
          {headline.value === null && headline.withheld ? <span className="meedoen-kpi__basis">{t('dashboard.headlineWithheld')}</span> : null}
          {headline.numerator != null && headline.denominator != null ? (
            <span className="meedoen-kpi__basis">
              {t('dashboard.basis', {
                numerator: formatKpiValue(headline.numerator, 'count', i18n.language, t),
                denominator: formatKpiValue(headline.denominator, 'count', i18n.language, t),
              })}
            </span>
          ) : null}
        </p>
      ) : null}
      {figure.measures.length > 0 ? (
        <dl className="meedoen-kpi__measures">
          {figure.measures.map((m) => (
            <div key={m.key} className="meedoen-kpi__measure">
              <dt>{kpiLabel(t, 'measures', m.key)}</dt>
              <dd>{formatCell(m, m.unit, i18n.language, t)}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {figure.tables.map((table) => {
        const caption = `${title} — ${kpiLabel(t, 'tables', table.key)}`;
        return (
          <div key={table.key} className="meedoen-chart-and-table meedoen-kpi__table">
            <KpiChart table={table} title={caption} />
            <KpiTableView table={table} caption={caption} drillTo={drillTo ? (drill, label) => drillTo(figure, drill, label) : undefined} />
          </div>
        );
      })}
      {figure.assumptions && figure.assumptions.length > 0 ? (
        <>
          <Heading4>{t('dashboard.assumptions')}</Heading4>
          <dl className="meedoen-kpi__measures meedoen-kpi__assumptions">
            {figure.assumptions.map((a) => (
              <div key={a.key} className="meedoen-kpi__measure">
                <dt>{kpiLabel(t, 'assumptions', a.key)}</dt>
                <dd>{formatKpiValue(a.value, a.unit, i18n.language, t)}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
      {heldBack(figure, 'suppressed') ? <Paragraph className="meedoen-kpi__legend">{t('dashboard.suppressedLegend')}</Paragraph> : null}
      {heldBack(figure, 'withheld') ? <Paragraph className="meedoen-kpi__legend">{t('dashboard.withheldLegend')}</Paragraph> : null}
    </section>
  );
}
