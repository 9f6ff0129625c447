import type { Problem } from './types.ts';

/** Thrown for every non-2xx response, carrying the problem+json so the UI can explain it. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ApiError';
  }

  /** The HTTP status, for quick checks such as 404. */
  get status(): number {
    return this.problem.status;
  }
}

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** The session's CSRF token, sent on every non-GET request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when any request (other than the session probe and login) answers 401. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * Options for one request; `quiet401` keeps a 401 from signing the user out (session probe, login);
 * `ifMatch` sends the version the user started from, so the server refuses to overwrite a newer one.
 */
export type RequestOptions = { body?: unknown; signal?: AbortSignal; quiet401?: boolean; ifMatch?: string | null };

/** A response body with the ETag header that came with it (for optimistic concurrency). */
export type ApiResponse<T> = { data: T; etag: string | null };

/** The one fetch wrapper of the web UI: same-origin cookies, CSRF header, problem+json errors. */
export async function apiRequest<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  return (await apiExchange<T>(method, path, options)).data;
}

/** Like apiRequest, but also returns the ETag header, exactly as the server sent it. */
export async function apiExchange<T>(method: Method, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.ifMatch) headers['if-match'] = options.ifMatch;
  if (method !== 'GET') {
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
  }
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    signal: options.signal,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401 && !options.quiet401) onUnauthenticated?.();
    throw new ApiError(problem);
  }
  const etag = response.headers.get('etag');
  if (response.status === 204) return { data: undefined as T, etag };
  const text = await response.text();
  return { data: (text ? JSON.parse(text) : undefined) as T, etag };
}

async function readProblem(response: Response): Promise<Problem> {
  try {
    const body = (await response.json()) as Partial<Problem>;
    return { ...body, status: response.status };
  } catch {
    return { status: response.status, title: response.statusText };
  }
}

/** Shorthands so call sites read like the API documentation. */
export const api = {
  get: <T>(path: string, options?: RequestOptions) => apiRequest<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => apiRequest<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) => apiRequest<T>('PATCH', path, { ...options, body }),
  put: <T>(path: string, body: unknown, options?: RequestOptions) => apiRequest<T>('PUT', path, { ...options, body }),
};

/** Builds a query string, leaving out empty values. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
