import { Button, ButtonGroup } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fieldErrors } from '../../components/problem-message.ts';
import { TextField } from '../../components/text-field.tsx';

/** The values the municipality form collects, as typed. */
export type MunicipalityFormValues = { name: string; cbsCode: string; inhabitants: string };

type Props = {
  idPrefix: string;
  labelledBy: string;
  submitLabel: string;
  initial: MunicipalityFormValues;
  error: ApiError | undefined;
  pending: boolean;
  onSubmit: (values: MunicipalityFormValues) => void;
  onCancel?: () => void;
};

/** Create or edit a municipality (name, CBS code GMxxxx, inhabitants). */
export function MunicipalityForm({ idPrefix, labelledBy, submitLabel, initial, error, pending, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const errors = fieldErrors(error, t);
  const set = (key: keyof MunicipalityFormValues) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(values);
  };
  return (
    <form onSubmit={submit} aria-labelledby={labelledBy} className="meedoen-form">
      <ProblemAlert error={error} id={`${idPrefix}-problem`} />
      <TextField
        id={`${idPrefix}-name`}
        label={t('municipalities.name')}
        required
        autoComplete="off"
        value={values.name}
        onChange={set('name')}
        error={errors.name}
      />
      <TextField
        id={`${idPrefix}-cbsCode`}
        label={t('municipalities.cbsCode')}
        description={t('municipalities.cbsCodeHint')}
        required
        autoComplete="off"
        pattern="GM[0-9]{4}"
        value={values.cbsCode}
        onChange={set('cbsCode')}
        error={errors.cbsCode}
      />
      <TextField
        id={`${idPrefix}-inhabitants`}
        label={t('municipalities.inhabitants')}
        type="number"
        min={0}
        inputMode="numeric"
        value={values.inhabitants}
        onChange={set('inhabitants')}
        error={errors.inhabitants}
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
