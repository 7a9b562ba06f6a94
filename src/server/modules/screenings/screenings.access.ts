import { type Expression, type SqlBool, sql } from 'kysely';
import { roleHas } from '../../../domain/roles';
import type { Ctx } from '../../context';
import { AppError, notFound } from '../../http/errors';
import { orgInScope, type OrgScope, rolesScope } from '../../http/scope';
import { appendAudit } from '../audit/audit.service';
import * as repo from './screenings.repo';

/**
 * Who sees what of a screening campaign (摸底排查). The campaign and its counts: whoever holds
 * case.read (case workers, leaders) or org_admin over the launching unit or one of its townships;
 * each sees the townships inside their own scope. A child's record is confidential as a 困境儿童
 * case is: only case_worker (read, write) and org_admin (read) granted on the township or above —
 * never a leader nor a global sysadmin, who see counts only.
 */
export type ChildMode = 'read' | 'write';

const childRoles = { read: ['org_admin', 'case_worker'], write: ['case_worker'] } as const;

function none(): Expression<SqlBool> {
  return sql<SqlBool>`1 = 0`;
}

/** The scope for campaigns and counts; 403 for a caller with none of the roles. */
export function countsScope(ctx: Ctx): OrgScope {
  const scope = rolesScope(ctx, (r) => roleHas(r, 'case.read') || r === 'org_admin');
  if (!scope.all && scope.roots.length === 0) throw new AppError('FORBIDDEN', '当前角色无权查看摸底排查');
  return scope;
}

function inScope(scope: OrgScope, column: string): Expression<SqlBool> {
  return !scope.all && scope.roots.length === 0 ? none() : orgInScope(scope, column);
}

/** Condition on `screenings as s`: the launching unit or one of its townships lies in the scope. */
export function campaignVisible(scope: OrgScope): Expression<SqlBool> {
  if (scope.all) return sql<SqlBool>`1 = 1`;
  return sql<SqlBool>`(${inScope(scope, 's.org_id')} or exists (select 1 from screening_townships vt where vt.screening_id = s.id and ${inScope(scope, 'vt.org_id')}))`;
}

/** The campaign if the caller may see it; otherwise 404. */
export async function openCampaign(ctx: Ctx, id: string): Promise<repo.ScreeningRow> {
  const row = await repo.findVisibleScreening(ctx.db, campaignVisible(countsScope(ctx)), id);
  if (!row) throw notFound('摸底排查');
  return row;
}

/** The units under which the caller may open children's records (global grants do not count). */
export function childScope(ctx: Ctx, mode: ChildMode): OrgScope {
  if (ctx.actor.kind === 'system') return { all: true, roots: [] };
  const roles: readonly string[] = childRoles[mode];
  return { all: false, roots: rolesScope(ctx, (r) => roles.includes(r)).roots };
}

/** Condition: the township column lies under a grant allowed to open children's records. */
export function childVisible(ctx: Ctx, mode: ChildMode, column = 'sc.org_id'): Expression<SqlBool> {
  return inScope(childScope(ctx, mode), column);
}

/**
 * A refused open of a child's record is audited when the caller sees the township at all (a staff
 * member or leader of the same unit or above); a caller of another subtree meets a plain 404.
 */
async function auditDenied(ctx: Ctx, id: string, mode: ChildMode): Promise<void> {
  if (ctx.actor.kind !== 'user') return;
  const row = await repo.findChildById(ctx.db, id);
  if (!row) return;
  const scope = rolesScope(ctx, (r) => roleHas(r, 'org.read'));
  if (!scope.all && scope.roots.length === 0) return;
  const unit = await ctx.db.selectFrom('org_units').select('id').where('id', '=', row.org_id).where(orgInScope(scope, 'org_units.id')).executeTakeFirst();
  if (!unit) return;
  await appendAudit(ctx, { action: mode === 'read' ? 'read_screening_child_denied' : 'write_screening_child_denied', entity: 'screening_child', entityId: id, orgId: row.org_id, detail: { screeningId: row.screening_id } });
}

/** The child's record if the caller may open it for `mode`; otherwise 404 (the attempt audited). */
export async function openChild(ctx: Ctx, id: string, mode: ChildMode): Promise<repo.ChildRow> {
  const row = await repo.findVisibleChild(ctx.db, childVisible(ctx, mode), id);
  if (row) return row;
  await auditDenied(ctx, id, mode);
  throw notFound('排查儿童记录');
}
