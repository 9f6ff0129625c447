import { Button, Checkbox, Heading2, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { CohortOverview, WaitingListEntry } from '../../api/group-module-types.ts';
import { formatDateTime } from '../../components/format.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { participantName } from './group-format.ts';
import { LeaveForm, type Leaving } from './leave-form.tsx';
import { ParticipantCell } from './participant-cell.tsx';
import { ScrollableTable } from '../../components/scrollable-table.tsx';

type Props = { cohort: CohortOverview; onChanged: (message: string) => void };

/**
 * The waiting list in order (first come, first served; "voorrang" moves a client ahead), with the
 * position as text. Toggling voorrang is saved at once.
 */
export function WaitingListSection({ cohort, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const [leaving, setLeaving] = useState<Leaving | null>(null);
  // The voorrang toggle shows the new choice at once and keeps showing it until the reloaded list
  // agrees (a save can return before the reload does); only a refusal puts it back.
  const [chosen, setChosen] = useState<Record<string, boolean>>({});
  const [pendingId, setPendingId] = useState<string | null>(null);
  const priority = useSubmit();
  // Forget a choice once the reloaded list shows it, so a later change by someone else shows too.
  useEffect(() => {
    setChosen((current) => {
      const unsettled = Object.entries(current).filter(([id, on]) => cohort.waitingList.find((w) => w.enrolmentId === id)?.priority !== on);
      return unsettled.length === Object.keys(current).length ? current : Object.fromEntries(unsettled);
    });
  }, [cohort]);
  const waiting = [...cohort.waitingList].sort((a, b) => a.position - b.position);

  const onPriority = async (entry: WaitingListEntry, on: boolean) => {
    setChosen((c) => ({ ...c, [entry.enrolmentId]: on }));
    setPendingId(entry.enrolmentId);
    const path = `/api/enrolments/${encodeURIComponent(entry.enrolmentId)}/priority`;
    const ok = await priority.run(() => api.post<unknown>(path, { priority: on }).then(() => undefined));
    setPendingId(null);
    if (!ok) setChosen(({ [entry.enrolmentId]: _refused, ...rest }) => rest);
    const name = participantName(entry.client, t);
    if (ok) onChanged(on ? t('cohorts.priorityGiven', { name }) : t('cohorts.priorityRemoved', { name }));
  };

  return (
    <section aria-labelledby="cohort-waiting-heading" id="wachtlijst">
      <Heading2 id="cohort-waiting-heading">{t('cohorts.waitingList')}</Heading2>
      <ProblemAlert error={priority.error} />
      {waiting.length === 0 ? (
        <Paragraph>{t('cohorts.noneWaiting')}</Paragraph>
      ) : (
        <ScrollableTable data-testid="waiting-list" caption={t('cohorts.waitingListCaption')} captionHidden>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('cohorts.position')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('cohorts.participant')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('cohorts.requestedAt')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('cohorts.priority')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('common.actions')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {waiting.map((w) => {
              const name = participantName(w.client, t);
              return (
                <TableRow key={w.enrolmentId} data-waiting={name}>
                  <TableCell data-testid="waiting-position">{w.position}</TableCell>
                  <TableCell>
                    <ParticipantCell client={w.client} />
                  </TableCell>
                  <TableCell>{formatDateTime(w.requestedAt, i18n.language)}</TableCell>
                  <TableCell>
                    {w.policies.prioritise ? (
                      <label className="meedoen-nowrap">
                        <Checkbox
                          checked={chosen[w.enrolmentId] ?? w.priority}
                          disabled={pendingId === w.enrolmentId}
                          aria-label={t('cohorts.priorityFor', { name })}
                          onChange={(event) => void onPriority(w, event.target.checked)}
                        />{' '}
                        <span aria-hidden="true">{t('cohorts.priority')}</span>
                      </label>
                    ) : w.priority ? (
                      t('common.yes')
                    ) : (
                      t('common.no')
                    )}
                  </TableCell>
                  <TableCell>
                    {w.policies.leave ? (
                      <Button
                        appearance="subtle-button"
                        aria-label={t('cohorts.removeFromWaitingNamed', { name })}
                        onClick={() => setLeaving({ enrolmentId: w.enrolmentId, name, waiting: true })}
                      >
                        {t('cohorts.removeFromWaiting')}
                      </Button>
                    ) : null}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </ScrollableTable>
      )}
      {leaving ? (
        <LeaveForm
          key={leaving.enrolmentId}
          leaving={leaving}
          onCancel={() => setLeaving(null)}
          onDone={() => {
            setLeaving(null);
            onChanged(t('cohorts.removedFromWaiting', { name: leaving.name }));
          }}
        />
      ) : null}
    </section>
  );
}
