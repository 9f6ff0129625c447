import { Button, ButtonGroup, Heading5, Heading6, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, apiRequest } from '../../api/client.ts';
import { CheckboxField } from '../../components/checkbox-field.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { formatDate } from '../../components/format.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { ActionForm } from './action-form.tsx';
import { GoalForm } from './goal-form.tsx';
import { ownerLabel } from './owner-fields.tsx';
import type { Goal, GoalAction } from './plan-types.ts';

type Props = { clientId: string; goal: Goal; manage: boolean; onChanged: () => void };

/**
 * One goal: what, who, by when, status and progress (bar and percentage), its actions — ticked
 * off by the coach, read as "gedaan / nog doen" by others — and, for the coach, change, add an
 * action, or remove.
 */
export function GoalCard({ clientId, goal, manage, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const [mode, setMode] = useState<'view' | 'edit' | 'action'>('view');
  const [confirm, setConfirm] = useState(false);
  const submit = useSubmit();
  const base = `goal-${goal.id}`;
  const lang = i18n.language;
  const done = goal.actions.filter((a) => a.done).length;

  const focus = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());
  const open = (next: 'edit' | 'action') => {
    setMode(next);
    focus(`${base}-${next}-heading`);
  };
  const close = (opener: string) => {
    setMode('view');
    focus(opener);
  };
  // The tick shows at once; the list reloads when the server has it (or the tick goes back on an error).
  const [ticked, setTicked] = useState<Record<string, boolean>>({});
  const toggle = (action: GoalAction, value: boolean) => {
    setTicked((s) => ({ ...s, [action.id]: value }));
    void submit.run(() => api.patch(`/api/goal-actions/${action.id}`, { done: value }).then(onChanged)).then((ok) => {
      if (!ok) setTicked(({ [action.id]: _, ...rest }) => rest);
    });
  };
  const removeAction = (action: GoalAction) => void submit.run(() => apiRequest('DELETE', `/api/goal-actions/${action.id}`).then(onChanged));
  const removeGoal = () =>
    void submit.run(async () => {
      await apiRequest('DELETE', `/api/goals/${goal.id}`);
      setConfirm(false);
      onChanged();
    });
  const actionMeta = (a: GoalAction) =>
    [t('plan.who', { owner: ownerLabel(a.owner, t) }), a.dueOn ? t('plan.dueBy', { date: formatDate(a.dueOn, lang) }) : null].filter(Boolean).join(' · ');

  return (
    <article className="meedoen-goal" aria-labelledby={`${base}-title`} data-testid="goal">
      <Heading5 id={`${base}-title`}>{goal.description}</Heading5>
      <dl className="meedoen-goal__facts">
        <dt>{t('plan.goal.owner')}</dt>
        <dd>{ownerLabel(goal.owner, t)}</dd>
        <dt>{t('plan.goal.dueOn')}</dt>
        <dd>{goal.dueOn ? formatDate(goal.dueOn, lang) : t('common.none')}</dd>
        <dt>{t('plan.goal.status')}</dt>
        <dd>{t(`plan.goalStatuses.${goal.status}`)}</dd>
        <dt id={`${base}-progress-label`}>{t('plan.goal.progress')}</dt>
        <dd>
          <progress max={100} value={goal.progress} aria-labelledby={`${base}-progress-label`} /> {goal.progress}%
          {goal.actions.length ? ` · ${t('plan.actionsDone', { done, total: goal.actions.length })}` : ''}
        </dd>
      </dl>
      <ProblemAlert error={submit.error} />
      {goal.actions.length ? (
        <ul className="meedoen-goal__actions" aria-label={t('plan.actionsOf', { goal: goal.description })}>
          {goal.actions.map((a) => (
            <li key={a.id}>
              {manage ? (
                <>
                  <CheckboxField id={`action-${a.id}-done`} label={a.description} description={actionMeta(a)} checked={ticked[a.id] ?? a.done} onChange={(v) => toggle(a, v)} />
                  <Button appearance="subtle-button" onClick={() => removeAction(a)} aria-label={t('plan.action.removeNamed', { action: a.description })}>
                    {t('plan.action.remove')}
                  </Button>
                </>
              ) : (
                <Paragraph>
                  <strong>{a.done ? t('plan.action.done') : t('plan.action.todo')}:</strong> {a.description} ({actionMeta(a)})
                </Paragraph>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <Paragraph>{t('plan.noActions')}</Paragraph>
      )}
      {manage && mode === 'edit' ? (
        <>
          <Heading6 id={`${base}-edit-heading`} tabIndex={-1}>
            {t('plan.goal.edit')}
          </Heading6>
          <GoalForm clientId={clientId} goal={goal} headingId={`${base}-edit-heading`} onCancel={() => close(`${base}-edit`)} onSaved={() => (setMode('view'), onChanged())} />
        </>
      ) : null}
      {manage && mode === 'action' ? (
        <>
          <Heading6 id={`${base}-action-heading`} tabIndex={-1}>
            {t('plan.action.new')}
          </Heading6>
          <ActionForm goalId={goal.id} headingId={`${base}-action-heading`} onCancel={() => close(`${base}-action`)} onSaved={() => (setMode('view'), onChanged())} />
        </>
      ) : null}
      {manage && mode === 'view' ? (
        <ButtonGroup>
          <Button id={`${base}-action`} appearance="secondary-action-button" onClick={() => open('action')}>
            {t('plan.action.new')}
          </Button>
          <Button id={`${base}-edit`} appearance="secondary-action-button" onClick={() => open('edit')}>
            {t('plan.goal.edit')}
          </Button>
          <Button appearance="subtle-button" onClick={() => setConfirm(true)}>
            {t('plan.goal.remove')}
          </Button>
        </ButtonGroup>
      ) : null}
      <ConfirmDialog
        open={confirm}
        title={t('plan.goal.removeTitle')}
        message={t('plan.goal.removeMessage', { goal: goal.description })}
        confirmLabel={t('plan.goal.remove')}
        pending={submit.pending}
        onConfirm={removeGoal}
        onCancel={() => setConfirm(false)}
      />
    </article>
  );
}
