import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client.ts';
import { problemMessage } from './problem-message.ts';

/** Shows an API problem as an error alert that screen readers announce. */
export function ProblemAlert({ error, id }: { error: ApiError | undefined; id?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert type="error" role="alert" id={id}>
      <Paragraph>{problemMessage(error, t)}</Paragraph>
    </Alert>
  );
}

/**
 * Confirms a completed action. The live region stays in the page so the message is announced
 * when it appears; the inner alert's own role is switched off to avoid a nested live region.
 */
export function StatusMessage({ message }: { message: string | undefined }) {
  return (
    <div role="status" aria-live="polite">
      {message ? (
        <Alert type="ok" role="none">
          <Paragraph>{message}</Paragraph>
        </Alert>
      ) : null}
    </div>
  );
}
