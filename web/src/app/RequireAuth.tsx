import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import type { Permission } from '../../../src/domain/roles';
import { ForcedPasswordChange } from '../features/auth/components/ForcedPasswordChange';
import { Forbidden, PageLoading } from '../ui/states';
import { useAuth } from './auth';

/** Signed-out users go to /login (and come back after); a missing permission shows 无权访问. */
export function RequireAuth({ children, permission, orCaseHandler }: { children: ReactNode; permission?: Permission; orCaseHandler?: boolean }) {
  const { user, can } = useAuth();
  const location = useLocation();
  if (user === undefined) return <PageLoading />;
  if (user === null) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (user.mustChangePassword) return <ForcedPasswordChange />;
  if (permission && !can(permission) && !(orCaseHandler && user.caseHandler)) return <Forbidden />;
  return <>{children}</>;
}
