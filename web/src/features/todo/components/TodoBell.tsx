import { Badge, Button } from 'antd';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { todoApi } from '../api';

/**
 * The header's bell: the number of the caller's 待办, asked again on every navigation (a record that
 * moved on leaves the count as soon as the clerk goes elsewhere) and every 5 minutes; opens 首页.
 */
export function TodoBell() {
  const location = useLocation();
  const navigate = useNavigate();
  const [total, setTotal] = useState<number | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), 5 * 60_000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    let live = true;
    // a failed count keeps the last one: the bell never raises an error toast of its own
    todoApi.count().then((r) => live && setTotal(r.total), () => undefined);
    return () => {
      live = false;
    };
  }, [location.pathname, tick]);

  return (
    <Badge count={total ?? 0} overflowCount={99} size="small" offset={[-4, 4]}>
      <Button
        type="text"
        data-testid="todo-bell"
        aria-label={total ? `待办 ${total} 项` : '待办'}
        title={total ? `待办 ${total} 项` : '暂无待办'}
        onClick={() => void navigate('/#todo')}
        style={{ color: '#fff', fontSize: 18, padding: '0 6px' }}
      >
        <svg width="18" height="18" viewBox="0 0 24 24" fill="currentColor" aria-hidden="true" style={{ verticalAlign: 'middle' }}>
          <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
        </svg>
      </Button>
    </Badge>
  );
}
