import { useCallback, useEffect, useState } from 'react';
import { ApiError, apiExchange } from '../api/client.ts';

/** State of one GET request. */
export type ApiState<T> = {
  data: T | undefined;
  /** The ETag of the last response, for a later If-Match. */
  etag: string | null;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
};

/**
 * Loads a GET resource and reloads it on demand; `path` null means "not yet".
 * The small stand-in for a query library: the UI has few screens and no cache needs.
 */
export function useApi<T>(path: string | null): ApiState<T> {
  const [data, setData] = useState<T>();
  const [etag, setEtag] = useState<string | null>(null);
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(path !== null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (path === null) {
      setLoading(false);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    setError(undefined);
    apiExchange<T>('GET', path, { signal: controller.signal })
      .then((result) => {
        setData(result.data);
        setEtag(result.etag);
        setLoading(false);
      })
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        setError(toApiError(err));
        setData(undefined);
        setLoading(false);
      });
    return () => controller.abort();
  }, [path, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, etag, error, loading, reload };
}

/** Turns anything thrown (network failure included) into an ApiError the UI can explain. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  return new ApiError({ status: 0, code: 'network', detail: err instanceof Error ? err.message : String(err) });
}
