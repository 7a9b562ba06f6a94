import { type FormEvent, useState } from 'react';
import { PublicApiError } from '../ui/http';
import { PhoneVerify } from '../ui/PhoneVerify';
import { clearPublicToken, type PublicToken, readPublicToken } from '../ui/public-token';
import { Link } from '../ui/router';
import { type PublicCampaign, sendObjection } from './api';

/**
 * 公示期 objection: the objector verifies a phone first (the number is not shown to anyone in full),
 * may give a name, and writes the objection, optionally about one nominee. Answers are read on
 * /p/my-objections with the same phone.
 */
export function ObjectionForm({ campaign }: { campaign: PublicCampaign }) {
  const [token, setToken] = useState<PublicToken | null>(() => readPublicToken('objection'));
  const [nomineeId, setNomineeId] = useState('');
  const [name, setName] = useState('');
  const [content, setContent] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  if (!token) {
    return (
      <div className="p-card">
        <h2>提出异议</h2>
        <PhoneVerify purpose="objection" hint="对公示名单有异议的，请先验证手机号，以便主办单位核实联系（号码不会公开，也不会保存明文）。" onVerified={setToken} />
      </div>
    );
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (content.trim().length < 5) return setResult({ ok: false, text: '异议内容至少 5 个字' });
    setBusy(true);
    try {
      const r = await sendObjection(campaign.id, { nomineeId: nomineeId || undefined, content: content.trim(), token: token.token, name: name.trim() || undefined });
      setResult({ ok: true, text: r.message });
      setContent('');
    } catch (err) {
      if (err instanceof PublicApiError && err.status === 401) {
        clearPublicToken('objection');
        setToken(null);
      }
      setResult({ ok: false, text: err instanceof PublicApiError ? err.message : '网络异常，请稍后重试' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="p-card p-form" onSubmit={submit}>
      <h2>提出异议</h2>
      <p className="p-muted">已验证手机 {token.phoneMasked}。对公示名单有异议的，请在公示期内如实反映，主办单位将核实答复。</p>
      <label>
        针对
        <select name="nomineeId" value={nomineeId} onChange={(e) => setNomineeId(e.target.value)}>
          <option value="">本次评选</option>
          {campaign.nominees.filter((n) => n.winner).map((n) => (
            <option key={n.id} value={n.id}>
              {n.id} 号 {n.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        姓名（可不填）
        <input name="name" maxLength={50} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        异议内容
        <textarea name="content" rows={4} maxLength={2000} value={content} onChange={(e) => setContent(e.target.value)} />
      </label>
      {result ? <p className={result.ok ? 'p-ok' : 'p-error'} role={result.ok ? 'status' : 'alert'}>{result.text}</p> : null}
      <button type="submit" className="p-btn" disabled={busy}>
        提交异议
      </button>
      <p className="p-muted">
        <Link to="/p/my-objections">查看我的异议和答复</Link>
      </p>
    </form>
  );
}
