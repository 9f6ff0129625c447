import { TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { HEALTH_DIMENSIONS } from '../../../shared/positive-health.ts';
import { formatDate } from '../../components/format.ts';
import { flaggedByDimension, formatChange, formatScore } from './plan-format.ts';
import type { HealthDetail } from './plan-types.ts';
import { ScrollableTable } from '../../components/scrollable-table.tsx';

type Props = { latest: HealthDetail; baseline: HealthDetail | null; idPrefix: string };

/**
 * The figures of the web as a table: per dimension the earlier and the latest score, the change,
 * and the aspects the client wants to talk about; below it every aspect, folded away.
 */
export function PositiveHealthTable({ latest, baseline, idPrefix }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const talk = flaggedByDimension(latest.answers);
  const date = (m: HealthDetail) => formatDate(m.measuredOn, lang);
  return (
    <div>
      {/* The title stands above the scrolling region, so a narrow screen never cuts it off; the caption stays for screen readers. */}
      <p className="meedoen-table-title" id={`${idPrefix}-title`} aria-hidden="true">
        {t('positiveHealth.tableCaption')}
      </p>
      <ScrollableTable data-testid="health-table" scrollClassName="meedoen-health-table" labelledBy={`${idPrefix}-title`} caption={t('positiveHealth.tableCaption')} captionHidden>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('positiveHealth.dimension')}</TableHeaderCell>
            {baseline ? <TableHeaderCell scope="col">{t('positiveHealth.earlierOn', { date: date(baseline) })}</TableHeaderCell> : null}
            <TableHeaderCell scope="col">{t('positiveHealth.latestOn', { date: date(latest) })}</TableHeaderCell>
            {baseline ? <TableHeaderCell scope="col">{t('positiveHealth.change')}</TableHeaderCell> : null}
            <TableHeaderCell scope="col">{t('positiveHealth.talkAbout')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {HEALTH_DIMENSIONS.map((d) => (
            <TableRow key={d.code}>
              <TableHeaderCell scope="row">{t(`positiveHealth.dimensions.${d.code}`)}</TableHeaderCell>
              {baseline ? <TableCell>{formatScore(baseline.dimensions[d.code], lang)}</TableCell> : null}
              <TableCell>{formatScore(latest.dimensions[d.code], lang)}</TableCell>
              {baseline ? <TableCell>{formatChange(latest.dimensions[d.code] - baseline.dimensions[d.code], lang)}</TableCell> : null}
              <TableCell>{talk[d.code].length ? talk[d.code].map((a) => t(`positiveHealth.aspects.${a}`)).join(', ') : t('common.none')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </ScrollableTable>
      <details className="meedoen-plan-details">
        <summary>{t('positiveHealth.allAspects')}</summary>
        <p className="meedoen-table-title" id={`${idPrefix}-aspects-title`} aria-hidden="true">
          {t('positiveHealth.aspectsCaption')}
        </p>
        <ScrollableTable data-testid="health-aspects-table" scrollClassName="meedoen-health-table" labelledBy={`${idPrefix}-aspects-title`} caption={t('positiveHealth.aspectsCaption')} captionHidden>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('positiveHealth.aspect')}</TableHeaderCell>
              {baseline ? <TableHeaderCell scope="col">{t('positiveHealth.earlierOn', { date: date(baseline) })}</TableHeaderCell> : null}
              <TableHeaderCell scope="col">{t('positiveHealth.latestOn', { date: date(latest) })}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('positiveHealth.talkAbout')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {HEALTH_DIMENSIONS.flatMap((d) =>
              d.aspects.map((a) => (
                <TableRow key={a.code}>
                  <TableHeaderCell scope="row">
                    {t(`positiveHealth.aspects.${a.code}`)} <span className="meedoen-plan-muted">({t(`positiveHealth.dimensions.${d.code}`)})</span>
                  </TableHeaderCell>
                  {baseline ? <TableCell>{baseline.answers[a.code].score}</TableCell> : null}
                  <TableCell>{latest.answers[a.code].score}</TableCell>
                  <TableCell>{latest.answers[a.code].talk ? <span className="meedoen-plan-talk">{t('positiveHealth.talkYes')}</span> : t('common.none')}</TableCell>
                </TableRow>
              )),
            )}
          </TableBody>
        </ScrollableTable>
      </details>
    </div>
  );
}
