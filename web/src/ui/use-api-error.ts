import { App } from 'antd';
import type { FormInstance } from 'antd';
import { useCallback } from 'react';
import { ApiError, type ErrorDetail } from './http';

/** "body.idNumber" → "idNumber"; "categories.1" → "categories" (the field, not the index). */
export function fieldOfPath(path: string): string {
  const parts = path.split(/[./]/).filter((p) => p !== '' && !/^\d+$/.test(p));
  return parts[parts.length - 1] ?? path;
}

/** Puts server-side messages on the form fields they name; returns the ones no field took. */
export function applyErrorDetails(form: FormInstance, details: ErrorDetail[], fields: readonly string[]): ErrorDetail[] {
  const byField = new Map<string, string[]>();
  const rest: ErrorDetail[] = [];
  for (const d of details) {
    const f = fieldOfPath(d.path);
    if (fields.includes(f)) byField.set(f, [...(byField.get(f) ?? []), d.message]);
    else rest.push(d);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return rest;
}

export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error) return err.message;
  return '操作失败，请稍后再试';
}

/**
 * Shows an error the Chinese way: a toast with the server's message, and its details on the form
 * fields when a form is given. A 401 shows nothing: the app is already going to the login page.
 */
export function useApiError() {
  const { message } = App.useApp();
  return useCallback(
    (err: unknown, form?: FormInstance, fields: readonly string[] = []) => {
      if (err instanceof ApiError && err.status === 401) return;
      if (err instanceof ApiError && form && err.details.length > 0) {
        const rest = applyErrorDetails(form, err.details, fields);
        const extra = rest.map((d) => d.message).join('；');
        const text = extra ? `${err.message}：${extra}` : err.message;
        void message.error({ content: text, key: text });
        return;
      }
      // one toast per text: a page whose 30 requests fail alike shows the message once
      const text = errorMessage(err);
      void message.error({ content: text, key: text });
    },
    [message],
  );
}
