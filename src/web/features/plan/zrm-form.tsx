import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../shared/dates.ts';
import { ZRM_DOMAINS, ZRM_SCALE, type ZrmDomain } from '../../../shared/zrm.ts';
import { api } from '../../api/client.ts';
import { FormActions } from '../../components/form-actions.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fieldErrors } from '../../components/problem-message.ts';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { TextareaField } from '../../components/textarea-field.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { planPath } from './plan-types.ts';

type Props = { clientId: string; onSaved: () => void; onCancel: () => void };

/** A new Zelfredzaamheid-Matrix: thirteen domains, each 1–5 with the scale's labels, a date and a note. */
export function ZrmForm({ clientId, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [scores, setScores] = useState<Partial<Record<ZrmDomain, string>>>({});
  const [measuredOn, setMeasuredOn] = useState(todayIso());
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Partial<Record<ZrmDomain, string>>>({});
  const serverErrors = fieldErrors(submit.error, t);
  const options = ZRM_SCALE.map((s) => ({ value: String(s.score), label: t('zrm.scoreLabel', { score: s.score, label: t(`zrm.scale.${s.score}`) }) }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const open = ZRM_DOMAINS.filter((d) => !scores[d.code]);
    setErrors(Object.fromEntries(open.map((d) => [d.code, t('zrm.chooseScore')])));
    if (open.length) {
      document.getElementById(`zrm-${open[0]!.code}`)?.focus();
      return;
    }
    const ok = await submit.run(() =>
      api
        .post(planPath(clientId, 'zrm'), {
          measuredOn,
          scores: Object.fromEntries(ZRM_DOMAINS.map((d) => [d.code, Number(scores[d.code])])),
          ...(note.trim() ? { note: note.trim() } : {}),
        })
        .then(() => undefined),
    );
    if (ok) onSaved();
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="zrm-form-heading" className="meedoen-form" data-testid="zrm-form">
      <ProblemAlert error={submit.error} />
      {ZRM_DOMAINS.map((d) => (
        <SelectField
          key={d.code}
          id={`zrm-${d.code}`}
          label={t(`zrm.domains.${d.code}`)}
          required
          value={scores[d.code] ?? ''}
          onChange={(v) => setScores((s) => ({ ...s, [d.code]: v }))}
          emptyLabel={t('common.chooseOption')}
          options={options}
          error={errors[d.code]}
        />
      ))}
      <TextField id="zrm-measuredOn" label={t('zrm.measuredOn')} type="date" required value={measuredOn} onChange={setMeasuredOn} error={serverErrors.measuredOn} />
      <TextareaField id="zrm-note" label={t('zrm.noteOptional')} value={note} onChange={setNote} rows={3} error={serverErrors.note} />
      <FormActions submitLabel={t('zrm.submit')} pending={submit.pending} onCancel={onCancel} />
    </form>
  );
}
