import { type FormEvent, useState } from 'react';
import { PublicApiError } from '../ui/http';
import { type PublicCampaign, sendObjection } from './api';

/** 公示期 objection: free text, optionally about one nominee. */
export function ObjectionForm({ campaign }: { campaign: PublicCampaign }) {
  const [nomineeId, setNomineeId] = useState('');
  const [content, setContent] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (content.trim().length < 5) return setResult({ ok: false, text: '异议内容至少 5 个字' });
    setBusy(true);
    try {
      const r = await sendObjection(campaign.id, { nomineeId: nomineeId || undefined, content: content.trim() });
      setResult({ ok: true, text: r.message });
      setContent('');
    } catch (err) {
      setResult({ ok: false, text: err instanceof PublicApiError ? err.message : '网络异常，请稍后重试' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="p-card p-form" onSubmit={submit}>
      <h2>提出异议</h2>
      <p className="p-muted">对公示名单有异议的，请在公示期内如实反映，主办单位将核实答复。</p>
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
        异议内容
        <textarea name="content" rows={4} maxLength={2000} value={content} onChange={(e) => setContent(e.target.value)} />
      </label>
      {result ? <p className={result.ok ? 'p-ok' : 'p-error'} role={result.ok ? 'status' : 'alert'}>{result.text}</p> : null}
      <button type="submit" className="p-btn" disabled={busy}>
        提交异议
      </button>
    </form>
  );
}
