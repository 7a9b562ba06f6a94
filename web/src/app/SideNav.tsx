import { Divider, Menu, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { OrgTree } from '../features/orgs/components/OrgTree';
import { useAuth } from './auth';
import { navKeyOf, navTree, unitFilteredPaths, type NavItem } from './nav-items';

type Item = Required<MenuProps>['items'][number];

interface Props {
  onNavigate?: () => void;
  /**
   * Which entries carry their nav-* test id. In the phone drawer the tab bar already carries the
   * ids of its own entries, so the drawer leaves those out (ids stay unique).
   */
  testIds?: boolean | ((key: string) => boolean);
}

/** The side menu, plus the unit filter tree while a list with a unit filter is open. */
export function SideNav({ onNavigate, testIds = true }: Props) {
  const { can, user } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const selected = navKeyOf(location.pathname);
  const allowed = (i: NavItem) => !i.permission || can(i.permission) || Boolean(i.orCaseHandler && user?.caseHandler);
  const withId = (key: string) => (typeof testIds === 'function' ? testIds(key) : testIds);

  const entry = (i: NavItem): Item => ({
    key: i.key,
    label: (
      <Link to={i.to} data-testid={withId(i.key) ? `nav-${i.key}` : undefined} onClick={onNavigate}>
        {i.label}
      </Link>
    ),
  });
  const items: Item[] = [];
  for (const n of navTree) {
    if ('group' in n) {
      const children = n.items.filter(allowed).map(entry);
      if (children.length) items.push({ type: 'group', key: n.group, label: n.group, children });
    } else if (allowed(n)) items.push(entry(n));
  }
  const all = navTree.flatMap((n) => ('group' in n ? n.items : [n]));

  const showTree = unitFilteredPaths.includes(location.pathname);
  return (
    <>
      <Menu
        mode="inline"
        selectedKeys={[selected]}
        items={items}
        style={{ borderInlineEnd: 'none' }}
        onClick={(info) => {
          // the label is a link already; this covers a tap on the item's padding
          if ((info.domEvent.target as HTMLElement).closest('a')) return;
          const to = all.find((s) => s.key === info.key)?.to;
          if (to) void navigate(to);
          onNavigate?.();
        }}
      />
      {showTree ? (
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
