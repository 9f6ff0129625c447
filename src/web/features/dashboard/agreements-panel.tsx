import { Heading2, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { KpiUnit } from '../../../shared/kpi.ts';
import type { AgreementEvaluation, AgreementEvaluationItem, KpiOption } from '../../api/kpi-types.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useApi } from '../../components/use-api.ts';
import { TargetChart } from './charts/target-chart.tsx';
import { formatCell, formatKpiValue, kpiLabel } from '../../../shared/kpi-format.ts';
import { ScrollableTable } from '../../components/scrollable-table.tsx';

/** The status as a word with a mark of its own shape, so it never rests on colour. */
const STATUS_MARK = { met: '✓', not_met: '✗', not_measurable: '?' } as const;

/**
 * The performance agreements of one municipality and year: what was agreed (KPI, measure,
 * "ten minste" or "ten hoogste" a target), the figure behind it, whether it is met, not met or
 * not yet measurable (with the reason), and the explanation. Needs a municipality: agreements are
 * made per municipality.
 */
export function AgreementsPanel({ municipality, year }: { municipality: KpiOption | undefined; year: number }) {
  const { t, i18n } = useTranslation();
  const path = municipality ? `/api/performance-agreements/evaluation?municipalityId=${encodeURIComponent(municipality.id)}&year=${year}` : null;
  const evaluation = useApi<AgreementEvaluation>(path);
  const items = evaluation.data?.items ?? [];
  const unitOf = (item: AgreementEvaluationItem): KpiUnit => item.agreement.unit;
  /** The value as the caller may see it: "<5" or "x" when held back (the status is judged on the exact figure all the same). */
  const valueText = (item: AgreementEvaluationItem) =>
    formatCell({ value: item.value, suppressed: item.valueHidden === 'suppressed', withheld: item.valueHidden === 'withheld' }, unitOf(item), i18n.language, t);
  return (
    <section aria-labelledby="agreements-heading" className="meedoen-agreements">
      <Heading2 id="agreements-heading">{t('dashboard.agreements.heading')}</Heading2>
      {!municipality ? (
        <Paragraph>{t('dashboard.agreements.chooseMunicipality')}</Paragraph>
      ) : (
        <>
          <ProblemAlert error={evaluation.error} />
          {evaluation.loading && !evaluation.data ? <Loading /> : null}
          {evaluation.data && items.length === 0 ? <Paragraph>{t('dashboard.agreements.none', { municipality: municipality.name, year })}</Paragraph> : null}
          {items.length > 0 ? (
            <div className="meedoen-chart-and-table">
            <TargetChart
              label={t('dashboard.agreements.chartLabel', { municipality: municipality.name, year })}
              targetWord={t('dashboard.agreements.targetWord')}
              bars={items.map((item) => {
                const unit = unitOf(item);
                return {
                  key: item.agreement.id,
                  label: item.agreement.title,
                  value: item.value,
                  valueText: valueText(item),
                  target: item.agreement.target,
                  targetText: formatKpiValue(item.agreement.target, unit, i18n.language, t),
                  met: item.status === 'not_measurable' ? null : item.status === 'met',
                };
              })}
            />
            <ScrollableTable className="meedoen-agreements__table" data-testid="agreements-table" caption={t('dashboard.agreements.caption', { municipality: municipality.name, year })}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('dashboard.agreements.agreement')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('dashboard.agreements.target')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('dashboard.agreements.figure')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('dashboard.agreements.status')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('dashboard.agreements.explanation')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {items.map((item) => {
                  const a = item.agreement;
                  const unit = unitOf(item);
                  return (
                    <TableRow key={a.id} data-agreement-status={item.status}>
                      <TableHeaderCell scope="row">
                        {a.title}
                        <span className="meedoen-agreements__kpi">
                          {`${t(`kpi.figures.${a.kpiKey}.title`, { defaultValue: a.kpiKey })} — ${kpiLabel(t, 'measures', a.measureKey)}`}
                        </span>
                      </TableHeaderCell>
                      <TableCell>{t(`dashboard.agreements.comparisons.${a.comparison}`, { target: formatKpiValue(a.target, unit, i18n.language, t) })}</TableCell>
                      <TableCell>{valueText(item)}</TableCell>
                      <TableCell>
                        <span className={`meedoen-agreements__status meedoen-agreements__status--${item.status}`}>
                          <span aria-hidden="true">{STATUS_MARK[item.status]} </span>
                          {t(`dashboard.agreements.statuses.${item.status}`)}
                        </span>
                        {item.provisional && item.status !== 'not_measurable' ? <span className="meedoen-agreements__reason">{t('dashboard.agreements.provisional')}</span> : null}
                        {item.valueHidden && item.status !== 'not_measurable' ? <span className="meedoen-agreements__reason">{t('dashboard.agreements.valueHidden')}</span> : null}
                        {item.status === 'not_measurable' && item.reason ? (
                          <span className="meedoen-agreements__reason">{t(`kpi.notMeasurable.${item.reason}`, { defaultValue: item.reason })}</span>
                        ) : null}
                      </TableCell>
                      <TableCell>{a.explanation || t('common.none')}</TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </ScrollableTable>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
