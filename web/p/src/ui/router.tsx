import { type ComponentType, type LazyExoticComponent, type MouseEvent, type ReactNode, Suspense, useEffect, useState } from 'react';
import { Layout } from './Layout';
import { Loading } from './states';

/** A route of the public bundle: a path pattern (`/p/campaigns/:id`) and its page. */
export interface PublicRoute {
  path: string;
  page: LazyExoticComponent<ComponentType<{ params: Record<string, string> }>> | ComponentType<{ params: Record<string, string> }>;
}

/** `/p/campaigns/:id` against `/p/campaigns/01ab` → { id: '01ab' }; null when it does not match. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) params[want[i].slice(1)] = decodeURIComponent(got[i]);
    else if (want[i] !== got[i]) return null;
  }
  return params;
}

const listeners = new Set<() => void>();

/** Client-side navigation (history API); a tiny router keeps the bundle small. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.scrollTo(0, 0);
  listeners.forEach((l) => l());
}

function useLocationPath(): string {
  const [path, setPath] = useState(() => location.pathname);
  useEffect(() => {
    const update = () => setPath(location.pathname);
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return path;
}

export function Link({ to, children, className }: { to: string; children: ReactNode; className?: string }) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={onClick} className={className}>
      {children}
    </a>
  );
}

export function Router({ routes }: { routes: PublicRoute[] }) {
  const path = useLocationPath().replace(/\/+$/, '') || '/p';
  for (const r of routes) {
    const params = matchPath(r.path, path);
    if (params) {
      const Page = r.page;
      return (
        <Suspense fallback={<Loading />}>
          <Page key={path} params={params} />
        </Suspense>
      );
    }
  }
  return (
    <Layout title="页面不存在">
      <p className="p-muted">您访问的页面不存在或已下线。</p>
      <Link to="/p">返回首页</Link>
    </Layout>
  );
}
