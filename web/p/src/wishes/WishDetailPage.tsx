import { useState } from 'react';
import { PublicApiError } from '../ui/http';
import { Layout } from '../ui/Layout';
import { PhoneVerify } from '../ui/PhoneVerify';
import { clearPublicToken, type PublicToken, readPublicToken } from '../ui/public-token';
import { Link } from '../ui/router';
import { ErrorBox, Loading } from '../ui/states';
import { useLoad } from '../ui/use-load';
import { claimWish, getWish, yuan } from './api';
import './wishes.css';
import { formatChineseDate } from '../../../../src/domain/dates';

/** /p/wishes/:id — a wish, and claiming it with a verified phone (one donor wins; the wish locks). */
export default function WishDetailPage({ params }: { params: Record<string, string> }) {
  const id = params.id;
  const { data: wish, error, loading, reload, replace } = useLoad(() => getWish(id), [id]);
  const [token, setToken] = useState<PublicToken | null>(() => readPublicToken('claim'));
  const [verifying, setVerifying] = useState(false);
  const [busy, setBusy] = useState(false);
  const [claimError, setClaimError] = useState<string | null>(null);
  const [done, setDone] = useState<{ dueOn: string; phoneMasked: string } | null>(null);

  const claim = async (t: PublicToken) => {
    setBusy(true);
    setClaimError(null);
    try {
      const r = await claimWish(id, t.token);
      // the claim's own answer carries the locked wish: show it at once, with the confirmation
      replace(r.wish);
      setDone(r.claim);
      setVerifying(false);
    } catch (e) {
      if (e instanceof PublicApiError && e.status === 401) {
        clearPublicToken('claim');
        setToken(null);
        setVerifying(true);
      }
      setClaimError(e instanceof PublicApiError ? e.message : '网络异常，请稍后重试');
    } finally {
      setBusy(false);
    }
  };

  if (loading && !wish) return <Layout title="心愿详情" back="/p/wishes"><Loading /></Layout>;
  if (error && !wish) return <Layout title="心愿详情" back="/p/wishes"><ErrorBox error={error} onRetry={reload} /></Layout>;
  if (!wish) return null;
  return (
    <Layout title="心愿详情" back="/p/wishes">
      <section className="p-card">
        <div className="w-head">
          <h2 className="w-title">{wish.title}</h2>
          <span className="w-value">{yuan(wish.valueYuan)}</span>
        </div>
        <div className="w-meta">
          <span>编号 {wish.id}</span>
          <span>{wish.maskedName}（{wish.kind}）</span>
          <span className={`p-tag ${wish.status === 'fulfilled' ? 'w-done' : ''}`} data-testid="wish-status">{wish.statusLabel}</span>
        </div>
        <p className="w-story">{wish.story}</p>
        <p className="p-muted">征集单位：{wish.unitName}{wish.publishedOn ? ` · 发布于 ${formatChineseDate(wish.publishedOn)}` : ''}</p>
      </section>
      {done ? (
        <div className="p-ok" role="status" data-testid="claim-done">
          认领成功！请在 {formatChineseDate(done.dueOn)} 前将心愿物品送到{wish.unitName}（或与工作人员联系），逾期未送达将自动释放给其他爱心人士。验证手机：{done.phoneMasked}
        </div>
      ) : null}
      {wish.status === 'published' && !done ? (
        <section className="p-form">
          <p className="p-muted">认领后请在 {wish.claimDays ?? 15} 天内送达。一个心愿只能由一位爱心人士认领。</p>
          {claimError ? <p className="p-error-text" role="alert">{claimError}</p> : null}
          {token && !verifying ? (
            <button type="button" className="p-btn p-btn-block" disabled={busy} onClick={() => void claim(token)}>
              {busy ? '正在认领…' : `认领这个心愿（${token.phoneMasked}）`}
            </button>
          ) : verifying ? (
            <PhoneVerify
              purpose="claim"
              hint="请验证手机号后认领（号码只用于联系送达，不会公开）。"
              onVerified={(t) => {
                setToken(t);
                void claim(t);
              }}
            />
          ) : (
            <button type="button" className="p-btn p-btn-block" onClick={() => setVerifying(true)}>
              我来认领
            </button>
          )}
        </section>
      ) : null}
      <Link to="/p/my-claims">我认领的心愿 ›</Link>
    </Layout>
  );
}
