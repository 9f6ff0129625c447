import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { GOAL_STATUSES, type GoalStatus } from '../../../shared/plan-goals.ts';
import { HEALTH_DIMENSION_CODES, type HealthDimension } from '../../../shared/positive-health.ts';
import { apiExchange } from '../../api/client.ts';
import { FormActions } from '../../components/form-actions.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fieldErrors } from '../../components/problem-message.ts';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { TextareaField } from '../../components/textarea-field.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { OwnerFields, ownerBody } from './owner-fields.tsx';
import { planPath, type Goal, type GoalOwner } from './plan-types.ts';

type Props = {
  clientId: string;
  /** The goal to change; without it a new goal is set. */
  goal?: Goal;
  /** A dimension to start a new goal under. */
  dimension?: HealthDimension;
  headingId: string;
  onSaved: () => void;
  onCancel: () => void;
};

/** Sets a goal (dimension, what, who, when) or changes one, with its status and progress. */
export function GoalForm({ clientId, goal, dimension, headingId, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const id = goal ? `goal-${goal.id}` : 'goal-new';
  const [values, setValues] = useState({
    dimension: goal?.dimension ?? dimension ?? '',
    description: goal?.description ?? '',
    owner: goal?.owner ?? ({ kind: 'client', name: null } as GoalOwner),
    dueOn: goal?.dueOn ?? '',
    status: goal?.status ?? 'open',
    progress: String(goal?.progress ?? 0),
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const server = fieldErrors(submit.error, t);
  const set = <K extends keyof typeof values>(key: K) => (value: (typeof values)[K]) => setValues((v) => ({ ...v, [key]: value }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!values.dimension) next.dimension = t('plan.goal.dimensionRequired');
    if (values.description.trim().length < 3) next.description = t('plan.goal.descriptionRequired');
    if (values.owner.kind === 'other' && !values.owner.name?.trim()) next.ownerName = t('plan.owner.nameRequired');
    const progress = Number(values.progress);
    if (goal && (!Number.isInteger(progress) || progress < 0 || progress > 100)) next.progress = t('plan.goal.progressInvalid');
    setErrors(next);
    const first = Object.keys(next)[0];
    if (first) {
      document.getElementById(first === 'ownerName' ? `${id}-owner-name` : `${id}-${first}`)?.focus();
      return;
    }
    const body = { dimension: values.dimension, description: values.description.trim(), owner: ownerBody(values.owner), dueOn: values.dueOn || null };
    const ok = await submit.run(async () => {
      if (goal) await apiExchange('PATCH', `/api/goals/${goal.id}`, { body: { ...body, status: values.status, progress }, ifMatch: `"${goal.version}"` });
      else await apiExchange('POST', planPath(clientId, 'goals'), { body });
    });
    if (ok) onSaved();
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby={headingId} className="meedoen-form">
      <ProblemAlert error={submit.error} />
      <SelectField
        id={`${id}-dimension`}
        label={t('plan.goal.dimension')}
        required
        value={values.dimension}
        onChange={(v) => set('dimension')(v as HealthDimension)}
        emptyLabel={t('common.chooseOption')}
        options={HEALTH_DIMENSION_CODES.map((d) => ({ value: d, label: t(`positiveHealth.dimensions.${d}`) }))}
        error={errors.dimension ?? server.dimension}
      />
      <TextareaField id={`${id}-description`} label={t('plan.goal.description')} required rows={2} value={values.description} onChange={set('description')} error={errors.description ?? server.description} />
      <OwnerFields id={id} owner={values.owner} onChange={set('owner')} nameError={errors.ownerName ?? server.owner} />
      <TextField id={`${id}-dueOn`} label={t('plan.dueOnOptional')} type="date" value={values.dueOn} onChange={set('dueOn')} error={server.dueOn} />
      {goal ? (
        <>
          <SelectField
            id={`${id}-status`}
            label={t('plan.goal.status')}
            value={values.status}
            onChange={(v) => set('status')(v as GoalStatus)}
            options={GOAL_STATUSES.map((s) => ({ value: s, label: t(`plan.goalStatuses.${s}`) }))}
          />
          <TextField id={`${id}-progress`} label={t('plan.goal.progressPercent')} type="number" inputMode="numeric" min={0} max={100} step={5} value={values.progress} onChange={set('progress')} error={errors.progress ?? server.progress} />
        </>
      ) : null}
      <FormActions submitLabel={goal ? t('common.save') : t('plan.goal.add')} pending={submit.pending} onCancel={onCancel} />
    </form>
  );
}
