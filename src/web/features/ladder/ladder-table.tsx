import { TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { LADDER_QUESTIONS } from '../../../shared/ladder.ts';
import type { LadderMeasurement } from '../../api/types.ts';
import { formatDate } from '../../components/format.ts';
import { ScrollableTable } from '../../components/scrollable-table.tsx';

/** The measurements as a table, newest first: the accessible twin of the chart. */
export function LadderTable({ measurements }: { measurements: LadderMeasurement[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ScrollableTable data-testid="ladder-table" caption={t('ladder.tableCaption')}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('ladder.measuredOn')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('ladder.step')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('ladder.growthPotential')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('ladder.occasion')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('ladder.answers')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('ladder.note')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('common.by')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {measurements.map((m) => (
          <TableRow key={m.id}>
            <TableCell>{formatDate(m.measuredOn, i18n.language)}</TableCell>
            <TableCell>{t('ladder.stepLabel', { step: m.step, name: t(`ladder.steps.${m.step}`) })}</TableCell>
            <TableCell>{t('ladder.stepLabel', { step: m.growthPotential, name: t(`ladder.steps.${m.growthPotential}`) })}</TableCell>
            <TableCell>{t(`ladder.occasions.${m.occasion}`, { defaultValue: m.occasion })}</TableCell>
            <TableCell>
              <LadderAnswersDetails measurement={m} />
            </TableCell>
            <TableCell>{m.note || t('common.none')}</TableCell>
            <TableCell>{m.measuredBy?.displayName ?? t('common.none')}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </ScrollableTable>
  );
}

/**
 * Why the step was given: the questions that were asked, in order, with the answers as stored,
 * folded away so the table stays short.
 */
function LadderAnswersDetails({ measurement }: { measurement: LadderMeasurement }) {
  const { t } = useTranslation();
  const asked = LADDER_QUESTIONS.filter((key) => typeof measurement.answers?.[key] === 'boolean');
  if (asked.length === 0) return <>{t('common.none')}</>;
  return (
    <details className="meedoen-ladder-answers" data-testid="ladder-answers">
      <summary>{t('ladder.answersSummary', { step: measurement.step })}</summary>
      <dl>
        {asked.map((key) => (
          <div key={key}>
            <dt>{t(`ladder.questions.${key}`)}</dt>
            <dd>{measurement.answers[key] ? t('common.yes') : t('common.no')}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
