import { App } from 'antd';
import type { FormInstance } from 'antd';
import { useCallback } from 'react';
import { labelOfPath } from './field-labels';
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
  const nested: { name: (string | number)[]; errors: string[] }[] = [];
  for (const d of details) {
    const f = fieldOfPath(d.path);
    const path = namePathOf(d.path);
    // a row of a list field (parties.0.name): the error goes on that row's field
    if (path.length > 1 && fields.includes(String(path[0]))) nested.push({ name: path, errors: [d.message] });
    else if (fields.includes(f)) byField.set(f, [...(byField.get(f) ?? []), d.message]);
    else rest.push(d);
  }
  form.setFields([...[...byField].map(([name, errors]) => ({ name, errors })), ...nested]);
  return rest;
}

/** "body.parties.0.name" → ['parties', 0, 'name'], antd's name path. */
export function namePathOf(path: string): (string | number)[] {
  return path
    .split(/[./]/)
    .filter((p) => p !== '' && p !== 'body')
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** A detail no form field took, for a toast: its field named in Chinese, never by its path. */
export function detailText(d: ErrorDetail): string {
  const label = labelOfPath(d.path);
  return label && !d.message.startsWith(label) ? `${label}：${d.message}` : d.message;
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
        const extra = rest.map(detailText).filter((t) => !err.message.endsWith(t)).join('；');
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
