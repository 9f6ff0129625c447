import { Heading3 } from '@utrecht/component-library-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { GroupClient } from '../../api/group-module-types.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fieldErrors } from '../../components/problem-message.ts';
import { TextField } from '../../components/text-field.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { ClientPicker, type PickedClient } from '../group-modules/client-picker.tsx';
import { FormActions, FormError } from '../group-modules/form-parts.tsx';

/** Today as 'YYYY-MM-DD' in the user's time zone, the usual date of joining or leaving. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

type AddProps = { projectId: string; known: ReadonlySet<string>; onSaved: (message: string) => void; onCancel: () => void };

/** Adds a client from the caller's scope to a project, from a date (today by default). */
export function AddParticipantForm({ projectId, known, onSaved, onCancel }: AddProps) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [picked, setPicked] = useState<PickedClient[]>([]);
  const [joinedOn, setJoinedOn] = useState(today);
  const [error, setError] = useState<string>();
  const server = fieldErrors(submit.error, t);
  const client = picked[0];

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!client) {
      setError(t('cohorts.clientRequired'));
      return;
    }
    setError(undefined);
    const body = { clientId: client.id, joinedOn };
    if (await submit.run(() => api.post<unknown>(`/api/projects/${encodeURIComponent(projectId)}/participants`, body).then(() => undefined))) {
      onSaved(t('projects.participantAdded', { name: client.name }));
    }
  };

  return (
    <>
      <ClientPicker idPrefix="project-client" picked={picked} onChange={setPicked} excluded={known} />
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="project-add-heading" className="meedoen-form">
        <ProblemAlert error={submit.error} />
        <FormError message={error} />
        <TextField id="project-joinedOn" label={t('projects.joinedOn')} type="date" required value={joinedOn} onChange={setJoinedOn} error={server.joinedOn} />
        <FormActions submitLabel={t('projects.addParticipant')} pending={submit.pending} onCancel={onCancel} />
      </form>
    </>
  );
}

type EndProps = { projectId: string; client: NonNullable<GroupClient>; onSaved: (message: string) => void; onCancel: () => void };

/** Ends a client's participation in a project on a date (today by default). */
export function EndParticipationForm({ projectId, client, onSaved, onCancel }: EndProps) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [leftOn, setLeftOn] = useState(today);
  const server = fieldErrors(submit.error, t);

  useEffect(() => {
    document.getElementById('project-end-heading')?.focus();
  }, [client.id]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const path = `/api/projects/${encodeURIComponent(projectId)}/participants/${encodeURIComponent(client.id)}/leave`;
    if (await submit.run(() => api.post<unknown>(path, { leftOn }).then(() => undefined))) {
      onSaved(t('projects.participationEnded', { name: client.name }));
    }
  };

  return (
    <section aria-labelledby="project-end-heading">
      <Heading3 id="project-end-heading" tabIndex={-1}>
        {t('projects.endNamed', { name: client.name })}
      </Heading3>
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="project-end-heading" className="meedoen-form">
        <ProblemAlert error={submit.error} />
        <TextField id="project-leftOn" label={t('projects.leftOn')} type="date" required value={leftOn} onChange={setLeftOn} error={server.leftOn} />
        <FormActions submitLabel={t('projects.end')} pending={submit.pending} onCancel={onCancel} />
      </form>
    </section>
  );
}
