import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import type { Permission } from '../../../src/domain/roles';
import { ForcedPasswordChange } from '../features/auth/components/ForcedPasswordChange';
import { Forbidden, PageLoading } from '../ui/states';
import { useAuth } from './auth';

/** Signed-out users go to /login (and come back after); a missing permission shows 无权访问. */
export function RequireAuth({ children, permission }: { children: ReactNode; permission?: Permission }) {
  const { user, can } = useAuth();
  const location = useLocation();
  if (user === undefined) return <PageLoading />;
  if (user === null) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (user.mustChangePassword) return <ForcedPasswordChange />;
  if (permission && !can(permission)) return <Forbidden />;
  return <>{children}</>;
}
