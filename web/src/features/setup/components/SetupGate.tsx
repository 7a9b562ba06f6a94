import { useEffect, useState, type ReactNode } from 'react';
import { Navigate } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { PageLoading } from '../../../ui/states';
import { fetchSetupStatus } from '../api';

/**
 * The home page for everyone, except a system administrator of a county whose tree is still
 * empty (started without the demo): they land on 首次设置 first.
 */
export function SetupGate({ children }: { children: ReactNode }) {
  const { can } = useAuth();
  const mayWrite = can('org.write');
  const [state, setState] = useState<'checking' | 'setup' | 'ready'>(mayWrite ? 'checking' : 'ready');
  useEffect(() => {
    if (!mayWrite) return;
    let live = true;
    fetchSetupStatus()
      .then((s) => live && setState(s.empty && s.canSetUp ? 'setup' : 'ready'))
      .catch(() => live && setState('ready'));
    return () => {
      live = false;
    };
  }, [mayWrite]);
  if (state === 'checking') return <PageLoading />;
  if (state === 'setup') return <Navigate to="/setup" replace />;
  return <>{children}</>;
}
