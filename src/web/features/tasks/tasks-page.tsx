import { Button, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { query } from '../../api/client.ts';
import type { List, Task } from '../../api/types.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert, StatusMessage } from '../../components/problem-alert.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { useApi } from '../../components/use-api.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { TaskForm } from './task-form.tsx';
import { TasksTable } from './tasks-table.tsx';
import { useCompleteTask } from './use-complete-task.ts';

/** "Taken": open or completed tasks, own or the team's, with the filter in the URL; complete and create. */
export function TasksPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get('status');
  const status = asked === 'afgerond' || asked === 'vervallen' ? asked : 'open';
  const scope = params.get('scope') === 'team' ? 'team' : 'mine';
  const tasks = useApi<List<Task>>(`/api/tasks${query({ status, scope })}`);
  const [message, setMessage] = useState<string>();
  const completion = useCompleteTask(() => tasks.reload());
  usePageTitle(t('tasks.title'));

  return (
    <>
      <Heading1>{t('tasks.title')}</Heading1>
      <StatusMessage message={message ?? completion.message} />
      <section aria-labelledby="tasks-filter-heading">
        <Heading2 id="tasks-filter-heading" className="meedoen-visually-hidden">
          {t('tasks.filterHeading')}
        </Heading2>
        <TasksFilter key={`${status}|${scope}`} status={status} scope={scope} onApply={(next) => setParams(next)} />
      </section>
      <ProblemAlert error={completion.error ?? tasks.error} />
      {tasks.loading && !tasks.data ? <Loading /> : null}
      {tasks.data ? (
        tasks.data.items.length === 0 ? (
          <Paragraph role="status">{t('tasks.none')}</Paragraph>
        ) : (
          <TasksTable
            tasks={tasks.data.items}
            caption={t('tasks.title')}
            pendingId={completion.pendingId}
            onComplete={(task) => {
              setMessage(undefined);
              void completion.complete(task);
            }}
          />
        )
      ) : null}
      <section aria-labelledby="task-form-heading">
        <Heading2 id="task-form-heading">{t('tasks.createHeading')}</Heading2>
        <TaskForm
          onSaved={(title) => {
            setMessage(t('tasks.created', { title }));
            tasks.reload();
          }}
        />
      </section>
    </>
  );
}

function TasksFilter({ status, scope, onApply }: { status: string; scope: string; onApply: (p: Record<string, string>) => void }) {
  const { t } = useTranslation();
  const [s, setS] = useState(status);
  const [sc, setSc] = useState(scope);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ status: s, scope: sc });
  };
  return (
    <form onSubmit={submit} className="meedoen-inline-form" aria-labelledby="tasks-filter-heading">
      <SelectField
        id="tasks-status"
        label={t('tasks.status')}
        value={s}
        onChange={setS}
        options={[
          { value: 'open', label: t('taskStatuses.open') },
          { value: 'afgerond', label: t('taskStatuses.afgerond') },
          { value: 'vervallen', label: t('taskStatuses.vervallen') },
        ]}
      />
      <SelectField
        id="tasks-scope"
        label={t('tasks.scope')}
        value={sc}
        onChange={setSc}
        options={[
          { value: 'mine', label: t('tasks.scopeMine') },
          { value: 'team', label: t('tasks.scopeTeam') },
        ]}
      />
      <Button type="submit" appearance="secondary-action-button">
        {t('tasks.show')}
      </Button>
    </form>
  );
}
