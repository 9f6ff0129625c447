import { Button, ButtonGroup } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { CaseloadPage, TeamCaseloads } from '../../api/types.ts';
import { useAuth } from '../../app/auth-context.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fieldErrors } from '../../components/problem-message.ts';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useApi } from '../../components/use-api.ts';
import { useSubmit } from '../../components/use-submit.ts';
import { clientName } from '../clients/client-name.ts';

/** Creates a manual task, optionally for a client from the caseload and, for whoever manages a team, for a coach. */
export function TaskForm({ onSaved }: { onSaved: (title: string) => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const clients = useApi<CaseloadPage>('/api/caseload?limit=200');
  const team = useApi<TeamCaseloads>(can('team:manage') ? '/api/team/caseloads' : null);
  const submit = useSubmit();
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [clientId, setClientId] = useState('');
  const [assigneeId, setAssigneeId] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const server = fieldErrors(submit.error, t);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!title.trim()) next.title = t('tasks.titleRequired');
    if (!dueOn) next.dueOn = t('tasks.dueOnRequired');
    setErrors(next);
    const first = Object.keys(next)[0];
    if (first) {
      document.getElementById(`task-${first}`)?.focus();
      return;
    }
    const body = { title: title.trim(), dueOn, ...(clientId ? { clientId } : {}), ...(assigneeId ? { assigneeId } : {}) };
    const ok = await submit.run(() => api.post<unknown>('/api/tasks', body).then(() => undefined));
    if (ok) {
      onSaved(body.title);
      setTitle('');
      setDueOn('');
      setClientId('');
      setAssigneeId('');
    }
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="task-form-heading" className="meedoen-form">
      <ProblemAlert error={submit.error} />
      <TextField id="task-title" label={t('tasks.taskTitle')} required value={title} onChange={setTitle} error={errors.title ?? server.title} />
      <TextField id="task-dueOn" label={t('tasks.dueOn')} type="date" required value={dueOn} onChange={setDueOn} error={errors.dueOn ?? server.dueOn} />
      <SelectField
        id="task-clientId"
        label={t('tasks.clientOptional')}
        value={clientId}
        onChange={setClientId}
        emptyLabel={t('common.noneOption')}
        options={(clients.data?.items ?? []).map((c) => ({ value: c.id, label: `${clientName(c)} (${c.clientNumber})` }))}
        error={server.clientId}
      />
      {team.data ? (
        <SelectField
          id="task-assigneeId"
          label={t('tasks.assigneeOptional')}
          value={assigneeId}
          onChange={setAssigneeId}
          emptyLabel={t('tasks.assignSelf')}
          options={team.data.coaches.map((c) => ({ value: c.id, label: c.displayName }))}
          error={server.assigneeId}
        />
      ) : null}
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={submit.pending} disabled={submit.pending}>
          {t('tasks.create')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
