import { type FormEvent, useState } from 'react';
import { serverToday } from '../../../shared/clock';
import { formatChineseDate } from '../../../../src/domain/dates';
import { anonymousDonor, donorNameMax } from '../../../../src/domain/wishes/donor';
import { claimDueOn } from '../../../../src/domain/wishes/flow';
import type { PublicToken } from '../ui/public-token';
import { type PublicWishDetail, yuan } from './api';
import { DeliveryPointCard } from './DeliveryPointCard';

/**
 * The step between a verified phone and a claim: what the donor commits to (deliver to the delivery
 * point by the last day, else the claim lapses), and the name for the thank-you (or 匿名). Nothing is
 * claimed until 确认认领.
 */
export function ClaimConfirm({ wish, token, busy, error, onConfirm, onCancel, onChangePhone }: {
  wish: PublicWishDetail;
  token: PublicToken;
  busy: boolean;
  error: string | null;
  onConfirm: (donorName: string) => void;
  onCancel: () => void;
  onChangePhone: () => void;
}) {
  const [name, setName] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const dueOn = claimDueOn(serverToday(), wish.claimDays);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onConfirm(anonymous ? '' : name.trim());
  };
  return (
    <form className="p-card p-form" onSubmit={submit} data-testid="claim-confirm">
      <h2>确认认领</h2>
      <dl className="w-facts">
        <dt>心愿</dt>
        <dd>
          {wish.title}（{yuan(wish.valueYuan)}）
          <br />
          <span className="p-muted">编号 {wish.id}</span>
        </dd>
        <dt>您承诺</dt>
        <dd data-testid="claim-commitment">
          在 <strong>{formatChineseDate(dueOn)}</strong> 前（认领之日起 {wish.claimDays} 天内）将心愿物品送到下面的送达地点。逾期未送达，认领自动失效，心愿重新开放给其他爱心人士。
        </dd>
      </dl>
      <DeliveryPointCard point={wish.deliveryPoint} />
      <label>
        致谢时怎样称呼您
        <input name="donorName" maxLength={donorNameMax} value={anonymous ? '' : name} disabled={anonymous} onChange={(e) => setName(e.target.value)} placeholder="如 张女士、某某公司" />
      </label>
      <label className="w-check">
        <input type="checkbox" name="anonymous" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
        匿名（显示为“{anonymousDonor}”）
      </label>
      <p className="p-muted">
        验证手机：{token.phoneMasked}（只用于核对认领，不会公开）。
        <button type="button" className="w-link" onClick={onChangePhone}>
          换一个手机号
        </button>
      </p>
      {error ? (
        <p className="p-error-text" role="alert">
          {error}
        </p>
      ) : null}
      <div className="p-row">
        <button type="button" className="p-btn p-btn-ghost" onClick={onCancel} disabled={busy}>
          返回
        </button>
        <button type="submit" className="p-btn p-grow" disabled={busy} data-testid="claim-submit">
          {busy ? '正在认领…' : '确认认领'}
        </button>
      </div>
    </form>
  );
}
