import { noteServerTime, requestStartMs } from '../../../shared/clock';

/** JSON calls to /api/public/… from the phone pages. Errors carry the server's Chinese message. */
export class PublicApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfter: number | null = null,
    readonly details: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'PublicApiError';
  }
}

export async function publicApi<T>(path: string, init: { method?: 'GET' | 'POST'; body?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
  let res: Response;
  const sent = requestStartMs();
  try {
    res = await fetch(`/api/public${path}`, {
      method: init.method ?? 'GET',
      headers: { ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: 'omit',
    });
  } catch {
    throw new PublicApiError(0, 'NETWORK', '网络异常，请检查网络后重试');
  }
  noteServerTime(res, sent);
  const data = (await res.json().catch(() => null)) as { error?: { code: string; message: string; details?: { path: string; message: string }[] } } | null;
  if (!res.ok) {
    const retry = Number(res.headers.get('retry-after'));
    const e = data?.error;
    const message = res.status === 429 ? `${e?.message ?? '操作过于频繁'}` : (e?.message ?? `请求失败（${res.status}）`);
    throw new PublicApiError(res.status, e?.code ?? 'HTTP', message, Number.isFinite(retry) && retry > 0 ? retry : null, e?.details ?? []);
  }
  return data as T;
}
