/** Roles and what each may do. A user holds grants of (role, unit); scope is the union of subtrees. */
export const roles = ['sysadmin', 'leader', 'org_admin', 'staff', 'case_worker', 'viewer'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  sysadmin: '系统管理员',
  leader: '领导',
  org_admin: '组织管理员',
  staff: '工作人员',
  case_worker: '个案工作者',
  viewer: '查看者',
};

export const permissions = [
  'org.read', // see units of the subtree
  'org.write', // add/edit units and designations
  'user.manage', // users and grants of the subtree
  'person.read', // people list (masked)
  'person.write', // register and edit people
  'pii.read', // see unmasked ID numbers, phones, addresses (each view audited)
  'ledger.read',
  'ledger.write',
  'case.read',
  'case.write',
  'audit.read',
] as const;
export type Permission = (typeof permissions)[number];

const all = [...permissions];
export const rolePermissions: Record<Role, readonly Permission[]> = {
  sysadmin: all,
  leader: ['org.read', 'person.read', 'ledger.read', 'case.read'],
  org_admin: ['org.read', 'org.write', 'user.manage', 'person.read', 'ledger.read', 'audit.read'],
  staff: ['org.read', 'person.read', 'person.write', 'pii.read', 'ledger.read', 'ledger.write'],
  case_worker: ['org.read', 'person.read', 'person.write', 'pii.read', 'case.read', 'case.write'],
  viewer: ['org.read', 'person.read', 'ledger.read'],
};

export function roleHas(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}
