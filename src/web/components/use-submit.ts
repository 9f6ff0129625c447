import { useCallback, useState } from 'react';
import type { ApiError } from '../api/client.ts';
import { toApiError } from './use-api.ts';

/** State of one form submission: pending flag and the last problem, if any. */
export type SubmitState = {
  pending: boolean;
  error: ApiError | undefined;
  run: (action: () => Promise<void>) => Promise<boolean>;
  clear: () => void;
};

/** Runs a mutating request for a form, capturing the problem+json so fields can show it. */
export function useSubmit(): SubmitState {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError>();
  const run = useCallback(async (action: () => Promise<void>) => {
    setPending(true);
    setError(undefined);
    try {
      await action();
      return true;
    } catch (err) {
      setError(toApiError(err));
      return false;
    } finally {
      setPending(false);
    }
  }, []);
  const clear = useCallback(() => setError(undefined), []);
  return { pending, error, run, clear };
}
