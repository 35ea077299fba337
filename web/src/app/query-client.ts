// The query cache: how long answers stay fresh, which failures are retried, and what
// happens when the session ends under the user's feet (any 401 → signed out).
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/http.ts';
import { markSignedOut, sessionKey } from '../auth/session.ts';

export function createQueryClient(): QueryClient {
  const onError = (error: unknown, key?: readonly unknown[]) => {
    if (isApiError(error, 401) && key?.[0] !== sessionKey[0] && queryClient.getQueryData(sessionKey)) markSignedOut(queryClient);
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => onError(error, query.queryKey) }),
    mutationCache: new MutationCache({ onError: (error) => onError(error) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A 4xx will not get better by asking again; network and 5xx failures might.
        retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
