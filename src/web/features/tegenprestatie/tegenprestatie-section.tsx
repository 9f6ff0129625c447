import { Button, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TEGENPRESTATIE_DECISIONS, TEGENPRESTATIE_DEFAULT_GROUND } from '../../../shared/placements.ts';
import { api } from '../../api/client.ts';
import type { TegenprestatieDecisionItem } from '../../api/placement-types.ts';
import type { ClientDetail, List } from '../../api/types.ts';
import { ChoiceGroup } from '../../components/choice-group.tsx';
import { formatDate } from '../../components/format.ts';
import { FormActions } from '../../components/form-actions.tsx';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert, StatusMessage } from '../../components/problem-alert.tsx';
import { TextField } from '../../components/text-field.tsx';
import { TextareaField } from '../../components/textarea-field.tsx';
import { useApi } from '../../components/use-api.ts';
import { useSubmit } from '../../components/use-submit.ts';
import { checkFields, orNull, serverFieldErrors } from '../placements/form-errors.ts';

/** Tegenprestatie: almost never imposed; when a decision is taken, it is recorded with its ground and period. */
export function TegenprestatieSection({ client, onChanged }: { client: ClientDetail; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const decisions = useApi<List<TegenprestatieDecisionItem> & { policies: { decide: boolean } }>(`/api/clients/${encodeURIComponent(client.id)}/tegenprestatie`);
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string>();
  const date = (d: string) => formatDate(d, i18n.language);

  return (
    <section aria-labelledby="tegenprestatie-heading" id="tegenprestatie">
      <Heading2 id="tegenprestatie-heading">{t('tegenprestatie.title')}</Heading2>
      <StatusMessage message={message} />
      {decisions.loading && !decisions.data ? <Loading /> : null}
      <ProblemAlert error={decisions.error} />
      {decisions.data ? (
        decisions.data.items.length === 0 ? (
          <Paragraph>{t('tegenprestatie.none')}</Paragraph>
        ) : (
          <ul className="meedoen-plain-list">
            {decisions.data.items.map((d) => (
              <li key={d.id} className="meedoen-card" data-decision={d.decision}>
                <Heading3>{`${t(`tegenprestatie.decisions.${d.decision}`)} — ${date(d.decidedOn)}`}</Heading3>
                <dl className="meedoen-facts">
                  <div>
                    <dt>{t('tegenprestatie.legalGround')}</dt>
                    <dd>{d.legalGround}</dd>
                  </div>
                  {d.period ? (
                    <div>
                      <dt>{t('tegenprestatie.period')}</dt>
                      <dd>{`${date(d.period.startsOn)} – ${date(d.period.endsOn)}`}</dd>
                    </div>
                  ) : null}
                  {d.activity ? (
                    <div>
                      <dt>{t('tegenprestatie.activity')}</dt>
                      <dd>{d.hoursPerWeek ? t('tegenprestatie.activityHours', { activity: d.activity, hours: d.hoursPerWeek }) : d.activity}</dd>
                    </div>
                  ) : null}
                  <div>
                    <dt>{t('tegenprestatie.decidedBy')}</dt>
                    <dd>{d.decidedBy ?? t('common.none')}</dd>
                  </div>
                  {d.note ? (
                    <div>
                      <dt>{t('tegenprestatie.note')}</dt>
                      <dd>{d.note}</dd>
                    </div>
                  ) : null}
                </dl>
              </li>
            ))}
          </ul>
        )
      ) : null}
      {decisions.data?.policies.decide ? (
        open ? (
          <>
            <Heading3 id="tegenprestatie-form-heading" tabIndex={-1}>
              {t('tegenprestatie.record')}
            </Heading3>
            <DecisionForm
              clientId={client.id}
              onCancel={() => setOpen(false)}
              onSaved={() => {
                setOpen(false);
                setMessage(t('tegenprestatie.saved'));
                decisions.reload();
                onChanged();
              }}
            />
          </>
        ) : (
          <Button
            appearance="secondary-action-button"
            onClick={() => {
              setMessage(undefined);
              setOpen(true);
              requestAnimationFrame(() => document.getElementById('tegenprestatie-form-heading')?.focus());
            }}
          >
            {t('tegenprestatie.record')}
          </Button>
        )
      ) : null}
    </section>
  );
}

function DecisionForm({ clientId, onSaved, onCancel }: { clientId: string; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [decision, setDecision] = useState('');
  const [legalGround, setLegalGround] = useState(TEGENPRESTATIE_DEFAULT_GROUND);
  const [decidedOn, setDecidedOn] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [activity, setActivity] = useState('');
  const [hours, setHours] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const server = serverFieldErrors(submit.error, t);
  const imposed = decision === 'opgelegd';
  const err = (field: string) => errors[field] ?? server[field];

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!decision) next.decision = t('tegenprestatie.decisionRequired');
    if (!legalGround.trim()) next.legalGround = t('tegenprestatie.legalGroundRequired');
    if (!decidedOn) next.decidedOn = t('tegenprestatie.decidedOnRequired');
    if (imposed && !startsOn) next.startsOn = t('tegenprestatie.periodRequired');
    if (imposed && !endsOn) next.endsOn = t('tegenprestatie.periodRequired');
    if (imposed && !activity.trim()) next.activity = t('tegenprestatie.activityRequired');
    if (!checkFields(next, 'tegenprestatie', setErrors)) return;
    const body = {
      decision,
      legalGround: legalGround.trim(),
      decidedOn,
      note: orNull(note),
      ...(imposed ? { startsOn, endsOn, activity: activity.trim(), hoursPerWeek: hours ? Number(hours) : null } : {}),
    };
    const ok = await submit.run(() => api.post<unknown>(`/api/clients/${encodeURIComponent(clientId)}/tegenprestatie`, body).then(() => undefined));
    if (ok) onSaved();
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="tegenprestatie-form-heading" className="meedoen-form">
      <ProblemAlert error={submit.error} />
      <ChoiceGroup
        id="tegenprestatie-decision"
        legend={t('tegenprestatie.decision')}
        required
        value={decision}
        onChange={setDecision}
        choices={TEGENPRESTATIE_DECISIONS.map((d) => ({ value: d, label: t(`tegenprestatie.decisions.${d}`) }))}
        error={err('decision')}
      />
      <TextField id="tegenprestatie-legalGround" label={t('tegenprestatie.legalGround')} required value={legalGround} onChange={setLegalGround} error={err('legalGround')} />
      <TextField id="tegenprestatie-decidedOn" label={t('tegenprestatie.decidedOn')} type="date" required value={decidedOn} onChange={setDecidedOn} error={err('decidedOn')} />
      {imposed ? (
        <>
          <TextField id="tegenprestatie-startsOn" label={t('tegenprestatie.startsOn')} type="date" required value={startsOn} onChange={setStartsOn} error={err('startsOn')} />
          <TextField id="tegenprestatie-endsOn" label={t('tegenprestatie.endsOn')} type="date" required value={endsOn} onChange={setEndsOn} error={err('endsOn')} />
          <TextField id="tegenprestatie-activity" label={t('tegenprestatie.activity')} required value={activity} onChange={setActivity} error={err('activity')} />
          <TextField id="tegenprestatie-hoursPerWeek" label={t('tegenprestatie.hoursPerWeekOptional')} inputMode="decimal" value={hours} onChange={setHours} error={err('hoursPerWeek')} />
        </>
      ) : null}
      <TextareaField id="tegenprestatie-note" label={t('tegenprestatie.noteOptional')} value={note} onChange={setNote} rows={2} />
      <FormActions submitLabel={t('tegenprestatie.recordSubmit')} pending={submit.pending} onCancel={onCancel} />
    </form>
  );
}
