import { Button, ButtonGroup, Heading2, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { CohortOverview, CohortParticipant } from '../../api/group-module-types.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { formatDateTime } from '../../components/format.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { formatRate, participantName } from './group-format.ts';
import { LeaveForm, type Leaving } from './leave-form.tsx';
import { ParticipantCell } from './participant-cell.tsx';
import { ScrollableTable } from '../../components/scrollable-table.tsx';

type Props = {
  cohort: CohortOverview;
  /** Enrolments just placed from the waiting list; marked in the table. */
  movedUp: ReadonlySet<string>;
  /** After a seat was freed: the page reloads and tells who moved up. */
  onSeatFreed: (message: string) => void;
};

/** The placed participants with their attendance rate; ending an enrolment (left or completed) frees the seat. */
export function ParticipantsSection({ cohort, movedUp, onSeatFreed }: Props) {
  const { t, i18n } = useTranslation();
  const [leaving, setLeaving] = useState<Leaving | null>(null);
  const [completing, setCompleting] = useState<CohortParticipant | null>(null);
  const complete = useSubmit();

  const onComplete = async () => {
    if (!completing) return;
    const name = participantName(completing.client, t);
    const path = `/api/enrolments/${encodeURIComponent(completing.enrolmentId)}/complete`;
    if (await complete.run(() => api.post<unknown>(path, {}).then(() => undefined))) {
      setCompleting(null);
      onSeatFreed(t('cohorts.completed', { name }));
    }
  };

  return (
    <section aria-labelledby="cohort-participants-heading" id="deelnemers">
      <Heading2 id="cohort-participants-heading">{t('cohorts.participants')}</Heading2>
      <ProblemAlert error={complete.error} />
      {cohort.participants.length === 0 ? (
        <Paragraph>{t('cohorts.noParticipants')}</Paragraph>
      ) : (
        <ScrollableTable data-testid="participants" caption={t('cohorts.participants')} captionHidden>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('cohorts.participant')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('cohorts.status')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('cohorts.placedAt')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('cohorts.attendanceRate')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('common.actions')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {cohort.participants.map((p) => {
              const name = participantName(p.client, t);
              return (
                <TableRow key={p.enrolmentId} data-participant={name}>
                  <TableCell>
                    <ParticipantCell client={p.client} />
                    {movedUp.has(p.enrolmentId) ? <span className="meedoen-badge meedoen-badge--inline meedoen-moved-up">{t('cohorts.movedUpBadge')}</span> : null}
                  </TableCell>
                  <TableCell>{t(`cohorts.enrolmentStatuses.${p.status}`)}</TableCell>
                  <TableCell>{p.placedAt ? formatDateTime(p.placedAt, i18n.language) : t('common.none')}</TableCell>
                  <TableCell>{formatRate(p.attendanceRate, i18n.language) ?? t('cohorts.noAttendanceYet')}</TableCell>
                  <TableCell>
                    <ButtonGroup>
                      {p.policies.leave ? (
                        <Button
                          appearance="subtle-button"
                          aria-label={t('cohorts.leaveNamed', { name })}
                          onClick={() => setLeaving({ enrolmentId: p.enrolmentId, name, waiting: false })}
                        >
                          {t('cohorts.leave')}
                        </Button>
                      ) : null}
                      {p.policies.complete ? (
                        <Button appearance="subtle-button" aria-label={t('cohorts.completeNamed', { name })} onClick={() => setCompleting(p)}>
                          {t('cohorts.complete')}
                        </Button>
                      ) : null}
                    </ButtonGroup>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </ScrollableTable>
      )}
      {leaving && !leaving.waiting ? (
        <LeaveForm
          key={leaving.enrolmentId}
          leaving={leaving}
          onCancel={() => setLeaving(null)}
          onDone={() => {
            setLeaving(null);
            onSeatFreed(t('cohorts.left', { name: leaving.name }));
          }}
        />
      ) : null}
      <ConfirmDialog
        open={completing !== null}
        title={t('cohorts.completeTitle', { name: completing ? participantName(completing.client, t) : '' })}
        message={t('cohorts.completeMessage')}
        confirmLabel={t('cohorts.complete')}
        pending={complete.pending}
        onConfirm={() => void onComplete()}
        onCancel={() => setCompleting(null)}
      />
    </section>
  );
}
