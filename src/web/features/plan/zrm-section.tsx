import { Button, Heading3, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZRM_DOMAINS, ZRM_SCORE_MAX, ZRM_SCORE_MIN } from '../../../shared/zrm.ts';
import { formatDate } from '../../components/format.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert, StatusMessage } from '../../components/problem-alert.tsx';
import { useApi } from '../../components/use-api.ts';
import { planPath, type ZrmList, type ZrmMeasurement } from './plan-types.ts';
import { RadarChart } from './radar-chart.tsx';
import { ZrmForm } from './zrm-form.tsx';
import { ScrollableTable } from '../../components/scrollable-table.tsx';

/** How many measurements the history table shows side by side (newest first). */
const TABLE_COLUMNS = 4;

/**
 * The Zelfredzaamheid-Matrix of a client: the latest matrix as a web over the first, the history
 * as a table (domains by date, score with its label), and a new measurement for the coach.
 */
export function ZrmSection({ clientId, onChanged }: { clientId: string; onChanged?: () => void }) {
  const { t, i18n } = useTranslation();
  const list = useApi<ZrmList>(planPath(clientId, 'zrm'));
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string>();
  const lang = i18n.language;
  const items = list.data?.items ?? [];
  const latest = items[0];
  const first = items.length > 1 ? items[items.length - 1] : undefined;
  const columns = items.slice(0, TABLE_COLUMNS);
  const date = (m: ZrmMeasurement) => formatDate(m.measuredOn, lang);
  const scoreText = (score: number) => t('zrm.scoreLabel', { score, label: t(`zrm.scale.${score}`) });

  const toggle = (value: boolean) => {
    if (value) setMessage(undefined);
    setOpen(value);
    requestAnimationFrame(() => document.getElementById(value ? 'zrm-form-heading' : 'zrm-open')?.focus());
  };

  return (
    <div>
      <StatusMessage message={message} />
      {list.loading && !list.data ? <Loading /> : null}
      <ProblemAlert error={list.error} />
      {list.data && !latest ? <Paragraph>{t('zrm.noMeasurements')}</Paragraph> : null}
      {latest ? (
        <div className="meedoen-chart-and-table">
          <RadarChart
            testId="zrm-web"
            label={t(first ? 'zrm.chartLabelCompare' : 'zrm.chartLabel', { date: date(latest), earlierDate: first ? date(first) : '' })}
            min={ZRM_SCORE_MIN - 1}
            max={ZRM_SCORE_MAX}
            rings={[1, 2, 3, 4, 5]}
            axes={ZRM_DOMAINS.map((d) => ({ key: d.code, label: t(`zrm.domains.${d.code}`) }))}
            series={[
              ...(first ? [{ key: 'first', label: t('zrm.earlierLegend', { date: date(first) }), values: ZRM_DOMAINS.map((d) => first.scores[d.code]), style: 'outline' as const }] : []),
              { key: 'latest', label: t('zrm.latestLegend', { date: date(latest) }), values: ZRM_DOMAINS.map((d) => latest.scores[d.code]), style: 'filled' as const },
            ]}
          />
          <ScrollableTable data-testid="zrm-table" caption={t('zrm.tableCaption')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('zrm.domain')}</TableHeaderCell>
                {columns.map((m) => (
                  <TableHeaderCell key={m.id} scope="col">
                    {date(m)}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {ZRM_DOMAINS.map((d) => (
                <TableRow key={d.code}>
                  <TableHeaderCell scope="row">{t(`zrm.domains.${d.code}`)}</TableHeaderCell>
                  {columns.map((m) => (
                    <TableCell key={m.id}>{scoreText(m.scores[d.code])}</TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </ScrollableTable>
        </div>
      ) : null}
      {list.data?.policies.record ? (
        open ? (
          <>
            <Heading3 id="zrm-form-heading" tabIndex={-1}>
              {t('zrm.newMeasurement')}
            </Heading3>
            <ZrmForm
              clientId={clientId}
              onCancel={() => toggle(false)}
              onSaved={() => {
                setMessage(t('zrm.saved'));
                list.reload();
                onChanged?.();
                toggle(false);
              }}
            />
          </>
        ) : (
          <Button id="zrm-open" appearance="secondary-action-button" onClick={() => toggle(true)}>
            {t('zrm.newMeasurement')}
          </Button>
        )
      ) : null}
    </div>
  );
}
