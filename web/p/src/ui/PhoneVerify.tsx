import { type FormEvent, useEffect, useState } from 'react';
import { publicApi, PublicApiError } from './http';
import { type OtpPurpose, type PublicToken, savePublicToken } from './public-token';

/**
 * Proves a phone number with a one-time code: POST /api/public/otp/send, then /verify. The token is
 * kept in sessionStorage for `purpose` and handed to onVerified.
 */
export function PhoneVerify({ purpose, onVerified, hint }: { purpose: OtpPurpose; onVerified: (t: PublicToken) => void; hint?: string }) {
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const [wait, setWait] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);

  const fail = (e: unknown) => {
    setError(e instanceof PublicApiError ? e.message : '网络异常，请稍后重试');
    if (e instanceof PublicApiError && e.retryAfter) setWait(e.retryAfter);
  };

  const send = async () => {
    setError(null);
    if (!/^1[3-9]\d{9}$/.test(phone.trim())) return setError('请输入 11 位手机号码');
    setBusy(true);
    try {
      const r = await publicApi<{ phoneMasked: string }>('/otp/send', { method: 'POST', body: { phone: phone.trim(), purpose } });
      setSent(r.phoneMasked);
      setWait(60);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const verify = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!/^\d{6}$/.test(code.trim())) return setError('请输入 6 位验证码');
    setBusy(true);
    try {
      const t = await publicApi<PublicToken>('/otp/verify', { method: 'POST', body: { phone: phone.trim(), purpose, code: code.trim() } });
      savePublicToken(purpose, t);
      onVerified(t);
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="p-card p-form" onSubmit={verify}>
      <p className="p-muted">{hint ?? '为保证公平，请先验证手机号（号码不会公开，也不会保存明文）。'}</p>
      <label>
        手机号
        <input name="phone" inputMode="numeric" autoComplete="tel" maxLength={11} value={phone} onChange={(e) => setPhone(e.target.value)} placeholder="11 位手机号码" />
      </label>
      <div className="p-row">
        <label className="p-grow">
          验证码
          <input name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} value={code} onChange={(e) => setCode(e.target.value)} placeholder="6 位数字" />
        </label>
        <button type="button" className="p-btn p-btn-ghost" disabled={busy || wait > 0} onClick={() => void send()}>
          {wait > 0 ? `${wait} 秒后重发` : sent ? '重新获取' : '获取验证码'}
        </button>
      </div>
      {sent ? <p className="p-muted">验证码已发送至 {sent}，5 分钟内有效。</p> : null}
      {error ? (
        <p className="p-error-text" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="p-btn" disabled={busy || !sent}>
        验证
      </button>
    </form>
  );
}
