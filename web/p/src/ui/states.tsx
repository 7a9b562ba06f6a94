import type { ReactNode } from 'react';
import { PublicApiError } from './http';

export function Loading({ text = '加载中…' }: { text?: string }) {
  return (
    <div className="p-state" role="status">
      <span className="p-spinner" aria-hidden="true" />
      {text}
    </div>
  );
}

export function ErrorBox({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const message = error instanceof PublicApiError ? error.message : '网络异常，请稍后重试';
  return (
    <div className="p-error" role="alert">
      <p>{message}</p>
      {onRetry ? (
        <button type="button" className="p-btn p-btn-ghost" onClick={onRetry}>
          重试
        </button>
      ) : null}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="p-state p-muted">{children}</div>;
}
