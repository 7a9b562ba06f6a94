import { addDays } from '../../../domain/cases/deadlines';
import { type CaseAction, type CaseStatus, isCaseStatus, nextStatus } from '../../../domain/cases/flow';
import type { CaseKind, RiskLevel } from '../../../domain/cases/kinds';
import { newId } from '../../../domain/ids';
import { actorName, type Ctx, inTransaction, nowIso } from '../../context';
import type { CaseTable } from '../../db/types';
import { AppError, notFound, validation } from '../../http/errors';
import { appendAudit } from '../audit/audit.service';
import { mayDecideTransfer, openCase } from './cases.access';
import * as repo from './cases.repo';
import type { FollowupBody, TransitionBody } from './cases.schemas';
import { unitDeadlineDays } from './cases.service';
import { type CaseListItem, today, toListItems } from './cases.view';

/** What one step changes: the row's columns, and what the timeline records besides the statuses. */
interface Step {
  patch: Partial<CaseTable>;
  note: string | null;
  data: Record<string, unknown>;
}

function required(value: string | undefined, path: string, message: string): string {
  if (!value) throw validation(path, message);
  return value;
}

async function pendingTransfer(tx: Ctx, caseId: string) {
  const t = await tx.db.selectFrom('case_transfers').selectAll().where('case_id', '=', caseId).where('status', '=', 'pending').executeTakeFirst();
  if (!t) throw new AppError('RULE_VIOLATED', '该个案没有待接收的转办');
  return t;
}

async function decideTransfer(tx: Ctx, row: repo.CaseRow, accept: boolean, reason: string | undefined): Promise<Step> {
  if (!(await mayDecideTransfer(tx, row.id))) throw new AppError('RULE_VIOLATED', '转办须由接收单位决定是否接收');
  const t = await pendingTransfer(tx, row.id);
  const refusal = accept ? null : required(reason, 'reason', '拒绝转办须填写理由');
  await tx.db
    .updateTable('case_transfers')
    .set({ status: accept ? 'accepted' : 'refused', decided_by: actorName(tx.actor), decided_at: nowIso(tx), reason: refusal })
    .where('id', '=', t.id)
    .execute();
  const data = { transferId: t.id, fromOrgId: t.from_org, toOrgId: t.to_org };
  // accepted: the receiving unit now owns the case and assigns its own handler
  if (accept) return { patch: { org_id: t.to_org, pending_to_org: null, handler_id: null, status: '受理' }, note: null, data };
  return { patch: { pending_to_org: null, status: t.from_status }, note: refusal, data };
}

async function step(tx: Ctx, row: repo.CaseRow, action: CaseAction, to: CaseStatus | 'back', b: TransitionBody): Promise<Step> {
  const day = today(tx);
  const status = to === 'back' ? undefined : to;
  switch (action) {
    case 'accept': {
      const days = await unitDeadlineDays(tx.db, row.org_id, row.kind as CaseKind, row.risk_level as RiskLevel | null);
      return { patch: { status, accepted_on: day, due_handle_on: addDays(day, days.handleDays) }, note: b.note ?? null, data: { handleDays: days.handleDays } };
    }
    case 'reject': {
      const reason = required(b.reason, 'reason', '不予受理须填写理由');
      return { patch: { status, rejected_on: day, reject_reason: reason }, note: reason, data: {} };
    }
    case 'assign': {
      const handlerId = required(b.handlerId, 'handlerId', '请选择承办人');
      if (!(await repo.userHasGrantOver(tx.db, handlerId, row.org_id))) throw validation('handlerId', '承办人须为受理单位或其上级单位的工作人员');
      return { patch: { status, handler_id: handlerId }, note: b.note ?? null, data: { handlerId } };
    }
    case 'transfer': {
      const toOrgId = required(b.toOrgId, 'toOrgId', '请选择转办的接收单位');
      const target = await tx.db.selectFrom('org_units').select(['id', 'name']).where('id', '=', toOrgId).executeTakeFirst();
      if (!target) throw new AppError('NOT_FOUND', '接收单位不存在', [{ path: 'toOrgId', message: '接收单位不存在' }]);
      if (target.id === row.org_id) throw validation('toOrgId', '不能转办给本单位');
      await tx.db
        .insertInto('case_transfers')
        .values({ id: newId(), case_id: row.id, from_org: row.org_id, to_org: target.id, status: 'pending', from_status: row.status, note: b.note ?? null, requested_by: actorName(tx.actor), requested_at: nowIso(tx), decided_by: null, decided_at: null, reason: null })
        .execute();
      return { patch: { status, pending_to_org: target.id }, note: b.note ?? null, data: { toOrgId: target.id, toOrgName: target.name } };
    }
    case 'accept_transfer':
    case 'refuse_transfer':
      return decideTransfer(tx, row, action === 'accept_transfer', b.reason);
    case 'close': {
      const outcome = required(b.outcome, 'outcome', '办结须选择办结结果');
      const text = required(b.outcomeText, 'outcomeText', '办结须填写办理情况');
      return { patch: { status, closed_on: day, outcome, outcome_text: text }, note: text, data: { outcome } };
    }
    case 'archive':
      return { patch: { status }, note: b.note ?? null, data: {} };
    case 'reopen': {
      const reason = required(b.reason, 'reason', '重新办理须填写理由');
      const days = await unitDeadlineDays(tx.db, row.org_id, row.kind as CaseKind, row.risk_level as RiskLevel | null);
      return { patch: { status, closed_on: null, outcome: null, outcome_text: null, due_handle_on: addDays(day, days.handleDays) }, note: reason, data: { previousOutcome: row.outcome } };
    }
    case 'followup':
      throw new AppError('RULE_VIOLATED', '回访请通过回访记录登记');
  }
}

function statusOf(row: repo.CaseRow): CaseStatus {
  if (!isCaseStatus(row.status)) throw new AppError('INTERNAL', `未知的个案状态 ${row.status}`);
  return row.status;
}

export const takenByOtherMessage = '已被他人处理，请刷新';

/**
 * Refuses an action the flow does not allow from the current status (422, nothing changes) — unless
 * the action was allowed from the status before the case's last step: then the caller acted on the
 * case as it stood before someone else moved it, and hears 409 like the loser of the conditional
 * update in record(). Which of the two a losing request meets depends on the database (SQLite runs
 * the two transactions one after the other, so the loser reads the new status; PostgreSQL lets both
 * read the old one), so both answer the same.
 */
async function checkAllowed(tx: Ctx, row: repo.CaseRow, action: CaseAction): Promise<CaseStatus | 'back'> {
  const r = nextStatus(statusOf(row), action);
  if (r.ok) return r.to;
  const before = await repo.lastEventFrom(tx.db, row.id);
  if (before && isCaseStatus(before) && nextStatus(before, action).ok) {
    throw new AppError('CONFLICT', takenByOtherMessage, [{ path: 'action', message: `个案已变为“${row.status}”` }]);
  }
  throw new AppError('RULE_VIOLATED', r.message, [{ path: 'action', message: r.message }]);
}

async function record(tx: Ctx, row: repo.CaseRow, action: CaseAction, s: Step): Promise<CaseListItem> {
  const now = nowIso(tx);
  // two clerks acting on one case at once: the second finds it changed and must look again
  if (!(await repo.updateCaseIfUnchanged(tx.db, row, { ...s.patch, updated_at: now }))) throw new AppError('CONFLICT', takenByOtherMessage, [{ path: 'action', message: '个案刚被他人更新' }]);
  const toStatus = s.patch.status ?? row.status;
  await repo.insertEvent(tx.db, { id: newId(), case_id: row.id, at: now, actor: actorName(tx.actor), action, from_status: row.status, to_status: toStatus, note: s.note, data: JSON.stringify(s.data) });
  await appendAudit(tx, { action: 'transition', entity: 'case', entityId: row.id, orgId: row.org_id, detail: { action, from: row.status, to: toStatus } });
  const updated = await repo.findCaseById(tx.db, row.id);
  if (!updated) throw notFound('个案');
  return (await toListItems(tx, [updated]))[0];
}

/** POST /cases/:id/transitions: one step of the flow, in one transaction with its timeline entry and audit entry. */
export async function transitionCase(ctx: Ctx, id: string, body: TransitionBody): Promise<CaseListItem> {
  await openCase(ctx, id, 'write'); // outside the transaction: a refused attempt's audit entry must stay
  return inTransaction(ctx, async (tx) => {
    const row = await openCase(tx, id, 'write');
    const to = await checkAllowed(tx, row, body.action);
    return record(tx, row, body.action, await step(tx, row, body.action, to, body));
  });
}

/** POST /cases/:id/followups: a follow-up visit (回访) after closing; one or more before archiving. */
export async function addFollowup(ctx: Ctx, id: string, body: FollowupBody): Promise<CaseListItem> {
  await openCase(ctx, id, 'write');
  return inTransaction(ctx, async (tx) => {
    const row = await openCase(tx, id, 'write');
    await checkAllowed(tx, row, 'followup');
    const on = body.on ?? today(tx);
    if (row.closed_on && on < row.closed_on) throw validation('on', '回访日期不能早于办结日期');
    const followupId = newId();
    await tx.db
      .insertInto('case_followups')
      .values({ id: followupId, case_id: id, followed_on: on, followed_by: actorName(tx.actor), method: body.method, note: body.note ?? null, created_at: nowIso(tx) })
      .execute();
    return record(tx, row, 'followup', { patch: { status: '回访' }, note: body.note ?? null, data: { followupId, on, method: body.method } });
  });
}
