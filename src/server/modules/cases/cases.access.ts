import { type Expression, type SqlBool } from 'kysely';
import type { Ctx } from '../../context';
import { notFound } from '../../http/errors';
import { hitCounter } from '../../http/rate-limit';
import { caseVisible } from '../../http/scope';
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

/** At most this many denied attempts per caller and minute are written to the audit log; the rest only counted. */
export const deniedAuditLimit = { perCaller: 20, windowSec: 60 } as const;

/**
 * An attempt on a confidential case (家庭暴力, 困境儿童) that the caller may not open is audited
 * (read_case_denied / write_case_denied) whoever the caller is — staff of the same unit, a leader, or
 * a case worker of another township who guessed or was sent the case's id. The entry goes into the
 * case's unit's log; the caller still meets a plain 404 and learns nothing. A scanner cannot flood
 * the log: per caller and minute (a database counter, so every instance agrees) the first
 * `deniedAuditLimit.perCaller` attempts are written, the next one writes a single case_denied_throttled
 * entry, and the rest are counted only.
 */
async function auditDenied(ctx: Ctx, id: string, mode: CaseMode): Promise<void> {
  if (ctx.actor.kind !== 'user') return;
  const row = await repo.findCaseById(ctx.db, id);
  if (!row || !Number(row.confidential)) return;
  const { perCaller, windowSec } = deniedAuditLimit;
  const n = await hitCounter(ctx.db, `audit:case-denied:user:${ctx.actor.id}`, windowSec, ctx.now());
  const callerUnits = Array.from(new Set(ctx.actor.grants.map((g) => g.orgId))); // null: a global grant
  if (n <= perCaller) {
    await appendAudit(ctx, { action: mode === 'read' ? 'read_case_denied' : 'write_case_denied', entity: 'case', entityId: id, orgId: row.org_id, detail: { kind: row.kind, callerUnits } });
  } else if (n === perCaller + 1) {
    await appendAudit(ctx, { action: 'case_denied_throttled', entity: 'case', entityId: id, orgId: row.org_id, detail: { kind: row.kind, callerUnits, limit: perCaller, windowSec } });
  }
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
