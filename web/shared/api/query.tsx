import { keepPreviousData, MutationCache, QueryCache, QueryClient, QueryClientProvider, useQuery, type QueryKey } from '@tanstack/react-query';
import { App } from 'antd';
import { useCallback, useEffect, type ReactNode } from 'react';
import { ApiError, setWriteListener } from '../../src/ui/http';
import { errorMessage } from '../../src/ui/use-api-error';

/**
 * The one data cache of the staff app (TanStack Query): answers are kept and shared by key, the
 * same request made by two components at once goes out once, and a failing view shows ONE Chinese
 * message — keyed by the page, so ten failing requests of one page (or a refetch that fails again)
 * replace each other's toast instead of stacking. A 401 shows nothing: the app goes to the login page.
 */
type Show = (key: string, text: string) => void;
let show: Show | null = null;

function currentView(): string {
  return typeof window === 'undefined' ? '' : window.location.pathname;
}

export function reportViewError(err: unknown): void {
  if (err instanceof ApiError && err.status === 401) return;
  show?.(`view-error:${currentView()}`, errorMessage(err));
}

export const queryClient = new QueryClient({
  // a failure the page itself shows (its `pageShows` statuses: a 403 drawn as 无权访问) is not toasted as well
  queryCache: new QueryCache({ onError: (err, query) => ((query.meta?.pageShows as number[] | undefined)?.includes(err instanceof ApiError ? err.status : -1) ? undefined : reportViewError(err)) }),
  // a mutation's failure belongs to its form (useApiError puts details on the fields); only one that
  // no caller handles is reported for the view
  mutationCache: new MutationCache({ onError: (err, _v, _c, mutation) => (mutation.options.onError ? undefined : reportViewError(err)) }),
  defaultOptions: {
    queries: {
      // a 4xx answer will not change by asking again; a network or server failure is tried once more
      retry: (count, err) => count < 1 && (!(err instanceof ApiError) || err.status === 0 || err.status >= 500),
      refetchOnWindowFocus: false,
      staleTime: 30_000,
    },
    mutations: { retry: false },
  },
});

// any successful write (through either client) may change what any page shows: cached answers
// become stale, and those on screen are fetched again
setWriteListener(() => void queryClient.invalidateQueries());

export interface ApiQueryState<T> {
  data: T | undefined;
  /** fetching (the first time or again) */
  loading: boolean;
  error: unknown;
  reload: () => void;
}

/**
 * A page's read through the cache: `key` names the answer (feature, what, its parameters), so two
 * components asking the same thing share one request, and a list keeps showing its rows while the
 * next page loads. Failures are reported once for the view (see above), not by the caller.
 */
export function useApiQuery<T>(
  key: QueryKey,
  load: () => Promise<T>,
  options: { enabled?: boolean; keepPrevious?: boolean; pageShows?: number[] } = {},
): ApiQueryState<T> {
  const q = useQuery({
    queryKey: key,
    queryFn: load,
    enabled: options.enabled ?? true,
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
    meta: options.pageShows ? { pageShows: options.pageShows } : undefined,
  });
  const { refetch } = q;
  return { data: q.data, loading: q.isFetching, error: q.error, reload: useCallback(() => void refetch(), [refetch]) };
}

/** Connects the cache's error reports to antd's message (which needs the App context). */
function ErrorBridge() {
  const { message } = App.useApp();
  useEffect(() => {
    show = (key, text) => void message.error({ key, content: text });
    return () => {
      show = null;
    };
  }, [message]);
  return null;
}

export function ApiProvider({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <ErrorBridge />
      {children}
    </QueryClientProvider>
  );
}
