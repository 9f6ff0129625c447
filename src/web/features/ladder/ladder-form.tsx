import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../shared/dates.ts';
import { LADDER_OCCASIONS, LADDER_STEPS, deriveLadderStep, type LadderAnswers, type LadderOccasion } from '../../../shared/ladder.ts';
import { api } from '../../api/client.ts';
import { ChoiceGroup } from '../../components/choice-group.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fieldErrors } from '../../components/problem-message.ts';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { TextareaField } from '../../components/textarea-field.tsx';
import { useSubmit } from '../../components/use-submit.ts';

type YesNo = '' | 'yes' | 'no';

/** The questions in the order they are asked; each is only asked when the ones before lead to it. */
type Questions = {
  paidWork: YesNo;
  paidWorkWithSupport: YesNo;
  unpaidWorkWithResponsibility: YesNo;
  organisedActivityWeekly: YesNo;
  socialContactWeekly: YesNo;
};

const NO_ANSWERS: Questions = { paidWork: '', paidWorkWithSupport: '', unpaidWorkWithResponsibility: '', organisedActivityWeekly: '', socialContactWeekly: '' };

/** Which questions are asked, given the answers so far (the derivation in shared/ladder.ts, top-down). */
function askedQuestions(q: Questions): (keyof Questions)[] {
  const asked: (keyof Questions)[] = ['paidWork'];
  if (q.paidWork === 'yes') return [...asked, 'paidWorkWithSupport'];
  if (q.paidWork !== 'no') return asked;
  asked.push('unpaidWorkWithResponsibility');
  if (q.unpaidWorkWithResponsibility !== 'no') return asked;
  asked.push('organisedActivityWeekly');
  if (q.organisedActivityWeekly !== 'no') return asked;
  asked.push('socialContactWeekly');
  return asked;
}

/** The answers as the API takes them, or undefined while a question that is asked is still open. */
function toAnswers(q: Questions): LadderAnswers | undefined {
  const asked = askedQuestions(q);
  if (asked.some((key) => q[key] === '')) return undefined;
  const answers: LadderAnswers = { paidWork: q.paidWork === 'yes' };
  for (const key of asked) if (key !== 'paidWork') answers[key] = q[key] === 'yes';
  return answers;
}

type Props = {
  clientId: string;
  onSaved: (step: number) => void;
  onCancel: () => void;
  /** Where the measurement is sent; a trajectory's start and end measurement go to its referral. */
  path?: string;
  /** The occasions offered, and the one chosen at first (a trajectory offers only its start and end). */
  occasions?: readonly LadderOccasion[];
  initialOccasion?: LadderOccasion;
};

/**
 * "Nieuwe meting": the stepwise questions one after the other, a live preview of the trede they
 * lead to, then growth potential (never below that trede), occasion, date and note.
 */
export function LadderForm({ clientId, onSaved, onCancel, path, occasions = LADDER_OCCASIONS, initialOccasion }: Props) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [questions, setQuestions] = useState<Questions>(NO_ANSWERS);
  const [growth, setGrowth] = useState('');
  const [occasion, setOccasion] = useState<string>(initialOccasion ?? '');
  const [measuredOn, setMeasuredOn] = useState(todayIso());
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const serverErrors = fieldErrors(submit.error, t);
  const answers = toAnswers(questions);
  const derived = answers ? deriveLadderStep(answers) : undefined;

  const answer = (key: keyof Questions) => (value: string) => {
    // Changing an earlier answer clears the ones after it: they may no longer be asked.
    const order = Object.keys(NO_ANSWERS) as (keyof Questions)[];
    const next = { ...questions, [key]: value as YesNo };
    for (const later of order.slice(order.indexOf(key) + 1)) next[later] = '';
    setQuestions(next);
    const nextAnswers = toAnswers(next);
    if (nextAnswers && growth && Number(growth) < deriveLadderStep(nextAnswers)) setGrowth('');
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!answers) next.answers = t('ladder.answerAll');
    if (!growth) next.growthPotential = t('ladder.growthRequired');
    else if (derived && Number(growth) < derived) next.growthPotential = t('errors.growth_below_step');
    if (!occasion) next.occasion = t('ladder.occasionRequired');
    if (!measuredOn) next.measuredOn = t('ladder.dateRequired');
    setErrors(next);
    const firstInvalid = Object.keys(next)[0];
    if (firstInvalid) {
      const target = firstInvalid === 'answers' ? `ladder-${askedQuestions(questions).find((k) => questions[k] === '')}` : `ladder-${firstInvalid}`;
      (document.getElementById(`${target}-yes`) ?? document.getElementById(target))?.focus();
      return;
    }
    const ok = await submit.run(() =>
      api
        .post<unknown>(path ?? `/api/clients/${encodeURIComponent(clientId)}/ladder`, {
          measuredOn,
          occasion,
          answers,
          growthPotential: Number(growth),
          ...(note.trim() ? { note: note.trim() } : {}),
        })
        .then(() => undefined),
    );
    if (ok && derived) onSaved(derived);
  };

  const yesNo = [
    { value: 'yes', label: t('common.yes') },
    { value: 'no', label: t('common.no') },
  ];
  const growthOptions = LADDER_STEPS.filter((s) => !derived || s >= derived);

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="ladder-form-heading" className="meedoen-form">
      <ProblemAlert error={submit.error} />
      {askedQuestions(questions).map((key) => (
        <ChoiceGroup
          key={key}
          id={`ladder-${key}`}
          legend={t(`ladder.questions.${key}`)}
          value={questions[key]}
          choices={yesNo}
          onChange={answer(key)}
          required
          error={errors.answers && questions[key] === '' ? errors.answers : undefined}
        />
      ))}
      <div role="status" aria-live="polite" className="meedoen-preview" data-testid="ladder-preview">
        <Paragraph>
          {derived
            ? t('ladder.preview', { step: derived, name: t(`ladder.steps.${derived}`) })
            : t('ladder.previewPending')}
        </Paragraph>
      </div>
      <SelectField
        id="ladder-growthPotential"
        label={t('ladder.growthPotential')}
        required
        value={growth}
        onChange={setGrowth}
        emptyLabel={t('common.chooseOption')}
        options={growthOptions.map((s) => ({ value: String(s), label: t('ladder.stepLabel', { step: s, name: t(`ladder.steps.${s}`) }) }))}
        error={errors.growthPotential ?? serverErrors.growthPotential}
      />
      <SelectField
        id="ladder-occasion"
        label={t('ladder.occasion')}
        required
        value={occasion}
        onChange={setOccasion}
        emptyLabel={t('common.chooseOption')}
        options={occasions.map((o) => ({ value: o, label: t(`ladder.occasions.${o}`) }))}
        error={errors.occasion ?? serverErrors.occasion}
      />
      <TextField
        id="ladder-measuredOn"
        label={t('ladder.measuredOn')}
        type="date"
        required
        value={measuredOn}
        onChange={setMeasuredOn}
        error={errors.measuredOn ?? serverErrors.measuredOn}
      />
      <TextareaField id="ladder-note" label={t('ladder.noteOptional')} value={note} onChange={setNote} error={serverErrors.note} rows={3} />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={submit.pending} disabled={submit.pending}>
          {t('ladder.submit')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
