import { App, Button, Space, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useAuth } from '../app/auth';
import { notifyUnauthorized, toApiError } from './http';
import { useApiError } from './use-api-error';

/**
 * 导出 Excel of a list (masked), and for holders of pii.read the choice 含完整身份证号: asked to
 * confirm, then fetched first (so a refusal shows the server's Chinese message instead of being
 * saved as a file) and saved under the server's file name. The server audits it as a reveal.
 */
export function ExportButton({ href, testId, label = '导出 Excel' }: { href: string; testId: string; label?: string }) {
  const { can } = useAuth();
  const { modal, message } = App.useApp();
  const showError = useApiError();
  const [busy, setBusy] = useState(false);
  const plain = (
    <Button href={href} data-testid={testId}>
      {label}
    </Button>
  );
  if (!can('pii.read')) return plain;
  const full = `${href}${href.includes('?') ? '&' : '?'}fullIdNumbers=true`;
  const confirm = () =>
    modal.confirm({
      title: '导出含完整身份证号的 Excel？',
      content: '文件中的身份证号将完整显示（电话、住址仍脱敏）。本次导出记入审计日志，请妥善保管文件，不得外传。',
      okText: '导出',
      cancelText: '取消',
      okButtonProps: { 'data-testid': `${testId}-full-ok` } as ButtonProps,
      onOk: async () => {
        setBusy(true);
        try {
          await downloadFile(full, 'export.xlsx');
          void message.success('已导出（含完整身份证号，已记入审计）');
        } catch (e) {
          showError(e);
        } finally {
          setBusy(false);
        }
      },
    });
  return (
    <Space.Compact>
      {plain}
      <Button loading={busy} onClick={confirm} data-testid={`${testId}-full`}>
        含完整身份证号
      </Button>
    </Space.Compact>
  );
}

async function downloadFile(url: string, fallback: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw toApiError(0, { error: { code: 'NETWORK', message: '网络连接失败，请检查网络后重试' } });
  }
  if (!res.ok) {
    const json: unknown = await res.json().catch(() => null);
    if (res.status === 401) notifyUnauthorized();
    throw toApiError(res.status, json);
  }
  const m = /filename\*=UTF-8''([^;]+)/i.exec(res.headers.get('content-disposition') ?? '');
  const blob = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = blob;
  a.download = m ? decodeURIComponent(m[1]) : fallback;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(blob), 60_000);
}
