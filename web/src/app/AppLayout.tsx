import { Button, Drawer, Flex, Layout, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet, useNavigate } from 'react-router-dom';
import { PageLoading } from '../ui/states';
import { useIsMobile } from '../ui/use-is-mobile';
import { useApiError } from '../ui/use-api-error';
import { HelpButton } from '../features/help/components/HelpButton';
import { TodoBell } from '../features/todo/components/TodoBell';
import '../ui/print/print.css';
import { useCurrentUser, useAuth } from './auth';
import { MobileTabBar, tabBarHeight, tabKeys } from './MobileTabBar';
import { SideNav } from './SideNav';

const headerStyle = {
  display: 'flex',
  alignItems: 'center',
  gap: 12,
  padding: '0 16px',
  background: '#b71c1c',
  color: '#fff',
  position: 'sticky' as const,
  top: 0,
  zIndex: 10,
};

export function AppLayout() {
  const user = useCurrentUser();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const showError = useApiError();

  const onLogout = async () => {
    try {
      await logout();
    } catch (e) {
      showError(e);
    }
    void navigate('/login', { replace: true });
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={headerStyle}>
        {isMobile ? (
          <Button
            type="text"
            aria-label="打开菜单"
            data-testid="nav-toggle"
            onClick={() => setDrawerOpen(true)}
            style={{ color: '#fff', fontSize: 20, padding: '0 8px' }}
          >
            ☰
          </Button>
        ) : null}
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap', flex: 1, fontSize: isMobile ? 17 : 20 }}>
          群团工作平台
        </Typography.Title>
        <Flex align="center" gap={8} style={{ minWidth: 0 }}>
          <TodoBell />
          <HelpButton />
          <span
            data-testid="current-user"
            style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', maxWidth: isMobile ? 96 : 240 }}
            title={user.username}
          >
            {user.displayName}
          </span>
          <Button size="small" data-testid="logout" onClick={() => void onLogout()}>
            退出
          </Button>
        </Flex>
      </Layout.Header>
      <Layout>
        {isMobile ? (
          <Drawer placement="left" size={280} open={drawerOpen} onClose={() => setDrawerOpen(false)} title="菜单" styles={{ body: { padding: 0 } }}>
            <SideNav testIds={(key) => !tabKeys.includes(key)} onNavigate={() => setDrawerOpen(false)} />
          </Drawer>
        ) : (
          <Layout.Sider
            width={248}
            theme="light"
            style={{ borderInlineEnd: '1px solid #f0f0f0', overflow: 'auto', position: 'sticky', top: 64, height: 'calc(100vh - 64px)' }}
          >
            <SideNav />
          </Layout.Sider>
        )}
        <Layout.Content style={{ padding: isMobile ? `12px 12px ${tabBarHeight + 12}px` : 24, minWidth: 0 }}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      {isMobile ? <MobileTabBar onMore={() => setDrawerOpen(true)} /> : null}
    </Layout>
  );
}
