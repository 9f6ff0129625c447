import { useState } from 'react';
import { useSubmit } from '../../components/use-submit.ts';

/**
 * The create-and-edit state of an admin list page (modules, projects): one submission each, the
 * item being edited (its heading gets focus), a key that empties the create form after success,
 * and the confirmation message.
 */
export function useListEditing<T>(editHeadingId: string, reload: () => void) {
  const create = useSubmit();
  const edit = useSubmit();
  const [editing, setEditing] = useState<T | null>(null);
  const [createKey, setCreateKey] = useState(0);
  const [message, setMessage] = useState<string>();

  /** Sends a new item; on success empties the form, confirms and reloads. */
  const submitCreate = async (send: () => Promise<unknown>, confirmation: string) => {
    setMessage(undefined);
    if (await create.run(() => send().then(() => undefined))) {
      setMessage(confirmation);
      setCreateKey((k) => k + 1);
      reload();
    }
  };
  /** Sends a change; on success closes the edit form, confirms and reloads. */
  const submitEdit = async (send: () => Promise<unknown>, confirmation: string) => {
    setMessage(undefined);
    if (await edit.run(() => send().then(() => undefined))) {
      setEditing(null);
      setMessage(confirmation);
      reload();
    }
  };
  const startEdit = (item: T) => {
    edit.clear();
    setEditing(item);
    requestAnimationFrame(() => document.getElementById(editHeadingId)?.focus());
  };
  return { create, edit, editing, startEdit, stopEdit: () => setEditing(null), createKey, message, submitCreate, submitEdit };
}
