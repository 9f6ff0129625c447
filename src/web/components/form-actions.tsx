import { Button, ButtonGroup } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';

/** The buttons under a form: the primary action (busy while sending) and, when given, "Annuleren". */
export function FormActions({ submitLabel, pending, onCancel }: { submitLabel: string; pending?: boolean; onCancel?: () => void }) {
  const { t } = useTranslation();
  return (
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
  );
}
