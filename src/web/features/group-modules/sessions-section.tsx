import { Button, ButtonGroup, Heading2, Heading3, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { CohortOverview, CohortSession } from '../../api/group-module-types.ts';
import { formatDateTime } from '../../components/format.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fieldErrors } from '../../components/problem-message.ts';
import { TextField } from '../../components/text-field.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { AttendanceRegister } from './attendance-register.tsx';
import { FormActions } from './form-parts.tsx';
import { ScrollableTable } from '../../components/scrollable-table.tsx';

type Props = {
  cohort: CohortOverview;
  /** The register may be kept (participants' attendance counts changed) or the list grew. */
  onChanged: (message?: string) => void;
  canRecord: boolean;
};

/** The sessions (bijeenkomsten) with attendance counts; the register per session; adding a session. */
export function SessionsSection({ cohort, onChanged, canRecord }: Props) {
  const { t, i18n } = useTranslation();
  const [openId, setOpenId] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const sessions = [...cohort.sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const title = (s: CohortSession) => `${formatDateTime(s.startsAt, i18n.language)}${s.topic ? ` — ${s.topic}` : ''}`;
  const open = sessions.find((s) => s.id === openId);

  return (
    <section aria-labelledby="cohort-sessions-heading" id="bijeenkomsten">
      <Heading2 id="cohort-sessions-heading">{t('cohorts.sessions')}</Heading2>
      {sessions.length === 0 ? (
        <Paragraph>{t('cohorts.noSessions')}</Paragraph>
      ) : (
        <ScrollableTable data-testid="sessions" caption={t('cohorts.sessionsCaption')} captionHidden>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('cohorts.sessionStartsAt')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('cohorts.topic')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('cohorts.attendance.aanwezig')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('cohorts.attendance.afgemeld')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('cohorts.attendance.afwezig')}</TableHeaderCell>
              {canRecord ? <TableHeaderCell scope="col">{t('common.actions')}</TableHeaderCell> : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {sessions.map((s) => (
              <TableRow key={s.id} data-session-topic={s.topic ?? ''}>
                <TableCell>{formatDateTime(s.startsAt, i18n.language)}</TableCell>
                <TableCell>{s.topic ?? t('common.none')}</TableCell>
                <TableCell data-testid="count-aanwezig">{s.attendance.aanwezig}</TableCell>
                <TableCell data-testid="count-afgemeld">{s.attendance.afgemeld}</TableCell>
                <TableCell data-testid="count-afwezig">{s.attendance.afwezig}</TableCell>
                {canRecord ? (
                  <TableCell>
                    <Button
                      appearance="subtle-button"
                      aria-expanded={openId === s.id}
                      aria-label={t('cohorts.registerFor', { session: title(s) })}
                      onClick={() => {
                        setOpenId(openId === s.id ? null : s.id);
                        requestAnimationFrame(() => document.getElementById('attendance-heading')?.focus());
                      }}
                    >
                      {t('cohorts.register')}
                    </Button>
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </ScrollableTable>
      )}
      {open ? <AttendanceRegister key={open.id} sessionId={open.id} title={title(open)} onSaved={() => onChanged()} /> : null}
      {cohort.policies.manage ? (
        adding ? (
          <SessionForm
            cohortId={cohort.id}
            onCancel={() => setAdding(false)}
            onSaved={(topic) => {
              setAdding(false);
              onChanged(t('cohorts.sessionAdded', { topic }));
            }}
          />
        ) : (
          <ButtonGroup>
            <Button
              appearance="secondary-action-button"
              onClick={() => {
                setAdding(true);
                requestAnimationFrame(() => document.getElementById('session-form-heading')?.focus());
              }}
            >
              {t('cohorts.addSession')}
            </Button>
          </ButtonGroup>
        )
      ) : null}
    </section>
  );
}

/** A 'YYYY-MM-DDTHH:mm' local time from a datetime-local input as an ISO timestamp. */
function toIso(local: string): string {
  return new Date(local).toISOString();
}

function SessionForm({ cohortId, onSaved, onCancel }: { cohortId: string; onSaved: (topic: string) => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const submit = useSubmit();
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [topic, setTopic] = useState('');
  const [error, setError] = useState<string>();
  const server = fieldErrors(submit.error, t);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!startsAt) {
      setError(t('cohorts.sessionStartsAtRequired'));
      document.getElementById('session-startsAt')?.focus();
      return;
    }
    setError(undefined);
    const body = { startsAt: toIso(startsAt), ...(endsAt ? { endsAt: toIso(endsAt) } : {}), ...(topic.trim() ? { topic: topic.trim() } : {}) };
    const ok = await submit.run(() => api.post<unknown>(`/api/cohorts/${encodeURIComponent(cohortId)}/sessions`, body).then(() => undefined));
    if (ok) onSaved(topic.trim() || formatDateTime(body.startsAt, i18n.language));
  };

  return (
    <>
      <Heading3 id="session-form-heading" tabIndex={-1}>
        {t('cohorts.addSession')}
      </Heading3>
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="session-form-heading" className="meedoen-form">
        <ProblemAlert error={submit.error} />
        <TextField id="session-startsAt" label={t('cohorts.sessionStartsAt')} type="datetime-local" required value={startsAt} onChange={setStartsAt} error={error ?? server.startsAt} />
        <TextField id="session-endsAt" label={t('cohorts.sessionEndsAtOptional')} type="datetime-local" value={endsAt} onChange={setEndsAt} error={server.endsAt} />
        <TextField id="session-topic" label={t('cohorts.topicOptional')} autoComplete="off" value={topic} onChange={setTopic} error={server.topic} />
        <FormActions submitLabel={t('cohorts.saveSession')} pending={submit.pending} onCancel={onCancel} />
      </form>
    </>
  );
}
