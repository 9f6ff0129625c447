import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { FormActions } from '../../components/form-actions.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fieldErrors } from '../../components/problem-message.ts';
import { TextField } from '../../components/text-field.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { OwnerFields, ownerBody } from './owner-fields.tsx';
import type { GoalOwner } from './plan-types.ts';

/** Adds an action (a step towards a goal) with who does it and when. */
export function ActionForm({ goalId, headingId, onSaved, onCancel }: { goalId: string; headingId: string; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const id = `action-${goalId}`;
  const [description, setDescription] = useState('');
  const [owner, setOwner] = useState<GoalOwner>({ kind: 'client', name: null });
  const [dueOn, setDueOn] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const server = fieldErrors(submit.error, t);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (description.trim().length < 3) next.description = t('plan.action.descriptionRequired');
    if (owner.kind === 'other' && !owner.name?.trim()) next.ownerName = t('plan.owner.nameRequired');
    setErrors(next);
    if (next.description) return document.getElementById(`${id}-description`)?.focus();
    if (next.ownerName) return document.getElementById(`${id}-owner-name`)?.focus();
    const ok = await submit.run(() => api.post(`/api/goals/${goalId}/actions`, { description: description.trim(), owner: ownerBody(owner), dueOn: dueOn || null }).then(() => undefined));
    if (ok) onSaved();
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby={headingId} className="meedoen-form">
      <ProblemAlert error={submit.error} />
      <TextField id={`${id}-description`} label={t('plan.action.description')} required value={description} onChange={setDescription} error={errors.description ?? server.description} />
      <OwnerFields id={id} owner={owner} onChange={setOwner} nameError={errors.ownerName ?? server.owner} />
      <TextField id={`${id}-dueOn`} label={t('plan.dueOnOptional')} type="date" value={dueOn} onChange={setDueOn} error={server.dueOn} />
      <FormActions submitLabel={t('plan.action.add')} pending={submit.pending} onCancel={onCancel} />
    </form>
  );
}
