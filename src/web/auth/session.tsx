import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect } from 'react';
import type { z } from 'zod';
import type { loginRequest, Me } from '../../contracts/auth';
import { isApiError, NETWORK_ERROR } from '../api/api-error';
import { api, onUnauthenticated, setCsrfToken } from '../api/client';

export const meQueryKey = ['auth', 'me'] as const;

/**
 * The last signed-in user, kept so that the installed app opens without a connection (entries are
 * queued offline and sent later with the same session). Cleared on logout and when the server
 * says the session is gone; the server still checks every request.
 */
const OFFLINE_ME_KEY = 'ekinerja.me';

function rememberMe(me: Me | null) {
  try {
    if (me) localStorage.setItem(OFFLINE_ME_KEY, JSON.stringify(me));
    else localStorage.removeItem(OFFLINE_ME_KEY);
  } catch {
    // Storage may be unavailable (private mode): the app then simply needs a connection to open.
  }
}

function recallMe(): Me | null {
  try {
    const stored = localStorage.getItem(OFFLINE_ME_KEY);
    return stored ? (JSON.parse(stored) as Me) : null;
  } catch {
    return null;
  }
}

/** The current user, or null when nobody is signed in; without a connection, the last one seen. */
async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/api/auth/me');
    setCsrfToken(me.csrfToken);
    rememberMe(me);
    return me;
  } catch (error) {
    if (isApiError(error) && error.code === 'UNAUTHENTICATED') {
      setCsrfToken(null);
      rememberMe(null);
      return null;
    }
    const remembered = isApiError(error) && error.code === NETWORK_ERROR ? recallMe() : null;
    if (remembered) {
      setCsrfToken(remembered.csrfToken);
      return remembered;
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
        rememberMe(null);
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
      rememberMe(me);
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
      rememberMe(null);
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
