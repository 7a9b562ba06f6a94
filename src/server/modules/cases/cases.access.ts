import { type Expression, type SqlBool } from 'kysely';
import { roleHas } from '../../../domain/roles';
import type { Ctx } from '../../context';
import { notFound } from '../../http/errors';
import { caseVisible, orgInScope, rolesScope } from '../../http/scope';
import { appendAudit } from '../audit/audit.service';
import * as repo from './cases.repo';

/**
 * Who may open a case. Ordinary cases: case.read / case.write over the receiving unit's subtree.
 * Confidential cases (家庭暴力, 困境儿童): the handler, org_admin (read) and case_worker (read and
 * write) granted on the unit or an ancestor; nobody else, not a leader nor a global sysadmin.
 * A pending 转办 also shows the case to the unit it is addressed to.
 */
export type CaseMode = 'read' | 'write';

export function visibleCondition(ctx: Ctx, mode: CaseMode, orgColumns: readonly string[] = ['c.org_id', 'c.pending_to_org'], withHandler = true): Expression<SqlBool> {
  return caseVisible(ctx, mode === 'read' ? 'case.read' : 'case.write', mode === 'read' ? ['org_admin', 'case_worker'] : ['case_worker'], {
    orgColumns,
    handlerColumn: withHandler ? 'c.handler_id' : null,
    confidentialColumn: 'c.confidential',
  });
}

/**
 * An attempt on a confidential case that the caller may not open is audited (read_case_denied)
 * when the caller can see the case's unit at all (staff or a leader of the same unit or above).
 * A caller of another subtree meets a plain 404, as for any record outside the scope: the case
 * does not exist for them, and nothing of theirs is written into that unit's log.
 */
async function auditDenied(ctx: Ctx, id: string, mode: CaseMode): Promise<void> {
  if (ctx.actor.kind !== 'user') return;
  const row = await repo.findCaseById(ctx.db, id);
  if (!row || !row.confidential) return;
  const scope = rolesScope(ctx, (r) => roleHas(r, 'org.read'));
  if (!scope.all && scope.roots.length === 0) return;
  const unit = await ctx.db.selectFrom('org_units').select('id').where('id', '=', row.org_id).where(orgInScope(scope, 'org_units.id')).executeTakeFirst();
  if (!unit) return;
  await appendAudit(ctx, { action: mode === 'read' ? 'read_case_denied' : 'write_case_denied', entity: 'case', entityId: id, orgId: row.org_id, detail: { kind: row.kind } });
}

/** The case if the caller may open it for `mode`; otherwise 404 (audited for confidential cases). */
export async function openCase(ctx: Ctx, id: string, mode: CaseMode): Promise<repo.CaseRow> {
  const row = await repo.findVisibleCase(ctx.db, visibleCondition(ctx, mode), id);
  if (row) return row;
  await auditDenied(ctx, id, mode);
  throw notFound('个案');
}

/** Whether the caller may decide a 转办 addressed to the case's pending target unit. */
export async function mayDecideTransfer(ctx: Ctx, id: string): Promise<boolean> {
  return Boolean(await repo.findVisibleCase(ctx.db, visibleCondition(ctx, 'write', ['c.pending_to_org'], false), id));
}
