// Who is signed in. The session cookie is httpOnly, so the app asks the server
// (GET /auth/session) on start and keeps the answer — user, permissions, CSRF token — in the
// query cache under ['session']; null means signed out.
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { api, isApiError, setCsrfToken } from '../api/http.ts';
import type { LoginResponse, Me } from '../api/contracts.ts';

export const sessionKey = ['session'] as const;

async function fetchSession(): Promise<Me | null> {
  try {
    const me = await api<Me>('/api/v1/auth/session');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (isApiError(error, 401)) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export const sessionQuery = queryOptions({
  queryKey: sessionKey,
  queryFn: fetchSession,
  staleTime: Infinity,
  retry: false,
});

export async function signIn(queryClient: QueryClient, credentials: { email: string; password: string }): Promise<Me> {
  const result = await api<LoginResponse>('/api/v1/auth/login', { method: 'POST', body: credentials });
  setCsrfToken(result.csrfToken);
  queryClient.setQueryData(sessionKey, result.user);
  return result.user;
}

export async function signOut(queryClient: QueryClient): Promise<void> {
  try {
    await api<void>('/api/v1/auth/logout', { method: 'POST' });
  } catch (error) {
    // An expired session is already signed out; anything else is worth telling.
    if (!isApiError(error, 401)) throw error;
  }
  markSignedOut(queryClient);
}

/** Forgets everything the signed-in user could see. */
export function markSignedOut(queryClient: QueryClient): void {
  setCsrfToken(null);
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
  queryClient.setQueryData(sessionKey, null);
}

/**
 * Only paths of this app after sign-in: never another site (open redirect). Without one, the
 * home page, which sends each role to its first screen (store staff: the counter).
 */
export function safeRedirect(target: unknown): string {
  return typeof target === 'string' && target.startsWith('/') && !target.startsWith('//') && !target.startsWith('/login') ? target : '/';
}
