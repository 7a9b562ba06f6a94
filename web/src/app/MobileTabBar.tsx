import { Link, useLocation } from 'react-router-dom';
import { useAuth } from './auth';
import { sections } from './SideNav';

export const tabBarHeight = 56;

/** Phone navigation: the sections as a bottom tab bar, one tap away like the apps users know. */
export function MobileTabBar() {
  const { can } = useAuth();
  const section = useLocation().pathname.split('/')[1] || 'home';
  const visible = sections.filter((s) => !s.permission || can(s.permission));
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
      {visible.map((s) => {
        const active = s.key === section;
        return (
          <Link
            key={s.key}
            to={s.to}
            data-testid={`nav-${s.key}`}
            aria-current={active ? 'page' : undefined}
            style={{
              flex: 1,
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'center',
              fontSize: 15,
              color: active ? '#b71c1c' : '#595959',
              fontWeight: active ? 600 : 400,
              borderTop: active ? '2px solid #b71c1c' : '2px solid transparent',
            }}
          >
            {s.short}
          </Link>
        );
      })}
    </nav>
  );
}
