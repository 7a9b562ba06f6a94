import { Divider, Menu, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import type { Permission } from '../../../src/domain/roles';
import { OrgTree } from '../features/orgs/components/OrgTree';
import { useAuth } from './auth';

type Item = Required<MenuProps>['items'][number];

export const sections: { key: string; to: string; label: string; short: string; permission?: Permission }[] = [
  { key: 'home', to: '/', label: '首页', short: '首页' },
  { key: 'people', to: '/people', label: '人员管理', short: '人员', permission: 'person.read' },
  { key: 'orgs', to: '/orgs', label: '组织管理', short: '组织', permission: 'org.read' },
  { key: 'users', to: '/users', label: '用户管理', short: '用户', permission: 'user.manage' },
];

/**
 * The side menu, plus the unit filter tree while the people list is open. In the phone drawer the
 * tab bar carries the nav-* test ids, so the drawer's copy goes without (ids stay unique).
 */
export function SideNav({ onNavigate, testIds = true }: { onNavigate?: () => void; testIds?: boolean }) {
  const { can } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const section = location.pathname.split('/')[1] || 'home';

  const items: Item[] = sections
    .filter((s) => !s.permission || can(s.permission))
    .map((s) => ({
      key: s.key,
      label: (
        <Link to={s.to} data-testid={testIds ? `nav-${s.key}` : undefined} onClick={onNavigate}>
          {s.label}
        </Link>
      ),
    }));

  const onPeopleList = location.pathname === '/people';
  return (
    <>
      <Menu
        mode="inline"
        selectedKeys={[section]}
        items={items}
        style={{ borderInlineEnd: 'none' }}
        onClick={(info) => {
          // the label is a link already; this covers a tap on the item's padding
          if ((info.domEvent.target as HTMLElement).closest('a')) return;
          const to = sections.find((s) => s.key === info.key)?.to;
          if (to) void navigate(to);
          onNavigate?.();
        }}
      />
      {onPeopleList ? (
        <div style={{ padding: '0 8px 16px' }}>
          <Divider style={{ margin: '8px 0' }} />
          <Typography.Text type="secondary" style={{ display: 'block', padding: '0 8px 8px' }}>
            按单位筛选（再次点击取消）
          </Typography.Text>
          <OrgTree
            toggle
            selectedId={params.get('orgId')}
            onSelect={(org) => {
              const next = new URLSearchParams(params);
              next.delete('page');
              if (org) {
                next.set('orgId', org.id);
                next.set('orgName', org.name);
              } else {
                next.delete('orgId');
                next.delete('orgName');
              }
              setParams(next);
              onNavigate?.();
            }}
          />
        </div>
      ) : null}
    </>
  );
}
