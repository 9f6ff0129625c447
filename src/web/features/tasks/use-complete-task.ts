import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Task } from '../../api/types.ts';
import { useSubmit } from '../../components/use-submit.ts';

/** Completing a task from a table: which one is pending, the problem if any, and a confirmation. */
export function useCompleteTask(onDone: () => void) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [pendingId, setPendingId] = useState<string | null>(null);
  const [message, setMessage] = useState<string>();
  const complete = async (task: Task) => {
    setMessage(undefined);
    setPendingId(task.id);
    const ok = await submit.run(() => api.post<unknown>(`/api/tasks/${encodeURIComponent(task.id)}/complete`).then(() => undefined));
    setPendingId(null);
    if (ok) {
      setMessage(t('tasks.completed', { title: task.title }));
      onDone();
    }
  };
  return { complete, pendingId, message, error: submit.error };
}
