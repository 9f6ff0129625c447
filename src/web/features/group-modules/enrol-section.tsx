import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { CohortOverview, EnrolmentResult } from '../../api/group-module-types.ts';
import { CheckboxField } from '../../components/checkbox-field.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { ClientPicker, type PickedClient } from './client-picker.tsx';
import { FormActions, FormError } from './form-parts.tsx';

/** Ids of the clients this cohort already knows (placed, waiting or invited), so they are not offered again. */
export function enrolledClientIds(cohort: CohortOverview): Set<string> {
  const rows = [...cohort.participants, ...cohort.waitingList, ...cohort.candidates];
  return new Set(rows.flatMap((r) => (r.client ? [r.client.id] : [])));
}

/**
 * Enrols a client from the caller's own scope. Before sending it says what will happen: a seat
 * when one is free, else a place on the waiting list (with voorrang ahead of the others).
 */
export function EnrolSection({ cohort, onEnrolled }: { cohort: CohortOverview; onEnrolled: (message: string) => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [picked, setPicked] = useState<PickedClient[]>([]);
  const [priority, setPriority] = useState(false);
  const [pickerKey, setPickerKey] = useState(0);
  const [error, setError] = useState<string>();
  const client = picked[0];

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!client) {
      setError(t('cohorts.clientRequired'));
      return;
    }
    setError(undefined);
    let result: EnrolmentResult | undefined;
    const body = { clientId: client.id, ...(priority ? { priority: true } : {}) };
    const ok = await submit.run(async () => {
      result = await api.post<EnrolmentResult>(`/api/cohorts/${encodeURIComponent(cohort.id)}/enrolments`, body);
    });
    if (!ok || !result) return;
    setPicked([]);
    setPriority(false);
    setPickerKey((k) => k + 1);
    onEnrolled(
      result.status === 'placed'
        ? t('cohorts.enrolledPlaced', { name: client.name })
        : t('cohorts.enrolledWaiting', { name: client.name, position: result.position ?? cohort.counts.waiting + 1 }),
    );
  };

  return (
    <section aria-labelledby="cohort-enrol-heading" id="aanmelden">
      <Heading2 id="cohort-enrol-heading">{t('cohorts.enrolHeading')}</Heading2>
      <ClientPicker key={pickerKey} idPrefix="enrol" picked={picked} onChange={setPicked} excluded={enrolledClientIds(cohort)} />
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="cohort-enrol-heading" className="meedoen-form">
        <ProblemAlert error={submit.error} />
        <FormError message={error} />
        {cohort.counts.free === 0 ? (
          <CheckboxField id="enrol-priority" label={t('cohorts.enrolWithPriority')} checked={priority} onChange={setPriority} />
        ) : null}
        <Paragraph data-testid="enrol-preview" aria-live="polite">
          {client ? <EnrolPreview name={client.name} cohort={cohort} priority={priority} /> : t('cohorts.enrolPickFirst')}
        </Paragraph>
        <FormActions submitLabel={t('cohorts.enrol')} pending={submit.pending} />
      </form>
    </section>
  );
}

function EnrolPreview({ name, cohort, priority }: { name: string; cohort: CohortOverview; priority: boolean }) {
  const { t } = useTranslation();
  if (cohort.counts.free > 0) return <>{t('cohorts.previewPlaced', { name, free: cohort.counts.free })}</>;
  if (priority) return <>{t('cohorts.previewWaitingPriority', { name })}</>;
  return <>{t('cohorts.previewWaiting', { name, position: cohort.counts.waiting + 1 })}</>;
}
