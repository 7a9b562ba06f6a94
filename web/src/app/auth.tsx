import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Permission } from '../../../src/domain/roles';
import { type CurrentUser, fetchMe, login as apiLogin, logout as apiLogout } from '../features/auth/api';
import { queryClient } from '../../shared/api/query';
import { ApiError, mayHaveSession, setUnauthorizedHandler } from '../ui/http';

interface AuthState {
  /** undefined while the first /auth/me is in flight; null when signed out. */
  user: CurrentUser | null | undefined;
  can: (p: Permission) => boolean;
  login: (username: string, password: string) => Promise<CurrentUser>;
  logout: () => Promise<void>;
  refresh: () => Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<CurrentUser | null | undefined>(undefined);

  const refresh = useCallback(async () => {
    try {
      setUser(await fetchMe());
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setUser(null);
      else throw e;
    }
  }, []);

  useEffect(() => {
    // any 401 anywhere signs the user out; RequireAuth then sends them to /login
    setUnauthorizedHandler(() => setUser(null));
    // no session cookie: straight to the login page, without a 401 round trip
    if (!mayHaveSession()) setUser(null);
    else refresh().catch(() => setUser(null));
    return () => setUnauthorizedHandler(null);
  }, [refresh]);

  // another user (or none) must never see the answers cached for the previous one
  const userId = user?.id;
  useEffect(() => {
    queryClient.clear();
  }, [userId]);

  const login = useCallback(async (username: string, password: string) => {
    await apiLogin(username, password);
    const me = await fetchMe();
    setUser(me);
    return me;
  }, []);

  const logout = useCallback(async () => {
    try {
      await apiLogout();
    } finally {
      setUser(null);
    }
  }, []);

  const value = useMemo<AuthState>(
    () => ({ user, can: (p) => Boolean(user?.permissions.includes(p)), login, logout, refresh }),
    [user, login, logout, refresh],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth must be used inside AuthProvider');
  return ctx;
}

/** The signed-in user; only for pages behind RequireAuth. */
export function useCurrentUser(): CurrentUser {
  const { user } = useAuth();
  if (!user) throw new Error('useCurrentUser needs a signed-in user');
  return user;
}
