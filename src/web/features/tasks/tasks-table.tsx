import { Button, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { Task } from '../../api/types.ts';
import { formatDate } from '../../components/format.ts';
import { RouterLink } from '../../components/router-link.tsx';
import { ScrollableTable } from '../../components/scrollable-table.tsx';

type Props = {
  tasks: Task[];
  caption: string;
  /** Leave out the client column (on the client's own page). */
  hideClient?: boolean;
  pendingId?: string | null;
  onComplete: (task: Task) => void;
};

/** Tasks with due date, overdue marked in words, and "Afronden" where the task's policy allows it. */
export function TasksTable({ tasks, caption, hideClient, pendingId, onComplete }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <ScrollableTable caption={caption} captionHidden>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('tasks.taskTitle')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('tasks.kind')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('tasks.dueOn')}</TableHeaderCell>
          {hideClient ? null : <TableHeaderCell scope="col">{t('tasks.client')}</TableHeaderCell>}
          <TableHeaderCell scope="col">{t('tasks.assignee')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('common.actions')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {tasks.map((task) => (
          <TableRow key={task.id} data-task-title={task.title}>
            <TableCell>{task.title}</TableCell>
            <TableCell>{t(`taskKinds.${task.kind}`, { defaultValue: task.kind })}</TableCell>
            <TableCell>
              {formatDate(task.dueOn, i18n.language)}
              {task.overdue ? <span className="meedoen-badge meedoen-badge--inline">{t('tasks.overdue')}</span> : null}
            </TableCell>
            {hideClient ? null : (
              <TableCell>
                {task.client ? <RouterLink to={`/clienten/${encodeURIComponent(task.client.id)}`}>{task.client.name}</RouterLink> : t('common.none')}
              </TableCell>
            )}
            <TableCell>{task.assignee?.displayName ?? t('common.none')}</TableCell>
            <TableCell>
              {task.policies.complete && task.status === 'open' ? (
                <Button
                  appearance="secondary-action-button"
                  busy={pendingId === task.id}
                  disabled={pendingId === task.id}
                  aria-label={t('tasks.completeNamed', { title: task.title })}
                  onClick={() => onComplete(task)}
                >
                  {t('tasks.complete')}
                </Button>
              ) : (
                t(`taskStatuses.${task.status}`, { defaultValue: task.status })
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </ScrollableTable>
  );
}
