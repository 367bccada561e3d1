import { notifications } from '@mantine/notifications';
import { MutationCache, QueryClient } from '@tanstack/react-query';
import { isApiError, NETWORK_ERROR } from '../api/api-error';

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: {
      /** The form shows the error itself (field errors, an alert), so no toast. */
      isErrorShownInline?: boolean;
    };
  }
}

/** Retry only what may succeed on a second try: network failures, not 4xx answers. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.code !== NETWORK_ERROR && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 30_000 },
      mutations: { retry: false },
    },
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (mutation.meta?.isErrorShownInline) return;
        notifications.show({ color: 'red', message: error.message, autoClose: 8000 });
      },
    }),
  });
}
