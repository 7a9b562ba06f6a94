import type { Selectable } from 'kysely';
import { shanghaiDate } from '../../../domain/dates';
import { type Ctx, inTransaction, nowIso } from '../../context';
import type { ImportBatchTable } from '../../db/types';
import { AppError, notFound } from '../../http/errors';
import { assertOrgInScope, hasPermission, orgInScope, orgScope } from '../../http/scope';
import { appendAudit } from '../audit/audit.service';
import { undoOrgBatch } from '../orgs/orgs.import';
import { deleteUnreferencedBatchPeople } from '../people/people.bulk';
import { undoUserBatch } from '../users/users.import';
import type { ImportKind } from './kinds/types';
import { isTreeKind } from './tree-batches';
import { writePermission } from './uploads';
import { chunked } from './writers/common';

/** Import batches: list, detail and undo (a whole batch, in one transaction, audited). */
export const undoReason = '撤销导入批次';

export interface BatchView {
  id: string;
  /** 导入批次 2026-0001: the batch's place among all batches of its year (Asia/Shanghai), for people to read and quote */
  number: string;
  kind: string;
  orgId: string;
  orgName: string;
  filename: string;
  rows: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  status: string;
  createdAt: string;
  createdBy: string | null;
  undoneAt: string | null;
  errors?: { row: number; column: string; message: string }[];
}

const readPermission = (ctx: Ctx) => (hasPermission(ctx, 'ledger.read') ? 'ledger.read' : 'person.read');

function query(ctx: Ctx) {
  return ctx.db
    .selectFrom('import_batches as b')
    .innerJoin('org_units as u', 'u.id', 'b.org_id')
    .leftJoin('users as us', 'us.id', 'b.created_by')
    .selectAll('b')
    .select(['u.name as org_name', 'us.display_name as created_by_name', 'us.username as created_by_username'])
    .where(orgInScope(orgScope(ctx, readPermission(ctx)), 'b.org_id'));
}

type Row = Selectable<ImportBatchTable> & { org_name: string; created_by_name: string | null; created_by_username: string | null };

/**
 * Readable batch numbers: the year (Asia/Shanghai) and the batch's place in that year's batches of
 * the whole installation, oldest first — stable, because batches are never deleted (an undone one
 * keeps its row and its number). Counted over every batch, not the caller's scope, so two people
 * quoting 2026-0007 mean the same batch.
 */
export async function batchNumbers(ctx: Ctx, rows: readonly { id: string; created_at: string }[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const years = Array.from(new Set(rows.map((r) => shanghaiDate(new Date(r.created_at)).slice(0, 4))));
  for (const year of years) {
    // a Shanghai year runs from 16:00 UTC on 31 December of the year before
    const start = new Date(Date.UTC(Number(year) - 1, 11, 31, 16)).toISOString();
    const end = new Date(Date.UTC(Number(year), 11, 31, 16)).toISOString();
    const all = await ctx.db.selectFrom('import_batches').select(['id']).where('created_at', '>=', start).where('created_at', '<', end).orderBy('created_at').orderBy('id').execute();
    all.forEach((b, i) => out.set(b.id, `${year}-${String(i + 1).padStart(4, '0')}`));
  }
  return out;
}

/** The readable number of one batch (2026-0003), or null when the import wrote no batch. */
export async function batchNumberOf(ctx: Ctx, id: string | null): Promise<string | null> {
  if (!id) return null;
  const row = await ctx.db.selectFrom('import_batches').select(['id', 'created_at']).where('id', '=', id).executeTakeFirst();
  return row ? ((await batchNumbers(ctx, [row])).get(id) ?? null) : null;
}

/** Where a ledger record came from, for its detail page: 导入批次 2026-0003 and the file's name. */
export interface BatchSource {
  number: string;
  filename: string;
}

/**
 * A record with its import batch named for people (number and file name, never the batch's id). The
 * caller has already read the record through the scope guard; the batch's own unit may lie above
 * the caller's scope (a county import into a township), so only these two facts are given.
 */
export async function withBatchSource<T extends { batchId: string | null }>(ctx: Ctx, item: T): Promise<T & { batch: BatchSource | null }> {
  if (!item.batchId) return { ...item, batch: null };
  const row = await ctx.db.selectFrom('import_batches').select(['id', 'created_at', 'filename']).where('id', '=', item.batchId).executeTakeFirst();
  if (!row) return { ...item, batch: null };
  return { ...item, batch: { number: (await batchNumbers(ctx, [row])).get(row.id) ?? '', filename: row.filename } };
}

function toView(r: Row, numbers: Map<string, string>, withErrors = false): BatchView {
  return {
    id: r.id,
    number: numbers.get(r.id) ?? '',
    kind: r.kind,
    orgId: r.org_id,
    orgName: r.org_name,
    filename: r.filename,
    rows: Number(r.rows),
    accepted: Number(r.accepted),
    rejected: Number(r.rejected),
    duplicates: Number(r.duplicates),
    status: r.status,
    createdAt: r.created_at,
    createdBy: r.created_by_name ?? r.created_by_username ?? r.created_by,
    undoneAt: r.undone_at,
    ...(withErrors ? { errors: JSON.parse(r.errors) as BatchView['errors'] } : {}),
  };
}

export async function listBatches(ctx: Ctx, q: { orgId?: string; kind?: string }): Promise<{ items: BatchView[] }> {
  let qb = query(ctx);
  if (q.orgId) {
    await assertOrgInScope(ctx, readPermission(ctx), q.orgId);
    const root = q.orgId;
    qb = qb.where('b.org_id', 'in', (eb) => eb.selectFrom('org_closure').select('descendant_id').where('ancestor_id', '=', root));
  }
  if (q.kind) qb = qb.where('b.kind', '=', q.kind);
  const rows = await qb.orderBy('b.created_at', 'desc').orderBy('b.id', 'desc').limit(500).execute();
  const numbers = await batchNumbers(ctx, rows);
  return { items: rows.map((r) => toView(r as Row, numbers)) };
}

export async function getBatch(ctx: Ctx, id: string): Promise<BatchView> {
  const row = await query(ctx).where('b.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('导入批次');
  return toView(row as Row, await batchNumbers(ctx, [row]), true);
}

const ledgerTables = { activities: 'activities', assistance: 'assistance', loans: 'loans', contracts: 'contracts' } as const;

/** Soft-deletes the batch's ledger records (people and households it created and nothing else uses are removed). */
export async function undoBatch(ctx: Ctx, id: string): Promise<BatchView> {
  const batch = await getBatch(ctx, id);
  if (isTreeKind(batch.kind)) return undoTreeBatch(ctx, batch);
  const kind = batch.kind as ImportKind;
  orgScope(ctx, writePermission(kind)); // 403 without the permission; 404 outside its scope
  await assertOrgInScope(ctx, writePermission(kind), batch.orgId).catch(() => {
    throw notFound('导入批次');
  });
  if (batch.status === 'undone') throw new AppError('CONFLICT', '该导入批次已撤销');
  const removed = await inTransaction(ctx, async (tx) => {
    const now = nowIso(tx);
    let count = 0;
    if (kind === 'people') count = await deleteUnreferencedBatchPeople(tx, id);
    else if (kind === 'households') count = await deleteUnusedHouseholds(tx, id);
    else {
      const table = ledgerTables[kind];
      const r = await tx.db.updateTable(table).set({ deleted_at: now, delete_reason: undoReason, updated_at: now }).where('batch_id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
      count = Number(r.numUpdatedRows);
    }
    const done = await tx.db.updateTable('import_batches').set({ status: 'undone', undone_at: now, undone_by: tx.actor.kind === 'user' ? tx.actor.id : null }).where('id', '=', id).where('status', '=', 'committed').executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw new AppError('CONFLICT', '该导入批次已撤销');
    await appendAudit(tx, { action: 'undo', entity: 'import_batch', entityId: id, orgId: batch.orgId, detail: { kind, removed: count } });
    return count;
  });
  ctx.log.info({ batchId: id, removed }, 'import batch undone');
  return getBatch(ctx, id);
}

async function deleteUnusedHouseholds(tx: Ctx, batchId: string): Promise<number> {
  const ids = (await tx.db.selectFrom('households').select('id').where('batch_id', '=', batchId).execute()).map((r) => r.id);
  let n = 0;
  for (const part of chunked(ids)) {
    const used = new Set((await tx.db.selectFrom('assistance').select('household_id').where('household_id', 'in', part).execute()).map((r) => r.household_id));
    const free = part.filter((h) => !used.has(h));
    if (!free.length) continue;
    await tx.db.deleteFrom('household_members').where('household_id', 'in', free).execute();
    await tx.db.deleteFrom('households').where('id', 'in', free).execute();
    n += free.length;
  }
  await deleteUnreferencedBatchPeople(tx, batchId);
  return n;
}

/** A set-up batch (org tree, users): undone by its own module, each step backwards. */
async function undoTreeBatch(ctx: Ctx, batch: BatchView): Promise<BatchView> {
  if (batch.status === 'undone') throw new AppError('CONFLICT', '该导入批次已撤销');
  const removed = batch.kind === 'orgs' ? await undoOrgBatch(ctx, batch) : await undoUserBatch(ctx, batch);
  ctx.log.info({ batchId: batch.id, removed }, 'import batch undone');
  return getBatch(ctx, batch.id);
}
