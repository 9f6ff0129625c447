import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, api, setCsrfToken, setUnauthenticatedHandler } from '../api/client.ts';
import type { Session } from '../api/types.ts';

/** What the rest of the UI knows about the session. */
export type AuthState = {
  status: 'loading' | 'anonymous' | 'authenticated';
  session: Session | null;
  login: (email: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
  /** Whether the server granted this permission; navigation and pages ask this, never the role. */
  can: (permission: string) => boolean;
};

const AuthContext = createContext<AuthState | null>(null);

/** Holds the session from /api/auth/me, keeps the CSRF token in the API client and drops the session on any 401. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(null);
  const [status, setStatus] = useState<AuthState['status']>('loading');

  const accept = useCallback((next: Session | null) => {
    setCsrfToken(next?.csrfToken ?? null);
    setSession(next);
    setStatus(next ? 'authenticated' : 'anonymous');
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(() => accept(null));
    const controller = new AbortController();
    api
      .get<Session>('/api/auth/me', { signal: controller.signal, quiet401: true })
      .then(accept)
      .catch((err: unknown) => {
        if (!controller.signal.aborted) accept(null);
        if (!(err instanceof ApiError) && !controller.signal.aborted) console.error(err);
      });
    return () => {
      controller.abort();
      setUnauthenticatedHandler(null);
    };
  }, [accept]);

  const login = useCallback(
    async (email: string, password: string) => {
      accept(await api.post<Session>('/api/auth/login', { email, password }, { quiet401: true }));
    },
    [accept],
  );

  const logout = useCallback(async () => {
    try {
      await api.post<void>('/api/auth/logout', undefined, { quiet401: true });
    } finally {
      accept(null);
    }
  }, [accept]);

  const value = useMemo<AuthState>(() => {
    const permissions = new Set(session?.permissions ?? []);
    return { status, session, login, logout, can: (p) => permissions.has(p) };
  }, [status, session, login, logout]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

/** Access to the session from any component under AuthProvider. */
export function useAuth(): AuthState {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside AuthProvider');
  return value;
}

/** The signed-in session; only for components rendered behind RequireAuth. */
export function useSession(): Session {
  const { session } = useAuth();
  if (!session) throw new Error('useSession used without a session');
  return session;
}
