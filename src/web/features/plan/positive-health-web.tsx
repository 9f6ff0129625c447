import { Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HEALTH_DIMENSIONS, HEALTH_SCORE_MAX, HEALTH_SCORE_MIN } from '../../../shared/positive-health.ts';
import { query } from '../../api/client.ts';
import { formatDate } from '../../components/format.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { useApi } from '../../components/use-api.ts';
import { flaggedByDimension, formatScore } from './plan-format.ts';
import { planPath, type HealthComparison, type HealthDetail, type HealthList } from './plan-types.ts';
import { PositiveHealthTable } from './positive-health-table.tsx';
import { RadarChart } from './radar-chart.tsx';

type Props = {
  clientId: string;
  /** Change it to reload (after a new measurement). */
  refreshKey?: number;
  /** Prefix for element ids, when the web appears more than once on a page. */
  idPrefix?: string;
  /** The history when the caller already loaded it; otherwise the web loads it itself. */
  history?: HealthList;
};

/**
 * The client's Positive Health web: the latest measurement filled, the first (or a chosen earlier
 * one) as a dashed outline, speech bubbles where the client wants to talk, and beside it the same
 * figures as a table. Loads its own data; mounted on the dossier and on the client's own page.
 */
export function PositiveHealthWeb({ clientId, refreshKey = 0, idPrefix = 'health', history: given }: Props) {
  const { t, i18n } = useTranslation();
  const [baselineId, setBaselineId] = useState('');
  const own = useApi<HealthList>(given ? null : planPath(clientId, 'health-measurements'));
  const history = given ? { data: given, loading: false, error: undefined, reload: own.reload } : own;
  const comparison = useApi<HealthComparison>(`${planPath(clientId, 'health-measurements/comparison')}${query({ baseline: baselineId })}`);
  const { reload: reloadHistory } = history;
  const { reload: reloadComparison } = comparison;
  useEffect(() => {
    if (refreshKey === 0) return;
    setBaselineId('');
    reloadHistory();
    reloadComparison();
  }, [refreshKey, reloadHistory, reloadComparison]);

  if ((history.loading && !history.data) || (comparison.loading && !comparison.data)) return <Loading />;
  if (history.error || comparison.error) return <ProblemAlert error={history.error ?? comparison.error} />;
  const latest = comparison.data?.latest;
  const items = history.data?.items ?? [];
  if (!latest) return <Paragraph>{t('positiveHealth.noMeasurements')}</Paragraph>;
  const baseline = comparison.data?.baseline ?? null;
  const earlier = items.filter((m) => m.id !== latest.id);
  const lang = i18n.language;
  const date = (m: HealthDetail) => formatDate(m.measuredOn, lang);
  const talk = flaggedByDimension(latest.answers);
  const scores = (m: HealthDetail) => HEALTH_DIMENSIONS.map((d) => `${t(`positiveHealth.dimensions.${d.code}`)} ${formatScore(m.dimensions[d.code], lang)}`).join('; ');
  const label = baseline
    ? t('positiveHealth.chartLabelCompare', { date: date(latest), scores: scores(latest), earlierDate: date(baseline), earlierScores: scores(baseline), talk: latest.talkCount })
    : t('positiveHealth.chartLabel', { date: date(latest), scores: scores(latest), talk: latest.talkCount });

  return (
    <div className="meedoen-positive-health">
      {earlier.length > 0 ? (
        <SelectField
          id={`${idPrefix}-baseline`}
          label={t('positiveHealth.compareWith')}
          value={baseline?.id ?? ''}
          onChange={setBaselineId}
          options={earlier.map((m) => ({ value: m.id, label: `${formatDate(m.measuredOn, lang)} (${t(`positiveHealth.filledBy.${m.filledBy}`)})` }))}
        />
      ) : (
        <Paragraph>{t('positiveHealth.onlyOne')}</Paragraph>
      )}
      <div className="meedoen-chart-and-table">
        <RadarChart
          testId={`${idPrefix}-web`}
          label={label}
          min={HEALTH_SCORE_MIN}
          max={HEALTH_SCORE_MAX}
          rings={[2, 4, 6, 8, 10]}
          axes={HEALTH_DIMENSIONS.map((d) => ({ key: d.code, label: t(`positiveHealth.dimensions.${d.code}`), flagged: talk[d.code].length }))}
          flaggedLegend={t('positiveHealth.talkLegend')}
          series={[
            ...(baseline ? [{ key: 'baseline', label: t('positiveHealth.earlierLegend', { date: date(baseline) }), values: HEALTH_DIMENSIONS.map((d) => baseline.dimensions[d.code]), style: 'outline' as const }] : []),
            { key: 'latest', label: t('positiveHealth.latestLegend', { date: date(latest) }), values: HEALTH_DIMENSIONS.map((d) => latest.dimensions[d.code]), style: 'filled' as const },
          ]}
        />
        <PositiveHealthTable latest={latest} baseline={baseline} idPrefix={idPrefix} />
      </div>
    </div>
  );
}
