import { Heading3 } from '@utrecht/component-library-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { CohortCandidate } from '../../api/group-module-types.ts';
import { ChoiceGroup } from '../../components/choice-group.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { TextareaField } from '../../components/textarea-field.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { participantName } from './group-format.ts';
import { FormActions } from './form-parts.tsx';

/** Records the outcome of a candidate's intake conversation: geselecteerd or niet geselecteerd, with a note. */
export function SelectionForm({ candidate, onSaved, onCancel }: { candidate: CohortCandidate; onSaved: (message: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const initial = candidate.status === 'invited' ? '' : candidate.status === 'selected' ? 'yes' : 'no';
  const [choice, setChoice] = useState(initial);
  const [note, setNote] = useState(candidate.intakeNote ?? '');
  const [error, setError] = useState<string>();
  const name = participantName(candidate.client, t);

  useEffect(() => {
    document.getElementById('selection-heading')?.focus();
  }, [candidate.enrolmentId]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!choice) {
      setError(t('cohorts.selectionRequired'));
      document.getElementById('selection-choice-yes')?.focus();
      return;
    }
    setError(undefined);
    const body = { selected: choice === 'yes', ...(note.trim() ? { intakeNote: note.trim() } : {}) };
    const path = `/api/enrolments/${encodeURIComponent(candidate.enrolmentId)}/selection`;
    if (await submit.run(() => api.post<unknown>(path, body).then(() => undefined))) {
      onSaved(choice === 'yes' ? t('cohorts.selectedMessage', { name }) : t('cohorts.notSelectedMessage', { name }));
    }
  };

  return (
    <section aria-labelledby="selection-heading">
      <Heading3 id="selection-heading" tabIndex={-1}>
        {t('cohorts.selectionHeading', { name })}
      </Heading3>
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="selection-heading" className="meedoen-form">
        <ProblemAlert error={submit.error} />
        <ChoiceGroup
          id="selection-choice"
          legend={t('cohorts.selectionQuestion')}
          required
          value={choice}
          onChange={setChoice}
          error={error}
          choices={[
            { value: 'yes', label: t('cohorts.candidateStatuses.selected') },
            { value: 'no', label: t('cohorts.candidateStatuses.not_selected') },
          ]}
        />
        <TextareaField id="selection-note" label={t('cohorts.intakeNoteOptional')} rows={3} value={note} onChange={setNote} />
        <FormActions submitLabel={t('cohorts.saveSelection')} pending={submit.pending} onCancel={onCancel} />
      </form>
    </section>
  );
}
