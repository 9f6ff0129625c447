import { Button, ButtonGroup, Heading2, Heading3, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { CohortCandidate, CohortOverview } from '../../api/group-module-types.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { ClientPicker, type PickedClient } from './client-picker.tsx';
import { enrolledClientIds } from './enrol-section.tsx';
import { participantName } from './group-format.ts';
import { ParticipantCell } from './participant-cell.tsx';
import { SelectionForm } from './selection-form.tsx';
import { FormActions, FormError } from './form-parts.tsx';
import { ScrollableTable } from '../../components/scrollable-table.tsx';

type Props = { cohort: CohortOverview; onChanged: (message: string) => void };

/**
 * Collective start: invite a group of clients, record per candidate the selection after the
 * intake conversation, then start the selected ones together ("Groep starten").
 */
export function CollectiveStartSection({ cohort, onChanged }: Props) {
  const { t } = useTranslation();
  const [selecting, setSelecting] = useState<CohortCandidate | null>(null);
  const [confirming, setConfirming] = useState(false);
  const start = useSubmit();
  const planned = cohort.status === 'gepland';
  const selected = cohort.candidates.filter((c) => c.status === 'selected').length;

  const onStart = async () => {
    if (await start.run(() => api.post<unknown>(`/api/cohorts/${encodeURIComponent(cohort.id)}/start`, {}).then(() => undefined))) {
      setConfirming(false);
      onChanged(t('cohorts.started', { count: selected }));
    }
  };

  return (
    <section aria-labelledby="collective-heading" id="collectieve-start">
      <Heading2 id="collective-heading">{t('cohorts.collectiveHeading')}</Heading2>
      <Paragraph>{planned ? t('cohorts.collectiveIntro') : t('cohorts.collectiveStartedIntro')}</Paragraph>
      {cohort.candidates.length === 0 ? (
        <Paragraph>{planned ? t('cohorts.noCandidates') : t('cohorts.noCandidatesLeft')}</Paragraph>
      ) : (
        <CandidatesTable candidates={cohort.candidates} onSelect={setSelecting} />
      )}
      {selecting ? (
        <SelectionForm
          key={selecting.enrolmentId}
          candidate={selecting}
          onCancel={() => setSelecting(null)}
          onSaved={(message) => {
            setSelecting(null);
            onChanged(message);
          }}
        />
      ) : null}
      {planned && cohort.policies.enrol ? <InviteForm cohort={cohort} onInvited={onChanged} /> : null}
      {cohort.policies.start ? (
        <>
          <Heading3>{t('cohorts.startHeading')}</Heading3>
          <Paragraph data-testid="start-summary">{t('cohorts.startSummary', { count: selected, capacity: cohort.capacity })}</Paragraph>
          <ProblemAlert error={start.error} />
          <ButtonGroup>
            <Button appearance="primary-action-button" disabled={selected === 0} onClick={() => setConfirming(true)}>
              {t('cohorts.start')}
            </Button>
          </ButtonGroup>
          <ConfirmDialog
            open={confirming}
            title={t('cohorts.startConfirmTitle')}
            message={t('cohorts.startConfirmMessage', { count: selected })}
            confirmLabel={t('cohorts.start')}
            pending={start.pending}
            onConfirm={() => void onStart()}
            onCancel={() => setConfirming(false)}
          />
        </>
      ) : null}
    </section>
  );
}

function CandidatesTable({ candidates, onSelect }: { candidates: CohortCandidate[]; onSelect: (c: CohortCandidate) => void }) {
  const { t } = useTranslation();
  return (
    <ScrollableTable data-testid="candidates" caption={t('cohorts.candidates')} captionHidden>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('cohorts.candidate')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('cohorts.selection')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('cohorts.intakeNote')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('common.actions')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {candidates.map((c) => {
          const name = participantName(c.client, t);
          return (
            <TableRow key={c.enrolmentId} data-candidate={name}>
              <TableCell>
                <ParticipantCell client={c.client} />
              </TableCell>
              <TableCell data-testid="candidate-status">
                {t(`cohorts.candidateStatuses.${c.status}`)}
                {c.endReason ? ` (${c.endReason})` : null}
              </TableCell>
              <TableCell className="meedoen-prewrap">{c.intakeNote ?? t('common.none')}</TableCell>
              <TableCell>
                {c.policies.select ? (
                  <Button appearance="subtle-button" aria-label={t('cohorts.recordSelectionFor', { name })} onClick={() => onSelect(c)}>
                    {t('cohorts.recordSelection')}
                  </Button>
                ) : null}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </ScrollableTable>
  );
}

function InviteForm({ cohort, onInvited }: { cohort: CohortOverview; onInvited: (message: string) => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [picked, setPicked] = useState<PickedClient[]>([]);
  const [pickerKey, setPickerKey] = useState(0);
  const [error, setError] = useState<string>();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (picked.length === 0) {
      setError(t('cohorts.inviteRequired'));
      return;
    }
    setError(undefined);
    const body = { clientIds: picked.map((c) => c.id) };
    if (await submit.run(() => api.post<unknown>(`/api/cohorts/${encodeURIComponent(cohort.id)}/invitations`, body).then(() => undefined))) {
      const count = picked.length;
      setPicked([]);
      setPickerKey((k) => k + 1);
      onInvited(t('cohorts.invited', { count }));
    }
  };

  return (
    <>
      <Heading3 id="invite-heading">{t('cohorts.inviteHeading')}</Heading3>
      <ClientPicker key={pickerKey} idPrefix="invite" multiple picked={picked} onChange={setPicked} excluded={enrolledClientIds(cohort)} />
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="invite-heading" className="meedoen-form">
        <ProblemAlert error={submit.error} />
        <FormError message={error} />
        <FormActions submitLabel={t('cohorts.invite', { count: picked.length })} pending={submit.pending} />
      </form>
    </>
  );
}
