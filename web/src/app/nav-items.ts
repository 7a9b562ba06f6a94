import type { Permission } from '../../../src/domain/roles';

export interface NavItem {
  key: string;
  to: string;
  label: string;
  permission?: Permission;
  /** also shown to a case's assigned handler who lacks the permission (a staff member) */
  orCaseHandler?: boolean;
}
export interface NavGroup {
  group: string;
  items: NavItem[];
}

/** The side menu: single entries and titled groups (工作台账, 核查). */
export const navTree: (NavItem | NavGroup)[] = [
  { key: 'home', to: '/', label: '首页' },
  { key: 'dashboard', to: '/dashboard', label: '领导驾驶舱', permission: 'ledger.read' },
  { key: 'notices', to: '/notices', label: '通知公告', permission: 'org.read' },
  {
    group: '工作台账',
    items: [
      { key: 'activities', to: '/activities', label: '活动台账', permission: 'ledger.read' },
      { key: 'assistance', to: '/assistance', label: '帮扶救助台账', permission: 'ledger.read' },
      { key: 'loans', to: '/loans', label: '妇女小额贷款', permission: 'ledger.read' },
      { key: 'contracts', to: '/contracts', label: '集体合同', permission: 'ledger.read' },
      { key: 'households', to: '/households', label: '家庭管理', permission: 'person.read' },
    ],
  },
  { group: '个案', items: [{ key: 'cases', to: '/cases', label: '个案收件箱', permission: 'case.read', orCaseHandler: true }, { key: 'screenings', to: '/screenings', label: '摸底排查', permission: 'case.read' }] },
  { group: '评选与帮扶', items: [{ key: 'campaigns', to: '/campaigns', label: '评选表彰', permission: 'ledger.read' }, { key: 'wishes', to: '/wishes', label: '微心愿', permission: 'ledger.read' }, { key: 'pairings', to: '/pairings', label: '结对帮扶', permission: 'ledger.read' }, { key: 'volunteers', to: '/volunteers', label: '志愿服务', permission: 'ledger.read' }] },
  { key: 'imports', to: '/imports', label: '数据导入', permission: 'ledger.write' },
  { key: 'metrics', to: '/metrics', label: '数据指标', permission: 'ledger.read' },
  {
    group: '目标与报告',
    items: [
      { key: 'targets', to: '/targets', label: '年度目标', permission: 'ledger.read' },
      { key: 'reports', to: '/reports', label: '工作报告', permission: 'ledger.read' },
    ],
  },
  {
    group: '核查',
    items: [
      { key: 'checks-duplicate', to: '/checks/duplicate-assistance', label: '重复帮扶预警', permission: 'ledger.read' },
      { key: 'checks-unassisted', to: '/checks/unassisted', label: '未帮扶人员', permission: 'ledger.read' },
    ],
  },
  { key: 'people', to: '/people', label: '人员管理', permission: 'person.read' },
  { key: 'orgs', to: '/orgs', label: '组织管理', permission: 'org.read' },
  { key: 'users', to: '/users', label: '用户管理', permission: 'user.manage' },
];

export const ledgerKeys = ['activities', 'assistance', 'loans', 'contracts'];

/** The menu key of a path: /activities/12/edit → activities, /checks/unassisted → checks-unassisted. */
export function navKeyOf(pathname: string): string {
  const [first = '', second = ''] = pathname.split('/').filter(Boolean);
  if (!first) return 'home';
  if (first === 'checks') return second === 'unassisted' ? 'checks-unassisted' : 'checks-duplicate';
  return first;
}

/**
 * Lists whose unit filter the side tree drives (orgId/orgName in the URL). Lists with the unit picker
 * in their filter bar (ListFilters: ledgers, households, checks) have no tree in the side menu: at the
 * bottom of a long menu it sat below the fold.
 */
export const unitFilteredPaths = ['/people'];
