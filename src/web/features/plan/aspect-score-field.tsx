import { FormFieldErrorMessage } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { HEALTH_SCORE_MAX, HEALTH_SCORE_MIN, type HealthAspect } from '../../../shared/positive-health.ts';
import { CheckboxField } from '../../components/checkbox-field.tsx';

const SCORES = Array.from({ length: HEALTH_SCORE_MAX - HEALTH_SCORE_MIN + 1 }, (_, i) => HEALTH_SCORE_MIN + i);

type Props = {
  aspect: HealthAspect;
  score: number | undefined;
  talk: boolean;
  error?: string;
  onScore: (score: number) => void;
  onTalk: (talk: boolean) => void;
};

/**
 * One aspect of the web: a fieldset whose legend names the aspect, the scores 0–10 as native
 * radio buttons in a row, and the "hier wil ik over praten" checkbox.
 */
export function AspectScoreField({ aspect, score, talk, error, onScore, onTalk }: Props) {
  const { t } = useTranslation();
  const id = `ph-${aspect}`;
  const errorId = `${id}-error`;
  // The step explains the scale once (ph-scale-hint); every aspect refers to it.
  const hintId = 'ph-scale-hint';
  return (
    <fieldset className="meedoen-aspect" id={id} aria-describedby={[hintId, error ? errorId : ''].filter(Boolean).join(' ')} aria-invalid={error ? true : undefined}>
      <legend>{t(`positiveHealth.aspects.${aspect}`)}</legend>
      {error ? <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage> : null}
      <div className="meedoen-score-scale">
        {SCORES.map((n) => (
          <label key={n} className="meedoen-score-scale__option" htmlFor={`${id}-${n}`}>
            <input type="radio" id={`${id}-${n}`} name={id} value={n} checked={score === n} onChange={() => onScore(n)} />
            {n}
          </label>
        ))}
      </div>
      <CheckboxField id={`${id}-talk`} label={t('positiveHealth.talkCheckbox')} checked={talk} onChange={onTalk} />
    </fieldset>
  );
}
