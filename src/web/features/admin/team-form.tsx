import { Button, ButtonGroup } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client.ts';
import type { Municipality } from '../../api/types.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fieldErrors } from '../../components/problem-message.ts';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';

/** The values the team form collects; an empty municipalityId means "no municipality". */
export type TeamFormValues = { name: string; municipalityId: string };

type Props = {
  idPrefix: string;
  labelledBy: string;
  submitLabel: string;
  initial: TeamFormValues;
  municipalities: Municipality[];
  error: ApiError | undefined;
  pending: boolean;
  onSubmit: (values: TeamFormValues) => void;
  onCancel?: () => void;
};

/** Create or rename a team and link it to a municipality. */
export function TeamForm({ idPrefix, labelledBy, submitLabel, initial, municipalities, error, pending, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const errors = fieldErrors(error, t);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(values);
  };
  return (
    <form onSubmit={submit} aria-labelledby={labelledBy} className="meedoen-form">
      <ProblemAlert error={error} id={`${idPrefix}-problem`} />
      <TextField
        id={`${idPrefix}-name`}
        label={t('teams.name')}
        required
        autoComplete="off"
        value={values.name}
        onChange={(name) => setValues((v) => ({ ...v, name }))}
        error={errors.name}
      />
      <SelectField
        id={`${idPrefix}-municipality`}
        label={t('teams.municipality')}
        value={values.municipalityId}
        onChange={(municipalityId) => setValues((v) => ({ ...v, municipalityId }))}
        emptyLabel={t('common.noneOption')}
        options={municipalities.map((m) => ({ value: m.id, label: m.name }))}
        error={errors.municipalityId}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={pending} disabled={pending}>
          {submitLabel}
        </Button>
        {onCancel ? (
          <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        ) : null}
      </ButtonGroup>
    </form>
  );
}
