import { Link, useLocation } from 'react-router-dom';
import { useAuth } from './auth';
import { ledgerKeys, navKeyOf } from './nav-items';

export const tabBarHeight = 56;

/** The phone tab bar keeps four entries; everything else is under 更多 (the menu drawer). */
export const tabKeys = ['home', 'people'];

const tabStyle = (active: boolean) => ({
  flex: 1,
  minWidth: 0,
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'center',
  fontSize: 15,
  color: active ? '#b71c1c' : '#595959',
  fontWeight: active ? 600 : 400,
  borderTop: active ? '2px solid #b71c1c' : '2px solid transparent',
});
const buttonReset = { border: 'none', background: 'none', padding: 0, cursor: 'pointer', font: 'inherit' };

/** Phone navigation: 首页, 台账, 人员, 更多 — one tap away like the apps users know. */
export function MobileTabBar({ onMore }: { onMore: () => void }) {
  const { can } = useAuth();
  const key = navKeyOf(useLocation().pathname);
  const tabs = [
    { key: 'home', to: '/', label: '首页', show: true, active: key === 'home' },
    { key: 'ledgers', to: '/activities', label: '台账', show: can('ledger.read'), active: ledgerKeys.includes(key) },
    { key: 'people', to: '/people', label: '人员', show: can('person.read'), active: key === 'people' },
  ].filter((t) => t.show);
  const inMore = !tabs.some((t) => t.active);
  return (
    <nav
      aria-label="主导航"
      style={{
        position: 'fixed',
        insetInline: 0,
        bottom: 0,
        height: tabBarHeight,
        paddingBottom: 'env(safe-area-inset-bottom)',
        display: 'flex',
        background: '#fff',
        borderTop: '1px solid #f0f0f0',
        zIndex: 20,
      }}
    >
      {tabs.map((t) => (
        <Link key={t.key} to={t.to} data-testid={`nav-${t.key}`} aria-current={t.active ? 'page' : undefined} style={tabStyle(t.active)}>
          {t.label}
        </Link>
      ))}
      <button type="button" data-testid="nav-more" onClick={onMore} style={{ ...buttonReset, ...tabStyle(inMore) }}>
        更多
      </button>
    </nav>
  );
}
