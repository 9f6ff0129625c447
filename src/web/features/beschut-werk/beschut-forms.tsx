import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { BeschutApplication } from '../../api/placement-types.ts';
import { ChoiceGroup } from '../../components/choice-group.tsx';
import { FormActions } from '../../components/form-actions.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { TextField } from '../../components/text-field.tsx';
import { TextareaField } from '../../components/textarea-field.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { checkFields, orNull, serverFieldErrors } from '../placements/form-errors.ts';

type FormProps = { onSaved: () => void; onCancel: () => void };

/** One small form of the beschut werk flow: its fields, local checks, and the request it sends. */
function useFlowForm(prefix: string, required: Record<string, [value: string, message: string]>, send: () => Promise<unknown>, onSaved: () => void) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const server = serverFieldErrors(submit.error, t);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const next = Object.fromEntries(Object.entries(required).filter(([, [value]]) => !value.trim()).map(([field, [, message]]) => [field, message]));
    if (!checkFields(next, prefix, setErrors)) return;
    if (await submit.run(async () => void (await send()))) onSaved();
  };
  return { submit, err: (field: string) => errors[field] ?? server[field], onSubmit };
}

/** The coach asks UWV for an advice on beschut werk. */
export function RequestAdviceForm({ clientId, onSaved, onCancel }: FormProps & { clientId: string }) {
  const { t } = useTranslation();
  const [requestedOn, setRequestedOn] = useState('');
  const [note, setNote] = useState('');
  const prefix = 'beschut-request';
  const form = useFlowForm(prefix, { requestedOn: [requestedOn, t('beschutWerk.requestedOnRequired')] }, () => api.post(`/api/clients/${encodeURIComponent(clientId)}/beschut-werk`, { requestedOn, note: orNull(note) }), onSaved);
  return (
    <form onSubmit={(e) => void form.onSubmit(e)} noValidate aria-label={t('beschutWerk.request')} className="meedoen-form">
      <ProblemAlert error={form.submit.error} />
      <TextField id={`${prefix}-requestedOn`} label={t('beschutWerk.requestedOn')} type="date" required value={requestedOn} onChange={setRequestedOn} error={form.err('requestedOn')} />
      <TextareaField id={`${prefix}-note`} label={t('beschutWerk.noteOptional')} value={note} onChange={setNote} rows={2} />
      <FormActions submitLabel={t('beschutWerk.requestSubmit')} pending={form.submit.pending} onCancel={onCancel} />
    </form>
  );
}

/** UWV's advice arrives: positive (waiting list) or negative. */
export function AssessForm({ application, onSaved, onCancel }: FormProps & { application: BeschutApplication }) {
  const { t } = useTranslation();
  const [advice, setAdvice] = useState('');
  const [assessedOn, setAssessedOn] = useState('');
  const prefix = `beschut-assess-${application.id}`;
  const form = useFlowForm(
    prefix,
    { advice: [advice, t('beschutWerk.adviceRequired')], assessedOn: [assessedOn, t('beschutWerk.assessedOnRequired')] },
    () => api.post(`/api/beschut-werk/applications/${encodeURIComponent(application.id)}/assessment`, { advice, assessedOn }, { ifMatch: `"${application.version}"` }),
    onSaved,
  );
  return (
    <form onSubmit={(e) => void form.onSubmit(e)} noValidate aria-label={t('beschutWerk.assess')} className="meedoen-form">
      <ProblemAlert error={form.submit.error} />
      <ChoiceGroup
        id={`${prefix}-advice`}
        legend={t('beschutWerk.advice')}
        required
        value={advice}
        onChange={setAdvice}
        choices={(['positief', 'negatief'] as const).map((a) => ({ value: a, label: t(`beschutWerk.advices.${a}`) }))}
        error={form.err('advice')}
      />
      <TextField id={`${prefix}-assessedOn`} label={t('beschutWerk.assessedOn')} type="date" required value={assessedOn} onChange={setAssessedOn} error={form.err('assessedOn')} />
      <FormActions submitLabel={t('beschutWerk.assessSubmit')} pending={form.submit.pending} onCancel={onCancel} />
    </form>
  );
}

/** No place for a waiting client: a fitness trajectory (werkfit traject) instead. */
export function WerkfitForm({ application, onSaved, onCancel }: FormProps & { application: BeschutApplication }) {
  const { t } = useTranslation();
  const [startsOn, setStartsOn] = useState('');
  const [note, setNote] = useState('');
  const prefix = `beschut-werkfit-${application.id}`;
  const form = useFlowForm(
    prefix,
    { startsOn: [startsOn, t('beschutWerk.werkfitStartsOnRequired')], note: [note, t('beschutWerk.werkfitNoteRequired')] },
    () => api.post(`/api/beschut-werk/applications/${encodeURIComponent(application.id)}/werkfit`, { startsOn, note: note.trim() }, { ifMatch: `"${application.version}"` }),
    onSaved,
  );
  return (
    <form onSubmit={(e) => void form.onSubmit(e)} noValidate aria-label={t('beschutWerk.werkfit')} className="meedoen-form">
      <ProblemAlert error={form.submit.error} />
      <TextField id={`${prefix}-startsOn`} label={t('beschutWerk.werkfitStartsOn')} type="date" required value={startsOn} onChange={setStartsOn} error={form.err('startsOn')} />
      <TextareaField id={`${prefix}-note`} label={t('beschutWerk.werkfitNote')} required value={note} onChange={setNote} rows={2} error={form.err('note')} />
      <FormActions submitLabel={t('beschutWerk.werkfitSubmit')} pending={form.submit.pending} onCancel={onCancel} />
    </form>
  );
}
