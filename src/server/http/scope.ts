import { type Expression, type SqlBool, sql } from 'kysely';
import { roleHas, type Permission, rolePermissions } from '../../domain/roles';
import type { Ctx } from '../context';
import { AppError } from './errors';

/**
 * The scope guard: the one place that decides which units a caller may touch. Every query that
 * reads or writes tenant data takes its condition from here. A user's scope for a permission is
 * the union of the subtrees of the grants whose role carries that permission; system actors
 * (CLI, seed) and sysadmin grants without a unit see the whole tree.
 */
export interface OrgScope {
  all: boolean;
  roots: string[];
}

export function orgScope(ctx: Ctx, permission: Permission): OrgScope {
  const actor = ctx.actor;
  if (actor.kind === 'system') return { all: true, roots: [] };
  if (actor.kind === 'public') throw new AppError('UNAUTHENTICATED', '请先登录');
  const grants = actor.grants.filter((g) => roleHas(g.role, permission));
  if (grants.length === 0) throw new AppError('FORBIDDEN', '当前角色无权进行此操作');
  if (grants.some((g) => g.orgId === null)) return { all: true, roots: [] };
  return { all: false, roots: Array.from(new Set(grants.map((g) => g.orgId as string))) };
}

export function hasPermission(ctx: Ctx, permission: Permission): boolean {
  const actor = ctx.actor;
  if (actor.kind === 'system') return true;
  if (actor.kind === 'public') return false;
  return actor.grants.some((g) => rolePermissions[g.role].includes(permission));
}

/** A stable text naming the scope, for cache keys: 'all', or its root units sorted. */
export function scopeKey(scope: OrgScope): string {
  return scope.all ? 'all' : [...scope.roots].sort().join(',');
}

/** SQL condition: `column` holds a unit id inside the scope. */
export function orgInScope(scope: OrgScope, column: string): Expression<SqlBool> {
  if (scope.all) return sql<SqlBool>`1 = 1`;
  // A correlated EXISTS probes the (descendant_id, ancestor_id) index once per row: a single-record
  // check costs microseconds at 100k units, where `IN (subquery)` would materialize the whole subtree.
  return sql<SqlBool>`exists (select 1 from org_closure oc where oc.descendant_id = ${sql.ref(column)} and oc.ancestor_id in (${sql.join(scope.roots)}))`;
}

/**
 * The same condition as `orgInScope`, written as `column IN (the subtree)`: the database walks the
 * subtree first. Use it for counts and aggregates over many rows when the scope is a small part of
 * the tree (a township user counting a county-wide table); use `orgInScope` for everything else.
 */
export function orgInScopeSet(scope: OrgScope, column: string): Expression<SqlBool> {
  if (scope.all) return sql<SqlBool>`1 = 1`;
  return sql<SqlBool>`${sql.ref(column)} in (select oc.descendant_id from org_closure oc where oc.ancestor_id in (${sql.join(scope.roots)}))`;
}

/** SQL condition: the person `personIdColumn` is known to a unit inside the scope. */
export function personInScope(scope: OrgScope, personIdColumn: string): Expression<SqlBool> {
  if (scope.all) return sql<SqlBool>`1 = 1`;
  return sql<SqlBool>`exists (select 1 from person_orgs po join org_closure oc on oc.descendant_id = po.org_id
    where po.person_id = ${sql.ref(personIdColumn)} and oc.ancestor_id in (${sql.join(scope.roots)}))`;
}

/** Throws 404 (never 403: a unit outside the scope does not exist for the caller) unless orgId is in scope. */
export async function assertOrgInScope(ctx: Ctx, permission: Permission, orgId: string): Promise<void> {
  const scope = orgScope(ctx, permission);
  const row = await ctx.db
    .selectFrom('org_units')
    .select('id')
    .where('id', '=', orgId)
    .where(orgInScope(scope, 'org_units.id'))
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', '组织不存在或不在您的管辖范围内');
}

/** Resolves a unit by code or id inside the scope, or throws 404 naming the value. */
export async function resolveOrgInScope(ctx: Ctx, permission: Permission, ref: string, field = 'orgCode'): Promise<string> {
  const scope = orgScope(ctx, permission);
  const row = await ctx.db
    .selectFrom('org_units')
    .select('id')
    .where((eb) => eb.or([eb('code', '=', ref), eb('id', '=', ref)]))
    .where(orgInScope(scope, 'org_units.id'))
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `组织“${ref}”不存在或不在您的管辖范围内`, [{ path: field, message: '组织不存在或不在您的管辖范围内' }]);
  return row.id;
}

/** The unit a write lands on when the request names none: the caller's single root for that permission. */
export function defaultOrgId(ctx: Ctx, permission: Permission): string {
  const scope = orgScope(ctx, permission);
  if (scope.roots.length === 1) return scope.roots[0];
  throw new AppError('VALIDATION', '请指定所属组织', [{ path: 'orgId', message: '请指定所属组织' }]);
}

type GrantRole = Parameters<typeof roleHas>[0];

/**
 * The subtrees of the caller's grants whose role passes `pick`, without throwing when there are
 * none (empty roots: nothing). System actors see everything; a global grant (no unit) covers all.
 */
export function rolesScope(ctx: Ctx, pick: (role: GrantRole) => boolean): OrgScope {
  const actor = ctx.actor;
  if (actor.kind === 'system') return { all: true, roots: [] };
  if (actor.kind === 'public') throw new AppError('UNAUTHENTICATED', '请先登录');
  const grants = actor.grants.filter((g) => pick(g.role));
  if (grants.some((g) => g.orgId === null)) return { all: true, roots: [] };
  return { all: false, roots: Array.from(new Set(grants.map((g) => g.orgId as string))) };
}

function someOrgInScope(scope: OrgScope, columns: readonly string[]): Expression<SqlBool> {
  if (scope.all) return sql<SqlBool>`1 = 1`;
  if (scope.roots.length === 0) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`(${sql.join(columns.map((c) => orgInScope(scope, c)), sql` or `)})`;
}

/**
 * Case visibility (个案保密, 《反家庭暴力法》第三十七条; Primero's record-level access). A case is
 * visible when the caller is its handler; or, for an ordinary case, when one of `orgColumns` lies
 * in the caller's scope for `permission`; or, for a confidential case (家庭暴力, 困境儿童), when one
 * of them lies under a grant of `confidentialRoles` (the unit's supervisors and case workers) —
 * a global sysadmin or a leader is not enough. `orgColumns`: the receiving unit, and the unit a
 * pending 转办 is addressed to; `handlerColumn` null leaves the handler out (deciding a 转办).
 */
export function caseVisible(
  ctx: Ctx,
  permission: Permission,
  confidentialRoles: readonly GrantRole[],
  cols: { orgColumns: readonly string[]; handlerColumn: string | null; confidentialColumn: string },
): Expression<SqlBool> {
  const ordinary = someOrgInScope(rolesScope(ctx, (r) => roleHas(r, permission)), cols.orgColumns);
  const actor = ctx.actor;
  const confidential =
    actor.kind === 'system' ? sql<SqlBool>`1 = 1` : someOrgInScope({ all: false, roots: rolesScope(ctx, (r) => confidentialRoles.includes(r)).roots }, cols.orgColumns);
  const handler = actor.kind === 'user' && cols.handlerColumn ? sql<SqlBool>`${sql.ref(cols.handlerColumn)} = ${actor.id}` : sql<SqlBool>`1 = 0`;
  const flag = sql.ref(cols.confidentialColumn);
  return sql<SqlBool>`(${handler} or (${flag} = 0 and ${ordinary}) or (${flag} = 1 and ${confidential}))`;
}
