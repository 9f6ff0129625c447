import {
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Paragraph,
  RadioButton,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { Contract } from '../../api/trajectory-types.ts';
import { formatNumber } from '../../components/format.ts';
import { ladderRange } from '../contracts/contract-figures.ts';

type Props = {
  id: string;
  contracts: Contract[];
  value: string;
  onChange: (contractId: string) => void;
  /** The client's current trede, to say whether a contract's ladder range fits. */
  clientStep: number | null;
  error?: string;
};

/**
 * The contracts that apply to the client today, as radio buttons that each say the provider,
 * the product, the ladder range (and whether the client's trede fits) and how many places are
 * free. A full contract cannot be chosen.
 */
export function ContractChoice({ id, contracts, value, onChange, clientStep, error }: Props) {
  const { t, i18n } = useTranslation();
  const errorId = error ? `${id}-error` : undefined;
  return (
    <Fieldset id={id} invalid={Boolean(error)} aria-describedby={errorId} required>
      <FieldsetLegend>{t('referrals.fields.contractId')}</FieldsetLegend>
      {error ? <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage> : null}
      {contracts.length === 0 ? <Paragraph>{t('referrals.noContracts')}</Paragraph> : null}
      {contracts.map((c) => {
        const inputId = `${id}-${c.id}`;
        const full = c.use.available <= 0;
        const fits = clientStep === null || ((c.ladderFrom ?? 1) <= clientStep && clientStep <= (c.ladderTo ?? 6));
        const details = [
          ladderRange(t, c),
          fits ? null : t('referrals.stepOutsideRange', { step: clientStep }),
          full ? t('referrals.contractFull') : t('referrals.placesFree', { count: c.use.available, free: formatNumber(c.use.available, i18n.language), capacity: formatNumber(c.capacity, i18n.language) }),
        ].filter(Boolean);
        return (
          <FormField
            key={c.id}
            type="radio"
            label={
              <FormLabel htmlFor={inputId} type="radio">
                {c.provider.name} — {c.product}
              </FormLabel>
            }
            description={<FormFieldDescription id={`${inputId}-description`}>{details.join(' · ')}</FormFieldDescription>}
            input={
              <RadioButton
                id={inputId}
                name={id}
                value={c.id}
                checked={value === c.id}
                disabled={full}
                required
                aria-describedby={`${inputId}-description`}
                onChange={() => onChange(c.id)}
              />
            }
          />
        );
      })}
    </Fieldset>
  );
}
