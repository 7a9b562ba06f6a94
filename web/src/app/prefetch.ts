/**
 * Requests started before the page that needs them has loaded (while the session check and the
 * page's code are still on their way), handed to that page once. A failed early request is dropped
 * so the page asks again.
 */
const early = new Map<string, Promise<unknown>>();

export function prefetch<T>(key: string, load: () => Promise<T>): void {
  const p = load();
  early.set(key, p);
  p.catch(() => {
    if (early.get(key) === p) early.delete(key);
  });
}

/** The early request for `key`, if one was started and not taken yet. */
export function takePrefetched<T>(key: string): Promise<T> | undefined {
  const p = early.get(key) as Promise<T> | undefined;
  early.delete(key);
  return p;
}
