import { noteServerTime, requestStartMs } from '../../shared/clock';
import { humanizeMessage } from './field-labels';

/**
 * The one way the web talks to the server: same-origin cookies, the CSRF header on every write,
 * JSON errors turned into ApiError, and a hook for "session gone" (any 401 → login page).
 */
export interface ErrorDetail {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const base = '/api/v1';
let onUnauthorized: (() => void) | null = null;
let csrfFallback: string | null = null;

/** Registered by the auth provider; called on any 401 except from the login request itself. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

/** The login response carries the token too; used only if the qt_csrf cookie cannot be read. */
export function rememberCsrfToken(token: string | null): void {
  csrfFallback = token;
}

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

/** The readable qt_csrf cookie lives exactly as long as the session cookie (or a remembered token). */
export function mayHaveSession(): boolean {
  return readCookie('qt_csrf') !== null || csrfFallback !== null;
}

type Query = Record<string, string | number | boolean | null | undefined>;

/** Builds `?a=1&b=x`, leaving out empty values. */
export function toQuery(params: Query): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

export interface ApiResponse<T> {
  status: number;
  data: T;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** The CSRF header every write carries (for requests not made through `request`, e.g. uploads). */
export function csrfHeaders(): Record<string, string> {
  const csrf = readCookie('qt_csrf') ?? csrfFallback;
  return csrf ? { 'x-csrf-token': csrf } : {};
}

let onWrite: (() => void) | null = null;

/** Registered by the data cache (shared/api/query): a successful write marks cached answers stale. */
export function setWriteListener(listener: (() => void) | null): void {
  onWrite = listener;
}

/** Called after every successful write, whichever client made it. */
export function notifyWrite(): void {
  onWrite?.();
}

/** Lets an upload made with XMLHttpRequest sign the user out on a 401 like every other request. */
export function notifyUnauthorized(): void {
  onUnauthorized?.();
}

export async function requestWithStatus<T>(method: Method, path: string, body?: unknown): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const csrf = readCookie('qt_csrf') ?? csrfFallback;
    if (csrf) headers['x-csrf-token'] = csrf;
  }
  let res: Response;
  const sent = requestStartMs();
  try {
    res = await fetch(base + path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试');
  }
  noteServerTime(res, sent);
  if (res.status === 204) return { status: 204, data: undefined as T };
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!res.ok) {
    const err = toApiError(res.status, json);
    if (res.status === 401 && path !== '/auth/login') onUnauthorized?.();
    throw err;
  }
  if (method !== 'GET') notifyWrite();
  return { status: res.status, data: json as T };
}

export function toApiError(status: number, json: unknown): ApiError {
  const e = (json as { error?: { code?: string; message?: string; details?: ErrorDetail[] } } | null)?.error;
  if (e && typeof e.message === 'string') {
    const details = Array.isArray(e.details) ? e.details : [];
    // the server heads a validation message with the field's path; a clerk sees the field's Chinese name
    return new ApiError(status, e.code ?? 'ERROR', humanizeMessage(e.message, details.map((d) => d.path)), details);
  }
  const fallback: Record<number, string> = {
    401: '登录已过期，请重新登录',
    403: '没有权限执行此操作',
    404: '记录不存在或无权访问',
    429: '操作过于频繁，请稍后再试',
  };
  return new ApiError(status, 'HTTP', fallback[status] ?? `服务器暂时无法处理请求（${status}），请稍后再试`);
}

export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  return (await requestWithStatus<T>(method, path, body)).data;
}

export const http = {
  get: <T>(path: string, query: Query = {}) => request<T>('GET', path + toQuery(query)),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  del: (path: string) => request<void>('DELETE', path),
};

export interface Page<T> {
  items: T[];
  total: number;
  page?: number;
  pageSize?: number;
}
