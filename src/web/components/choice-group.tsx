import { Fieldset, FieldsetLegend, FormField, FormFieldErrorMessage, FormLabel, RadioButton } from '@utrecht/component-library-react';

/** One choice of a ChoiceGroup. */
export type Choice = { value: string; label: string };

/** Props of a group of radio buttons. */
export type ChoiceGroupProps = {
  id: string;
  legend: string;
  value: string;
  choices: Choice[];
  onChange: (value: string) => void;
  error?: string;
  required?: boolean;
};

/**
 * Radio buttons in a fieldset whose legend asks the question (WCAG 1.3.1): used for the yes/no
 * questions of the participatieladder and for either/or choices.
 */
export function ChoiceGroup({ id, legend, value, choices, onChange, error, required }: ChoiceGroupProps) {
  const errorId = error ? `${id}-error` : undefined;
  return (
    <Fieldset id={id} invalid={Boolean(error)} aria-describedby={errorId} required={required}>
      <FieldsetLegend>{legend}</FieldsetLegend>
      {error ? <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage> : null}
      {choices.map((choice) => {
        const inputId = `${id}-${choice.value}`;
        return (
          <FormField
            key={choice.value}
            type="radio"
            label={
              <FormLabel htmlFor={inputId} type="radio">
                {choice.label}
              </FormLabel>
            }
            input={
              <RadioButton
                id={inputId}
                name={id}
                value={choice.value}
                checked={value === choice.value}
                required={required}
                onChange={() => onChange(choice.value)}
              />
            }
          />
        );
      })}
    </Fieldset>
  );
}
