import { type Expression, type SqlBool, sql } from 'kysely';
import { type Role, roleLabels } from '../../../domain/roles';
import type { Ctx, Grant } from '../../context';
import { AppError } from '../../http/errors';
import { type OrgScope, orgInScope, orgScope, resolveOrgInScope } from '../../http/scope';
import type { GrantInput } from './users.schemas';

/**
 * Who may hand out which role. Kept deliberately simple:
 * - a global sysadmin (grant without a unit) may grant any role anywhere, global sysadmin included;
 * - any other holder of `user.manage` (org_admin, or a sysadmin bound to a unit) may grant, inside
 *   the subtree of that grant, every role except sysadmin. Units administer their own staff, so
 *   org_admin may grant staff and case_worker although those carry permissions it does not hold.
 * Other roles delegate nothing.
 */
const delegable: Record<Role, readonly Role[]> = {
  sysadmin: ['leader', 'org_admin', 'staff', 'case_worker', 'viewer'],
  org_admin: ['leader', 'org_admin', 'staff', 'case_worker', 'viewer'],
  leader: [],
  staff: [],
  case_worker: [],
  viewer: [],
};

/**
 * SQL condition: the user `userIdColumn` is manageable within the scope, i.e. it holds at least one
 * grant and every grant's unit lies in the scope. Global grants (unit null) lie only in a global scope.
 */
export function userInScope(scope: OrgScope, userIdColumn: string): Expression<SqlBool> {
  if (scope.all) return sql<SqlBool>`1 = 1`;
  const uid = sql.ref(userIdColumn);
  return sql<SqlBool>`(exists (select 1 from user_grants ga where ga.user_id = ${uid})
    and not exists (select 1 from user_grants gb where gb.user_id = ${uid}
      and (gb.org_id is null or not (${orgInScope(scope, 'gb.org_id')}))))`;
}

function callerGrants(ctx: Ctx): Grant[] {
  return ctx.actor.kind === 'user' ? ctx.actor.grants : [];
}

/**
 * Checks the requested grants against the caller's rights and resolves unit codes to ids.
 * Order of refusals: a unit outside the scope is 404 (it does not exist for the caller), then a
 * role the caller may not delegate is 403. Duplicates are dropped.
 */
export async function resolveGrants(ctx: Ctx, requested: GrantInput[]): Promise<Grant[]> {
  const scope = orgScope(ctx, 'user.manage');
  const out = new Map<string, Grant>();
  for (const [i, g] of requested.entries()) {
    const path = `grants.${i}`;
    if (g.orgId === null || g.orgId === undefined) {
      if (g.role !== 'sysadmin') {
        throw new AppError('VALIDATION', '请选择授权的组织', [{ path: `${path}.orgId`, message: '除系统管理员外，授权须指定组织' }]);
      }
      if (!scope.all) throw new AppError('FORBIDDEN', '只有全局系统管理员才能授予全局系统管理员权限');
      out.set(`${g.role}|`, { role: g.role, orgId: null });
      continue;
    }
    const orgId = await resolveOrgInScope(ctx, 'user.manage', g.orgId, `${path}.orgId`);
    if (!scope.all) await assertDelegable(ctx, g.role, orgId, path);
    out.set(`${g.role}|${orgId}`, { role: g.role, orgId });
  }
  return [...out.values()];
}

async function assertDelegable(ctx: Ctx, role: Role, orgId: string, path: string): Promise<void> {
  if (role === 'sysadmin') {
    throw new AppError('FORBIDDEN', '只有全局系统管理员才能授予系统管理员权限', [{ path: `${path}.role`, message: '无权授予系统管理员角色' }]);
  }
  const ancestors = await ctx.db.selectFrom('org_closure').select('ancestor_id').where('descendant_id', '=', orgId).execute();
  const above = new Set(ancestors.map((a) => a.ancestor_id));
  const ok = callerGrants(ctx).some((cg) => cg.orgId !== null && above.has(cg.orgId) && delegable[cg.role].includes(role));
  if (!ok) {
    throw new AppError('FORBIDDEN', `您无权在该组织授予“${roleLabels[role]}”角色`, [{ path: `${path}.role`, message: '无权授予该角色' }]);
  }
}
