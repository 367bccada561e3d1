import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect } from 'react';
import type { z } from 'zod';
import type { loginRequest, Me } from '../../contracts/auth';
import { isApiError } from '../api/api-error';
import { api, onUnauthenticated, setCsrfToken } from '../api/client';

export const meQueryKey = ['auth', 'me'] as const;

/** The current user, or null when nobody is signed in. */
async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/api/auth/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (isApiError(error) && error.code === 'UNAUTHENTICATED') {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useMeQuery() {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      onUnauthenticated(() => {
        setCsrfToken(null);
        queryClient.setQueryData(meQueryKey, null);
      }),
    [queryClient],
  );
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof loginRequest>) => api.post<Me>('/api/auth/login', input),
    meta: { isErrorShownInline: true },
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      // Nothing cached for a previous user may leak into this session.
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, me);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>('/api/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}

const SessionContext = createContext<Me | null>(null);
export const SessionProvider = SessionContext.Provider;

/** The signed-in user; only valid below the route guard, which renders nothing without one. */
export function useSession(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession must be used below <RequireSession>');
  return me;
}
