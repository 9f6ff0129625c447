import { FormField, FormFieldErrorMessage, FormLabel, Select, SelectOption } from '@utrecht/component-library-react';

/** One option of a SelectField. */
export type Option = { value: string; label: string };

/** Props of a labelled select. */
export type SelectFieldProps = {
  id: string;
  label: string;
  value: string;
  options: Option[];
  onChange: (value: string) => void;
  error?: string;
  required?: boolean;
  /** Label of an empty first option; leave out when a value is required. */
  emptyLabel?: string;
};

/** A select with its label and error message, wired like TextField. */
export function SelectField({ id, label, value, options, onChange, error, required, emptyLabel }: SelectFieldProps) {
  const errorId = error ? `${id}-error` : undefined;
  return (
    <FormField
      invalid={Boolean(error)}
      label={<FormLabel htmlFor={id}>{label}</FormLabel>}
      errorMessage={error ? <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage> : undefined}
      input={
        <Select
          id={id}
          value={value}
          required={required}
          invalid={Boolean(error)}
          aria-invalid={error ? true : undefined}
          aria-describedby={errorId}
          onChange={(event) => onChange(event.target.value)}
        >
          {emptyLabel !== undefined ? <SelectOption value="">{emptyLabel}</SelectOption> : null}
          {options.map((option) => (
            <SelectOption key={option.value} value={option.value}>
              {option.label}
            </SelectOption>
          ))}
        </Select>
      }
    />
  );
}
