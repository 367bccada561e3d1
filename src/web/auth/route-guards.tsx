import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Me } from '../../contracts/auth';
import type { Role } from '../../contracts/roles';
import { ErrorState } from '../components/error-state';
import { ForbiddenState } from '../components/forbidden-state';
import { SessionProvider, useMeQuery, useSession } from './session';

export const CHANGE_PASSWORD_PATH = '/change-password';

export function FullPageLoader() {
  return (
    <Center h="100dvh">
      <Loader />
    </Center>
  );
}

/** Renders its children only for a signed-in user; forces the password change when the server asks for it. */
export function RequireSession({ children }: { children: ReactNode }) {
  const location = useLocation();
  const meQuery = useMeQuery();
  if (meQuery.isPending) return <FullPageLoader />;
  if (meQuery.isError) return <ErrorState error={meQuery.error} onRetry={() => void meQuery.refetch()} fullPage />;
  const me = meQuery.data;
  if (!me) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (me.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  return <SessionProvider value={me}>{children}</SessionProvider>;
}

/** Shows a "no access" page instead of a page the user's roles (or session facts such as assessesSkp) do not include. */
export function RequireAccess({ isAllowed, children }: { isAllowed: (roles: readonly Role[], me: Me) => boolean; children: ReactNode }) {
  const me = useSession();
  return isAllowed(me.roles, me) ? children : <ForbiddenState />;
}
