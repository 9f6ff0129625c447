import { useState } from 'react';
import { useSubmit, type SubmitState } from './use-submit.ts';

/** What an administration page needs to create items and edit one of them at a time. */
export type CreateEdit<T> = {
  create: SubmitState;
  edit: SubmitState;
  /** The item being edited, looked up in the current list so a reload shows its newest version. */
  editing: T | null;
  /** Changes after each creation, to give the create form a fresh key (and empty fields). */
  createKey: number;
  message: string | undefined;
  startEdit: (id: string) => void;
  stopEdit: () => void;
  /** Runs a create request; on success announces `done` and empties the form. */
  runCreate: (action: () => Promise<unknown>, done: string) => Promise<boolean>;
  /** Runs an edit request; on success announces `done` and closes the edit form. */
  runEdit: (action: () => Promise<unknown>, done: string) => Promise<boolean>;
};

/**
 * The create-and-edit state that list administration pages share (providers, partners,
 * contracts): one submit state per form, the item being edited, the status message, and focus
 * moved to the edit form's heading when it opens. `reload` refreshes the list after each request.
 */
export function useCreateEdit<T extends { id: string }>(items: readonly T[] | undefined, editHeadingId: string, reload: () => void): CreateEdit<T> {
  const create = useSubmit();
  const edit = useSubmit();
  const [editingId, setEditingId] = useState<string | null>(null);
  const [createKey, setCreateKey] = useState(0);
  const [message, setMessage] = useState<string>();

  const runCreate = async (action: () => Promise<unknown>, done: string) => {
    setMessage(undefined);
    const ok = await create.run(async () => void (await action()));
    if (ok) {
      setMessage(done);
      setCreateKey((k) => k + 1);
      reload();
    }
    return ok;
  };
  const runEdit = async (action: () => Promise<unknown>, done: string) => {
    setMessage(undefined);
    const ok = await edit.run(async () => void (await action()));
    if (ok) {
      setEditingId(null);
      setMessage(done);
    }
    // Also after a failure: a conflict (412) then shows the newest version to start again from.
    reload();
    return ok;
  };
  return {
    create,
    edit,
    editing: items?.find((item) => item.id === editingId) ?? null,
    createKey,
    message,
    startEdit: (id) => {
      edit.clear();
      setEditingId(id);
      requestAnimationFrame(() => document.getElementById(editHeadingId)?.focus());
    },
    stopEdit: () => setEditingId(null),
    runCreate,
    runEdit,
  };
}
