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
        🔔
      </Button>
    </Badge>
  );
}
