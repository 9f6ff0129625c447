import { Alert, Button, ButtonGroup, Heading4, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../shared/dates.ts';
import { HEALTH_DIMENSIONS, HEALTH_FILLED_BY, dimensionMeans, type HealthAnswers, type HealthAspect, type HealthFilledBy } from '../../../shared/positive-health.ts';
import { api } from '../../api/client.ts';
import { ChoiceGroup } from '../../components/choice-group.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fieldErrors } from '../../components/problem-message.ts';
import { TextField } from '../../components/text-field.tsx';
import { TextareaField } from '../../components/textarea-field.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { AspectScoreField } from './aspect-score-field.tsx';
import { formatScore } from './plan-format.ts';
import { planPath, type HealthDetail } from './plan-types.ts';

type Props = {
  clientId: string;
  /** From the list's policies: the coach says who filled it in; a client fills it in alone. */
  chooseFilledBy: boolean;
  onSaved: (measurement: HealthDetail) => void;
  onCancel: () => void;
  /** The id of the heading that names the form. */
  headingId?: string;
};

const REVIEW = HEALTH_DIMENSIONS.length;
const STEPS = HEALTH_DIMENSIONS.length + 1;

/**
 * Filling in the web, one dimension at a time: seven aspects per step, each 0–10 with "hier wil
 * ik over praten", a progress bar and the steps named; then date, who filled it in, a note and
 * the six dimension scores before saving.
 */
export function HealthMeasurementForm({ clientId, chooseFilledBy, onSaved, onCancel, headingId = 'ph-form-heading' }: Props) {
  const { t, i18n } = useTranslation();
  const submit = useSubmit();
  const [step, setStep] = useState(0);
  const [scores, setScores] = useState<Partial<Record<HealthAspect, number>>>({});
  const [talk, setTalk] = useState<Partial<Record<HealthAspect, boolean>>>({});
  const [missing, setMissing] = useState<HealthAspect[]>([]);
  const [measuredOn, setMeasuredOn] = useState(todayIso());
  const [filledBy, setFilledBy] = useState<HealthFilledBy>('client_with_coach');
  const [note, setNote] = useState('');
  const serverErrors = fieldErrors(submit.error, t);

  const stepName = (i: number) => (i === REVIEW ? t('positiveHealth.form.review') : t(`positiveHealth.dimensions.${HEALTH_DIMENSIONS[i]!.code}`));
  const complete = (i: number) => i < REVIEW && HEALTH_DIMENSIONS[i]!.aspects.every((a) => scores[a.code] !== undefined);
  const answers = (): HealthAnswers =>
    Object.fromEntries(HEALTH_DIMENSIONS.flatMap((d) => d.aspects.map((a) => [a.code, { score: scores[a.code] ?? 0, talk: !!talk[a.code] }]))) as HealthAnswers;

  const goTo = (next: number) => {
    setMissing([]);
    setStep(next);
    requestAnimationFrame(() => document.getElementById('ph-step-heading')?.focus());
  };
  const next = () => {
    const open = HEALTH_DIMENSIONS[step]!.aspects.filter((a) => scores[a.code] === undefined).map((a) => a.code);
    if (open.length) {
      setMissing(open);
      requestAnimationFrame(() => document.getElementById(`ph-${open[0]}-0`)?.focus());
      return;
    }
    goTo(step + 1);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (step < REVIEW) return next();
    const firstOpen = HEALTH_DIMENSIONS.findIndex((_, i) => !complete(i));
    if (firstOpen >= 0) return goTo(firstOpen);
    let saved: HealthDetail | undefined;
    const ok = await submit.run(async () => {
      saved = await api.post<HealthDetail>(planPath(clientId, 'health-measurements'), {
        measuredOn,
        answers: answers(),
        ...(chooseFilledBy ? { filledBy } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
    });
    if (ok && saved) onSaved(saved);
  };

  const dimension = HEALTH_DIMENSIONS[step];
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby={headingId} className="meedoen-form" data-testid="health-form">
      <ProblemAlert error={submit.error} />
      <Paragraph id="ph-progress-text">{t('positiveHealth.form.stepOf', { step: step + 1, total: STEPS, name: stepName(step) })}</Paragraph>
      <progress className="meedoen-progress" max={STEPS} value={step + 1} aria-labelledby="ph-progress-text" />
      <ol className="meedoen-stepper" aria-label={t('positiveHealth.form.steps')}>
        {Array.from({ length: STEPS }, (_, i) => (
          <li key={i} aria-current={i === step ? 'step' : undefined}>
            {i + 1}. {stepName(i)}
            {complete(i) && i !== step ? ` (${t('positiveHealth.form.done')})` : ''}
          </li>
        ))}
      </ol>
      <Heading4 id="ph-step-heading" tabIndex={-1}>
        {stepName(step)}
      </Heading4>
      {dimension ? (
        <>
          <Paragraph>{t(`positiveHealth.intros.${dimension.code}`)}</Paragraph>
          <Paragraph id="ph-scale-hint">{t('positiveHealth.scaleHint')}</Paragraph>
          {missing.length ? (
            <Alert type="error" role="alert">
              <Paragraph>{t('positiveHealth.form.answerAll', { count: missing.length })}</Paragraph>
            </Alert>
          ) : null}
          {dimension.aspects.map((a) => (
            <AspectScoreField
              key={a.code}
              aspect={a.code}
              score={scores[a.code]}
              talk={!!talk[a.code]}
              error={missing.includes(a.code) && scores[a.code] === undefined ? t('positiveHealth.form.chooseScore') : undefined}
              onScore={(score) => setScores((s) => ({ ...s, [a.code]: score }))}
              onTalk={(value) => setTalk((s) => ({ ...s, [a.code]: value }))}
            />
          ))}
        </>
      ) : (
        <>
          <ul data-testid="health-form-summary">
            {HEALTH_DIMENSIONS.map((d) => (
              <li key={d.code}>
                {t(`positiveHealth.dimensions.${d.code}`)}: {formatScore(dimensionMeans(answers())[d.code], i18n.language)}
              </li>
            ))}
          </ul>
          <TextField id="ph-measuredOn" label={t('positiveHealth.form.measuredOn')} type="date" required value={measuredOn} onChange={setMeasuredOn} error={serverErrors.measuredOn} />
          {chooseFilledBy ? (
            <ChoiceGroup
              id="ph-filledBy"
              legend={t('positiveHealth.form.filledByQuestion')}
              value={filledBy}
              onChange={(v) => setFilledBy(v as HealthFilledBy)}
              choices={HEALTH_FILLED_BY.map((v) => ({ value: v, label: t(`positiveHealth.filledBy.${v}`) }))}
            />
          ) : null}
          <TextareaField id="ph-note" label={t('positiveHealth.form.noteOptional')} value={note} onChange={setNote} rows={3} error={serverErrors.note} />
        </>
      )}
      <ButtonGroup>
        {step > 0 ? (
          <Button type="button" appearance="secondary-action-button" onClick={() => goTo(step - 1)}>
            {t('positiveHealth.form.previous')}
          </Button>
        ) : null}
        {/* Separate keys: reusing one element as it turns from "Volgende" into the submit button
            would let the browser submit the form on the same click. */}
        {step < REVIEW ? (
          <Button key="next" type="button" appearance="primary-action-button" onClick={next}>
            {t('positiveHealth.form.next')}
          </Button>
        ) : (
          <Button key="save" type="submit" appearance="primary-action-button" busy={submit.pending} disabled={submit.pending}>
            {t('positiveHealth.form.save')}
          </Button>
        )}
        <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
