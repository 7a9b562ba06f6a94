import createClient, { type Middleware } from 'openapi-fetch';
import { ApiError, csrfHeaders, notifyUnauthorized, notifyWrite, toApiError, toQuery } from '../../src/ui/http';
import { noteServerTime, requestStartMs } from '../clock';
import type { paths } from './schema';

/**
 * The web's typed client: every path, parameter, body and answer is the server's own (generated from
 * its OpenAPI document into schema.d.ts by `npm run api:types`). Same rules as `ui/http`: same-origin
 * cookies, the CSRF header on every write, the server's time from `x-server-time`, a failed answer
 * thrown as ApiError with the server's Chinese message, and any 401 (except the login's) signs out.
 */
const sentAt = new WeakMap<Request, number>();

const houseRules: Middleware = {
  onRequest({ request }) {
    request.headers.set('accept', 'application/json');
    if (request.method !== 'GET') for (const [k, v] of Object.entries(csrfHeaders())) request.headers.set(k, v);
    sentAt.set(request, requestStartMs());
    return request;
  },
  async onResponse({ request, response }) {
    noteServerTime(response, sentAt.get(request));
    if (response.ok) {
      if (request.method !== 'GET') notifyWrite();
      return response;
    }
    const text = await response.clone().text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (response.status === 401 && new URL(request.url).pathname !== '/api/v1/auth/login') notifyUnauthorized();
    throw toApiError(response.status, json);
  },
  onError({ error }) {
    return error instanceof ApiError ? error : new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试');
  },
};

export const api = createClient<paths>({
  baseUrl: '',
  credentials: 'same-origin',
  // like ui/http: empty filters ('' / null / undefined) are left out of the query string
  querySerializer: (q) => toQuery(q as Parameters<typeof toQuery>[0]).slice(1),
});
api.use(houseRules);

/** An answer's data; a failed request has already thrown ApiError, so only a 204 leaves it empty. */
export async function data<T>(call: Promise<{ data?: T; error?: unknown }>): Promise<T> {
  const r = await call;
  return r.data as T;
}
