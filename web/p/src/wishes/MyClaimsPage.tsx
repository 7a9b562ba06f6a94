import { Layout } from '../ui/Layout';
import { PhoneVerify } from '../ui/PhoneVerify';
import { Link } from '../ui/router';
import { Empty, ErrorBox, Loading } from '../ui/states';
import { useVerifiedList } from '../ui/use-verified-list';
import { type MyClaim, myClaims, yuan } from './api';
import './wishes.css';
import { formatChineseDate } from '../../../../src/domain/dates';

/** /p/my-claims — the donor's own claims, by the verified phone's token (no donor list exists elsewhere). */
export default function MyClaimsPage() {
  const { token, setToken, items, error } = useVerifiedList<MyClaim>('claim', myClaims);

  return (
    <Layout title="我认领的心愿" back="/p/wishes">
      {!token ? (
        <PhoneVerify purpose="claim" hint="请验证认领时使用的手机号，查看您认领的心愿。" onVerified={setToken} />
      ) : error ? (
        <ErrorBox error={error} />
      ) : items === null ? (
        <Loading />
      ) : items.length === 0 ? (
        <Empty>
          还没有认领心愿，<Link to="/p/wishes">去看看</Link>
        </Empty>
      ) : (
        <ul className="p-list" data-testid="my-claims">
          {items.map((c) => (
            <li key={`${c.wishId}-${c.claimedOn}`} className="p-card">
              <div className="w-head">
                <Link to={`/p/wishes/${c.wishId}`} className="w-title">
                  {c.title}
                </Link>
                <span className="w-value">{yuan(c.valueYuan)}</span>
              </div>
              <div className="w-meta">
                <span>{c.maskedName}</span>
                <span>{c.unitName}</span>
                <span className="p-tag">{c.outcome === 'holding' ? (c.wishStatusLabel ?? c.outcomeLabel) : c.outcomeLabel}</span>
              </div>
              <p className="p-muted">
                认领于 {formatChineseDate(c.claimedOn)}
                {c.outcome === 'holding' ? `，请于 ${formatChineseDate(c.dueOn)} 前送达` : ''}
                {c.deliveredOn ? `，已于 ${formatChineseDate(c.deliveredOn)} 送达` : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
