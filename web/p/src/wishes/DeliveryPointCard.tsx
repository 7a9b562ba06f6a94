import type { DeliveryPoint } from './api';

/** The delivery point: full address, contact phone (tap to call) and opening hours, or who to ask when the unit has not set one. */
export function DeliveryPointCard({ point }: { point: DeliveryPoint }) {
  const set = Boolean(point.address || point.phone || point.hours);
  return (
    <div className="w-point" data-testid="delivery-point">
      <div className="w-point-title">送达地点 · {point.unitName}</div>
      {set ? (
        <dl className="w-facts">
          <dt>地址</dt>
          <dd>{point.address ?? '请电话咨询'}</dd>
          <dt>联系电话</dt>
          <dd>{point.phone ? <a href={`tel:${point.phone.replace(/[^\d+]/g, '')}`}>{point.phone}</a> : '—'}</dd>
          <dt>接收时间</dt>
          <dd>{point.hours ?? '请电话咨询'}</dd>
        </dl>
      ) : (
        <p className="p-muted">该单位尚未公布送达地点的详细地址，请将心愿物品送到{point.unitName}的办公地点。</p>
      )}
    </div>
  );
}
