import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { query } from '../../api/client.ts';
import type { List, Task } from '../../api/types.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert, StatusMessage } from '../../components/problem-alert.tsx';
import { RouterLink } from '../../components/router-link.tsx';
import { useApi } from '../../components/use-api.ts';
import { TasksTable } from './tasks-table.tsx';
import { useCompleteTask } from './use-complete-task.ts';

/** The client's open tasks on the dossier, reloaded whenever the dossier changes. */
export function ClientTasksSection({ clientId, refreshKey, onChanged }: { clientId: string; refreshKey: number; onChanged: () => void }) {
  const { t } = useTranslation();
  const tasks = useApi<List<Task>>(`/api/tasks${query({ clientId, status: 'open' })}`);
  const { reload } = tasks;
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    reload();
  }, [refreshKey, reload]);
  const completion = useCompleteTask(() => {
    tasks.reload();
    onChanged();
  });
  return (
    <section aria-labelledby="client-tasks-heading" id="taken">
      <Heading2 id="client-tasks-heading">{t('tasks.openForClient')}</Heading2>
      <StatusMessage message={completion.message} />
      <ProblemAlert error={completion.error ?? tasks.error} />
      {tasks.loading && !tasks.data ? <Loading /> : null}
      {tasks.data ? (
        tasks.data.items.length === 0 ? (
          <Paragraph>{t('tasks.noneOpen')}</Paragraph>
        ) : (
          <TasksTable tasks={tasks.data.items} caption={t('tasks.openForClient')} hideClient pendingId={completion.pendingId} onComplete={(task) => void completion.complete(task)} />
        )
      ) : null}
      <Paragraph>
        <RouterLink to="/taken">{t('tasks.allTasks')}</RouterLink>
      </Paragraph>
    </section>
  );
}
