import { useState } from 'react';
import { PublicApiError } from '../ui/http';
import { Layout } from '../ui/Layout';
import { PhoneVerify } from '../ui/PhoneVerify';
import { clearPublicToken, type PublicToken, readPublicToken } from '../ui/public-token';
import { Link } from '../ui/router';
import { ErrorBox, Loading } from '../ui/states';
import { useLoad } from '../ui/use-load';
import { type ClaimDone, claimWish, getWish, yuan } from './api';
import { ClaimConfirm } from './ClaimConfirm';
import { DeliveryPointCard } from './DeliveryPointCard';
import './wishes.css';
import { formatChineseDate } from '../../../../src/domain/dates';

type Step = 'idle' | 'verify' | 'confirm';

/**
 * /p/wishes/:id — a wish, and claiming it: 我来认领 → verify the phone (claims nothing) → confirm what
 * the donor commits to and the name for the thank-you → 确认认领 (one donor wins; the wish locks).
 */
export default function WishDetailPage({ params }: { params: Record<string, string> }) {
  const id = params.id;
  const { data: wish, error, loading, reload, replace } = useLoad(() => getWish(id), [id]);
  const [token, setToken] = useState<PublicToken | null>(() => readPublicToken('claim'));
  const [step, setStep] = useState<Step>('idle');
  const [busy, setBusy] = useState(false);
  const [claimError, setClaimError] = useState<string | null>(null);
  const [done, setDone] = useState<ClaimDone | null>(null);

  const changePhone = () => {
    clearPublicToken('claim');
    setToken(null);
    setClaimError(null);
    setStep('verify');
  };

  const claim = async (t: PublicToken, donorName: string) => {
    setBusy(true);
    setClaimError(null);
    try {
      const r = await claimWish(id, t.token, donorName);
      // the claim's own answer carries the locked wish: show it at once, with the thank-you
      replace(r.wish);
      setDone(r.claim);
      setStep('idle');
    } catch (e) {
      if (e instanceof PublicApiError && e.status === 401) changePhone();
      else if (e instanceof PublicApiError && e.status === 409) {
        setStep('idle');
        reload();
      }
      setClaimError(e instanceof PublicApiError ? e.message : '网络异常，请稍后重试');
    } finally {
      setBusy(false);
    }
  };

  if (loading && !wish) return <Layout title="心愿详情" back="/p/wishes"><Loading /></Layout>;
  if (error && !wish) return <Layout title="心愿详情" back="/p/wishes"><ErrorBox error={error} onRetry={reload} /></Layout>;
  if (!wish) return null;
  const open = wish.status === 'published' && !done;
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
        {wish.donorName ? (
          <p className="p-muted" data-testid="wish-donor">
            认领人：<span className="w-donor">{wish.donorName}</span>
            {wish.claimedOn ? `（${formatChineseDate(wish.claimedOn)}认领）` : ''}
          </p>
        ) : null}
      </section>
      {done ? (
        <section className="p-ok p-form" role="status" data-testid="claim-done">
          <strong>认领成功，感谢{done.donorName}！</strong>
          <span>
            请在 {formatChineseDate(done.dueOn)} 前将心愿物品送到下面的送达地点，逾期未送达将自动释放给其他爱心人士。验证手机：{done.phoneMasked}
          </span>
          <DeliveryPointCard point={wish.deliveryPoint} />
        </section>
      ) : null}
      {claimError && step === 'idle' ? <p className="p-error-text" role="alert">{claimError}</p> : null}
      {open && step === 'idle' ? (
        <section className="p-form">
          <p className="p-muted">认领后请在 {wish.claimDays} 天内把心愿物品送到送达地点。一个心愿只能由一位爱心人士认领。</p>
          <DeliveryPointCard point={wish.deliveryPoint} />
          <button type="button" className="p-btn p-btn-block" data-testid="claim-start" onClick={() => (setClaimError(null), setStep(token ? 'confirm' : 'verify'))}>
            我来认领
          </button>
        </section>
      ) : null}
      {open && step === 'verify' ? (
        <PhoneVerify
          purpose="claim"
          hint="请先验证手机号（号码只用于核对认领，不会公开）。验证后还需确认，才会认领。"
          onVerified={(t) => {
            setToken(t);
            setStep('confirm');
          }}
        />
      ) : null}
      {open && step === 'confirm' && token ? (
        <ClaimConfirm
          wish={wish}
          token={token}
          busy={busy}
          error={claimError}
          onConfirm={(name) => void claim(token, name)}
          onCancel={() => (setClaimError(null), setStep('idle'))}
          onChangePhone={changePhone}
        />
      ) : null}
      <Link to="/p/my-claims">我认领的心愿 ›</Link>
    </Layout>
  );
}
