import { Checkbox, FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel } from '@utrecht/component-library-react';

/** Props of a labelled checkbox. */
export type CheckboxFieldProps = {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  description?: string;
  error?: string;
  disabled?: boolean;
};

/** A checkbox with its label (and optional hint and error), wired like TextField. */
export function CheckboxField({ id, label, checked, onChange, description, error, disabled }: CheckboxFieldProps) {
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <FormField
      type="checkbox"
      invalid={Boolean(error)}
      label={
        <FormLabel htmlFor={id} type="checkbox">
          {label}
        </FormLabel>
      }
      description={description ? <FormFieldDescription id={descriptionId}>{description}</FormFieldDescription> : undefined}
      errorMessage={error ? <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage> : undefined}
      input={
        <Checkbox
          id={id}
          checked={checked}
          disabled={disabled}
          invalid={Boolean(error)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.checked)}
        />
      }
    />
  );
}
