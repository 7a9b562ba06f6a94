import { useEffect, useState } from 'react';
import { Layout } from '../ui/Layout';
import { Link } from '../ui/router';
import { Empty, ErrorBox, Loading } from '../ui/states';
import { listWishes, type PublicWish, type WishBoard, yuan } from './api';
import './wishes.css';

const statusTabs = [
  { value: 'published', label: '待认领' },
  { value: 'claimed', label: '已认领' },
  { value: 'fulfilled', label: '已圆梦' },
] as const;
const valueRanges = [
  { value: '', label: '不限价值' },
  { value: '0-50', label: '50 元以下' },
  { value: '50-100', label: '50–100 元' },
  { value: '100-200', label: '100–200 元' },
  { value: '200-', label: '200 元以上' },
];

export function WishCard({ w }: { w: PublicWish }) {
  return (
    <Link to={`/p/wishes/${w.id}`} className="w-card p-card">
      <div className="w-head">
        <p className="w-title">{w.title}</p>
        <span className="w-value">{yuan(w.valueYuan)}</span>
      </div>
      <div className="w-meta">
        <span>{w.maskedName}（{w.kind}）</span>
        <span>{w.unitName}</span>
        <span className={`p-tag ${w.status === 'fulfilled' ? 'w-done' : ''}`}>{w.statusLabel}</span>
      </div>
      <p className="w-story">{w.story}</p>
      {w.donorName ? <p className="p-muted">认领人：<span className="w-donor">{w.donorName}</span></p> : null}
    </Link>
  );
}

/** /p/wishes: the public board of micro-wishes, phone-first, with unit, value and status filters. */
export default function WishBoardPage() {
  const [status, setStatus] = useState<string>('published');
  const [unit, setUnit] = useState('');
  const [range, setRange] = useState('');
  const [page, setPage] = useState(1);
  const [items, setItems] = useState<PublicWish[]>([]);
  const [board, setBoard] = useState<WishBoard | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    const [min, max] = range.split('-');
    setLoading(true);
    setError(null);
    listWishes({ status, unit, minYuan: min || undefined, maxYuan: max || undefined, page, pageSize: 10 }).then(
      (b) => {
        if (!live) return;
        setBoard(b);
        setItems((prev) => (page === 1 ? b.items : [...prev, ...b.items]));
        setLoading(false);
      },
      (e: unknown) => {
        if (!live) return;
        setError(e);
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [status, unit, range, page, tick]);

  const filter = (f: () => void) => {
    f();
    setPage(1);
  };

  return (
    <Layout title="微心愿">
      <p className="p-muted">帮孩子、老人、妈妈们实现一个小小的心愿。认领后请在期限内送达，工作人员会拍照反馈。</p>
      <div className="w-tabs" role="group" aria-label="状态">
        {statusTabs.map((t) => (
          <button key={t.value} type="button" className="w-tab" aria-pressed={status === t.value} onClick={() => filter(() => setStatus(t.value))}>
            {t.label}
          </button>
        ))}
      </div>
      <div className="w-filters">
        <select aria-label="征集单位" value={unit} onChange={(e) => filter(() => setUnit(e.target.value))}>
          <option value="">全部单位</option>
          {(board?.units ?? []).map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
        <select aria-label="心愿价值" value={range} onChange={(e) => filter(() => setRange(e.target.value))}>
          {valueRanges.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </select>
      </div>
      {error ? <ErrorBox error={error} onRetry={() => setTick((n) => n + 1)} /> : null}
      {items.length === 0 && loading ? <Loading /> : null}
      {items.length === 0 && !loading && !error ? <Empty>暂时没有这样的心愿</Empty> : null}
      <ul className="p-list" data-testid="wish-list">
        {items.map((w) => (
          <li key={w.id}>
            <WishCard w={w} />
          </li>
        ))}
      </ul>
      {board && items.length < board.total ? (
        <button type="button" className="p-btn p-btn-ghost w-more" disabled={loading} onClick={() => setPage((p) => p + 1)}>
          {loading ? '加载中…' : `加载更多（共 ${board.total} 个）`}
        </button>
      ) : null}
      <Link to="/p/my-claims">我认领的心愿 ›</Link>
    </Layout>
  );
}
