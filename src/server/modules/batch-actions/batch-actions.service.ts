import { naturalKeys } from '../../../domain/ledgers/natural-keys';
import { newId } from '../../../domain/ids';
import { type Ctx, inTransaction, nowIso } from '../../context';
import { AppError, notFound } from '../../http/errors';
import { assertOrgInScope, orgInScope, orgScope } from '../../http/scope';
import { appendAudit } from '../audit/audit.service';
import * as repo from './batch-actions.repo';
import { type BatchDeleteBody, type BatchMoveBody, type BatchTarget, batchTargetLabels } from './batch-actions.schemas';

/**
 * 批量操作 on the ledger lists: the selected records (or every record under the list's filters) are
 * soft-deleted with one reason, or moved to another unit, as ONE audited action that can be undone
 * as a whole (like an import batch). The batch is refused whole — nothing changed — when any record
 * is missing, already deleted or outside the caller's ledger.write scope (404, as for one record),
 * or when a move would make two live records the same (natural keys carry the unit).
 * Cases are not offered here: a case file is a legal record (信访工作条例), closed or transferred only
 * through its own flow (转办), never deleted in bulk.
 */
export interface BatchActionView {
  id: string;
  action: 'delete' | 'move';
  target: BatchTarget;
  targetLabel: string;
  count: number;
  reason: string | null;
  toOrgId: string | null;
  toOrgName: string | null;
  createdAt: string;
  createdBy: string | null;
  undoneAt: string | null;
}

const what = (target: BatchTarget) => `${batchTargetLabels[target]}记录`;

function refusedWhole(target: BatchTarget, selected: number, bad: number): AppError {
  return new AppError('NOT_FOUND', `所选 ${selected} 条${what(target)}中有 ${bad} 条不存在、已删除或不在您的管理范围内，整批未执行（没有修改任何记录）`, [
    { path: 'ids', message: `${bad} 条记录不存在、已删除或不在您的管理范围内` },
  ]);
}

/** Every selected record, live and inside the caller's write scope — or the whole batch is refused. */
async function loadSelection(ctx: Ctx, target: BatchTarget, rawIds: readonly string[]): Promise<repo.TargetRow[]> {
  const ids = Array.from(new Set(rawIds));
  const rows = await repo.rowsInScope(ctx.db, target, ids, orgInScope(orgScope(ctx, 'ledger.write'), 'org_id'));
  const live = rows.filter((r) => r.deleted_at === null);
  if (live.length !== ids.length) throw refusedWhole(target, ids.length, ids.length - live.length);
  return live;
}

/** The record's natural key in another unit (loans are keyed without their unit). */
function keyIn(target: BatchTarget, r: repo.TargetRow, orgId: string): string {
  switch (target) {
    case 'activities':
      return naturalKeys.activity({ name: r.name ?? '', type: r.type ?? '', startOn: r.start_on ?? '', orgId });
    case 'assistance':
      return naturalKeys.assistance({ personId: r.person_id ?? null, householdId: r.household_id ?? null, program: r.program ?? '', givenOn: r.given_on ?? '', amountFen: Number(r.amount_fen), orgId });
    case 'loans':
      return r.natural_key;
    case 'contracts':
      return naturalKeys.contract({ enterprise: r.enterprise ?? '', type: r.type ?? '', signedOn: r.signed_on ?? '', orgId });
  }
}

async function record(tx: Ctx, action: 'delete' | 'move', target: BatchTarget, rows: readonly repo.TargetRow[], extra: { reason?: string; toOrgId?: string }): Promise<string> {
  const id = newId();
  await tx.db
    .insertInto('batch_actions')
    .values({ id, action, target, reason: extra.reason ?? null, to_org_id: extra.toOrgId ?? null, count: rows.length, created_by: tx.actor.kind === 'user' ? tx.actor.id : null, created_at: nowIso(tx), undone_at: null, undone_by: null })
    .execute();
  for (const part of repo.chunk(rows, 200)) {
    await tx.db.insertInto('batch_action_items').values(part.map((r) => ({ action_id: id, record_id: r.id, from_org_id: r.org_id, from_key: r.natural_key }))).execute();
  }
  return id;
}

const stale = () => new AppError('CONFLICT', '所选记录中有记录刚被他人修改或删除，整批未执行，请刷新列表后重试');

export async function batchDelete(ctx: Ctx, input: BatchDeleteBody): Promise<BatchActionView> {
  const id = await inTransaction(ctx, async (tx) => {
    const rows = await loadSelection(tx, input.target, input.ids);
    const actionId = await record(tx, 'delete', input.target, rows, { reason: input.reason });
    const now = nowIso(tx);
    let done = 0;
    for (const part of repo.chunk(rows.map((r) => r.id), 500)) {
      const res = await tx.db.updateTable(input.target as 'contracts').set({ deleted_at: now, delete_reason: input.reason, updated_at: now }).where('id', 'in', part).where('deleted_at', 'is', null).executeTakeFirst();
      done += Number(res.numUpdatedRows);
    }
    if (done !== rows.length) throw stale();
    const orgId = await repo.commonAncestor(tx.db, rows.map((r) => r.org_id));
    await appendAudit(tx, { action: 'batch_delete', entity: input.target, entityId: actionId, orgId, detail: { count: rows.length, reason: input.reason } });
    return actionId;
  });
  return getBatchAction(ctx, id);
}

export async function batchMove(ctx: Ctx, input: BatchMoveBody): Promise<BatchActionView> {
  await assertOrgInScope(ctx, 'ledger.write', input.toOrgId);
  const to = await ctx.db.selectFrom('org_units').select(['id', 'name', 'dissolved_on']).where('id', '=', input.toOrgId).executeTakeFirst();
  if (!to) throw notFound('转入单位');
  const id = await inTransaction(ctx, async (tx) => {
    const rows = await loadSelection(tx, input.target, input.ids);
    const moved = rows.map((r) => ({ row: r, key: keyIn(input.target, r, input.toOrgId) }));
    const keys = moved.map((m) => m.key);
    const twins = keys.length - new Set(keys).size;
    const taken = await repo.liveKeyHolders(tx.db, input.target, keys, new Set(rows.map((r) => r.id)));
    if (twins || taken.length) {
      throw new AppError('CONFLICT', `有 ${twins + taken.length} 条${what(input.target)}转入“${to.name}”后会与该单位的记录重复，整批未执行（没有修改任何记录）`, [{ path: 'toOrgId', message: '转入后记录重复' }]);
    }
    const actionId = await record(tx, 'move', input.target, rows, { toOrgId: input.toOrgId });
    const now = nowIso(tx);
    for (const m of moved) {
      const res = await tx.db.updateTable(input.target as 'contracts').set({ org_id: input.toOrgId, natural_key: m.key, updated_at: now }).where('id', '=', m.row.id).where('deleted_at', 'is', null).executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw stale();
    }
    const orgId = await repo.commonAncestor(tx.db, [...rows.map((r) => r.org_id), input.toOrgId]);
    await appendAudit(tx, { action: 'batch_move', entity: input.target, entityId: actionId, orgId, detail: { count: rows.length, toOrgId: input.toOrgId } });
    return actionId;
  });
  return getBatchAction(ctx, id);
}

type ActionRow = { id: string; action: string; target: string; count: number; reason: string | null; to_org_id: string | null; to_org_name: string | null; created_at: string; created_by_name: string | null; undone_at: string | null };

function toView(r: ActionRow): BatchActionView {
  const target = r.target as BatchTarget;
  return {
    id: r.id,
    action: r.action === 'move' ? 'move' : 'delete',
    target,
    targetLabel: batchTargetLabels[target],
    count: Number(r.count),
    reason: r.reason,
    toOrgId: r.to_org_id,
    toOrgName: r.to_org_name,
    createdAt: r.created_at,
    createdBy: r.created_by_name,
    undoneAt: r.undone_at,
  };
}

function actionQuery(ctx: Ctx) {
  return ctx.db
    .selectFrom('batch_actions as b')
    .leftJoin('org_units as o', 'o.id', 'b.to_org_id')
    .leftJoin('users as u', 'u.id', 'b.created_by')
    .select(['b.id', 'b.action', 'b.target', 'b.count', 'b.reason', 'b.to_org_id', 'o.name as to_org_name', 'b.created_at', 'u.display_name as created_by_name', 'b.undone_at']);
}

/**
 * An action is the caller's to see and undo when every record it touched now lies in the caller's
 * ledger.write scope (where a delete left it, or where a move put it); else it does not exist for them.
 */
async function assertActionInScope(ctx: Ctx, id: string): Promise<void> {
  const scope = orgScope(ctx, 'ledger.write');
  const action = await ctx.db.selectFrom('batch_actions').select(['target']).where('id', '=', id).executeTakeFirst();
  if (!action) throw notFound('批量操作');
  const items = await ctx.db.selectFrom('batch_action_items').select('record_id').where('action_id', '=', id).execute();
  const ids = items.map((i) => i.record_id);
  const inScope = await repo.rowsInScope(ctx.db, action.target as BatchTarget, ids, orgInScope(scope, 'org_id'));
  if (inScope.length !== ids.length) throw notFound('批量操作');
}

export async function getBatchAction(ctx: Ctx, id: string): Promise<BatchActionView> {
  await assertActionInScope(ctx, id);
  const row = await actionQuery(ctx).where('b.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('批量操作');
  return toView(row as ActionRow);
}

/** The caller's own batch actions, newest first (their 撤销 list). */
export async function listBatchActions(ctx: Ctx): Promise<{ items: BatchActionView[] }> {
  orgScope(ctx, 'ledger.write');
  if (ctx.actor.kind !== 'user') return { items: [] };
  const rows = await actionQuery(ctx).where('b.created_by', '=', ctx.actor.id).orderBy('b.created_at', 'desc').orderBy('b.id', 'desc').limit(100).execute();
  return { items: rows.map((r) => toView(r as ActionRow)) };
}

/**
 * Undoes a whole action in one transaction: deleted records come back, moved ones return to their
 * units with their keys. Refused whole when a record has since been entered again (the same natural
 * key is live) or changed by someone else.
 */
export async function undoBatchAction(ctx: Ctx, id: string): Promise<BatchActionView> {
  await inTransaction(ctx, async (tx) => {
    await assertActionInScope(tx, id);
    const action = await tx.db.selectFrom('batch_actions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    if (action.undone_at) throw new AppError('CONFLICT', '该批量操作已撤销');
    const target = action.target as BatchTarget;
    const items = await tx.db.selectFrom('batch_action_items').select(['record_id', 'from_org_id', 'from_key']).where('action_id', '=', id).execute();
    const taken = await repo.liveKeyHolders(tx.db, target, items.map((i) => i.from_key), new Set(items.map((i) => i.record_id)));
    if (taken.length) throw new AppError('CONFLICT', `有 ${taken.length} 条${what(target)}已重新录入，与要恢复的记录重复，无法撤销（没有修改任何记录）`);
    const now = nowIso(tx);
    if (action.action === 'delete') {
      let done = 0;
      for (const part of repo.chunk(items.map((i) => i.record_id), 500)) {
        const res = await tx.db.updateTable(target as 'contracts').set({ deleted_at: null, delete_reason: null, updated_at: now }).where('id', 'in', part).where('deleted_at', '=', action.created_at).executeTakeFirst();
        done += Number(res.numUpdatedRows);
      }
      if (done !== items.length) throw new AppError('CONFLICT', '这批记录中有记录已被另行修改，无法整批撤销');
    } else {
      for (const i of items) {
        const res = await tx.db.updateTable(target as 'contracts').set({ org_id: i.from_org_id, natural_key: i.from_key, updated_at: now }).where('id', '=', i.record_id).where('org_id', '=', action.to_org_id as string).where('deleted_at', 'is', null).executeTakeFirst();
        if (Number(res.numUpdatedRows) !== 1) throw new AppError('CONFLICT', '这批记录中有记录已被另行修改、删除或再次转移，无法整批撤销');
      }
    }
    const marked = await tx.db.updateTable('batch_actions').set({ undone_at: now, undone_by: tx.actor.kind === 'user' ? tx.actor.id : null }).where('id', '=', id).where('undone_at', 'is', null).executeTakeFirst();
    if (Number(marked.numUpdatedRows) !== 1) throw new AppError('CONFLICT', '该批量操作已撤销');
    const orgId = await repo.commonAncestor(tx.db, [...items.map((i) => i.from_org_id), ...(action.to_org_id ? [action.to_org_id] : [])]);
    await appendAudit(tx, { action: 'batch_undo', entity: target, entityId: id, orgId, detail: { count: items.length, undone: action.action } });
  });
  return getBatchAction(ctx, id);
}
