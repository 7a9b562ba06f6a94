import { newId } from '../../../domain/ids';
import { type Ctx, nowIso } from '../../context';
import { appendAudit } from '../audit/audit.service';
import type { RowError } from './kinds/row';
import type { PreviewRow } from './parse';
import { sha256Of } from './uploads';
import { chunked } from './writers/common';

/**
 * Batches of the set-up imports (kind `orgs`: units of the tree, `users`: accounts). They live in
 * import_batches beside the ledger batches (same list, same undo button); what a batch did to each
 * unit or user is an import_batch_items row, in the order it was done, so undo runs it backwards.
 */
export const treeKinds = ['orgs', 'users'] as const;
export type TreeKind = (typeof treeKinds)[number];
export const isTreeKind = (k: string): k is TreeKind => (treeKinds as readonly string[]).includes(k);

export interface BatchItemTable {
  batch_id: string;
  seq: number;
  entity: string;
  entity_id: string;
  action: string;
  before: string | null;
}

export interface TreeImportRequest {
  orgId: string;
  filename: string;
  content: Buffer;
  dryRun?: boolean;
}

export interface TreeImportResult {
  kind: TreeKind;
  rows: number;
  /** rows written (units created or updated; users created) */
  accepted: number;
  rejected: number;
  /** rows already on record as written (nothing to change) */
  duplicates: number;
  created: number;
  updated: number;
  errors: { row: number; column: string; message: string }[];
  warnings: string[];
  batchId: string | null;
  /** the batch's readable number (2026-0003), when a batch was written */
  batchNumber?: string | null;
  preview: PreviewRow[];
  cells: { errors: RowError[]; headerRow: number | null };
}

export const batchItems = (ctx: Ctx) => ctx.db.withTables<{ import_batch_items: BatchItemTable }>();

export interface BatchItem {
  entity: 'org' | 'user';
  entityId: string;
  action: 'create' | 'update';
  before?: Record<string, unknown>;
}

/** Writes the batch row, its items and one audit entry, inside the caller's transaction. */
export async function recordTreeBatch(tx: Ctx, b: { kind: TreeKind; orgId: string; filename: string; content: Buffer; result: Omit<TreeImportResult, 'batchId' | 'preview' | 'cells'>; items: BatchItem[] }): Promise<string> {
  const id = newId();
  const sha256 = sha256Of(b.content);
  const counts = { rows: b.result.rows, accepted: b.result.accepted, rejected: b.result.rejected, duplicates: b.result.duplicates };
  await tx.db
    .insertInto('import_batches')
    .values({ id, kind: b.kind, org_id: b.orgId, filename: b.filename, file_sha256: sha256, ...counts, status: 'committed', errors: '[]', created_by: tx.actor.kind === 'user' ? tx.actor.id : null, created_at: nowIso(tx), undone_at: null, undone_by: null })
    .execute();
  const rows = b.items.map((it, seq) => ({ batch_id: id, seq, entity: it.entity, entity_id: it.entityId, action: it.action, before: it.before ? JSON.stringify(it.before) : null }));
  for (const part of chunked(rows, 200)) await batchItems(tx).insertInto('import_batch_items').values(part).execute();
  await appendAudit(tx, { action: 'import', entity: 'import_batch', entityId: id, orgId: b.orgId, detail: { kind: b.kind, ...counts, created: b.result.created, updated: b.result.updated, sha256 } });
  return id;
}

/** The batch's items, last first (the order undo needs). */
export async function itemsBackwards(ctx: Ctx, batchId: string): Promise<(BatchItem & { before: Record<string, unknown> | undefined })[]> {
  const rows = await batchItems(ctx).selectFrom('import_batch_items').selectAll().where('batch_id', '=', batchId).orderBy('seq', 'desc').execute();
  return rows.map((r) => ({ entity: r.entity as BatchItem['entity'], entityId: r.entity_id, action: r.action as BatchItem['action'], before: r.before ? (JSON.parse(r.before) as Record<string, unknown>) : undefined }));
}

/** A foreign-key refusal of the database (SQLite or PostgreSQL). */
export function isForeignKeyError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

export function stripErrors(errors: RowError[]): TreeImportResult['errors'] {
  return errors.map((e) => ({ row: e.row, column: e.column, message: e.message }));
}
