import { shanghaiDate } from '../../../domain/dates';
import { newId } from '../../../domain/ids';
import { type Ctx, inTransaction, nowIso } from '../../context';
import { AppError } from '../../http/errors';
import { assertOrgInScope } from '../../http/scope';
import { appendAudit } from '../audit/audit.service';
import { kindSpecs } from './kinds';
import type { RowError } from './kinds/row';
import type { ImportKind } from './kinds/types';
import { loadOrgResolver } from './org-resolver';
import { type ParseOutcome, parseSheet, type PreviewRow } from './parse';
import { sha256Of, writePermission } from './uploads';
import { kindWriters } from './writers';
import type { ColumnNamer } from './writers/types';
import { readSheetRows } from './xlsx-reader';
import type { SheetLimits } from './zip-guard';

/**
 * One import, the same for the CLI, the HTTP wizard and the benchmark: read and check every row,
 * then (unless a dry run) write the good ones as one batch in one transaction. All-or-nothing by
 * default; `acceptValid` writes the good rows of a file that also has bad ones. Rows already on
 * record (same natural key) are duplicates and are not written again.
 */
export interface ImportRequest {
  kind: ImportKind;
  orgId: string;
  filename: string;
  content: Buffer;
  dryRun?: boolean;
  acceptValid?: boolean;
  limits?: SheetLimits;
  onProgress?: (p: { phase: 'read' | 'write'; done: number; total: number }) => void;
}

export interface ImportResult {
  kind: ImportKind;
  rows: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  errors: { row: number; column: string; message: string }[];
  warnings: string[];
  batchId: string | null;
  preview: PreviewRow[];
  /** errors with the file's column numbers (for the error workbook) and the header row */
  cells: { errors: RowError[]; headerRow: number | null };
}

const batchErrorsKept = 1000;

export async function parseUpload(ctx: Ctx, req: ImportRequest): Promise<ParseOutcome> {
  await assertOrgInScope(ctx, writePermission(req.kind), req.orgId);
  const orgs = await loadOrgResolver(ctx, req.orgId);
  const source = readSheetRows(req.content, { limits: req.limits, onBytes: (done, total) => req.onProgress?.({ phase: 'read', done, total }) });
  return parseSheet(kindSpecs[req.kind], source, orgs, shanghaiDate(ctx.now()));
}

function namer(parsed: ParseOutcome, kind: ImportKind): ColumnNamer {
  return (key) => {
    const c = parsed.header?.columns.find((m) => m.key === key);
    return { column: c?.header ?? kindSpecs[kind].columns.find((d) => d.key === key)?.header ?? key, col: c?.index };
  };
}

export async function runImport(ctx: Ctx, req: ImportRequest): Promise<ImportResult> {
  const parsed = await parseUpload(ctx, req);
  const base = { kind: req.kind, rows: parsed.dataRows, warnings: parsed.warnings, preview: parsed.preview };
  const headerOk = parsed.header !== null && parsed.header.missing.length === 0;
  if (!headerOk) {
    return { ...base, accepted: 0, rejected: 0, duplicates: 0, errors: strip(parsed.errors), batchId: null, cells: { errors: parsed.errors, headerRow: parsed.header?.row ?? null } };
  }
  const writer = kindWriters[req.kind];
  const decide = async (c: Ctx, write: boolean) => {
    const plan = await writer.plan(c, parsed.rows, namer(parsed, req.kind));
    const errors = [...parsed.errors, ...plan.errors].sort((a, b) => a.row - b.row);
    const bad = new Set(errors.map((e) => e.row));
    const good = parsed.rows.filter((r) => !bad.has(r.row) && !plan.duplicates.has(r.row));
    const duplicates = Array.from(plan.duplicates).filter((r) => !bad.has(r)).length;
    for (const p of parsed.preview) p.status = bad.has(p.row) ? 'error' : plan.duplicates.has(p.row) ? 'duplicate' : 'ok';
    const counts = { accepted: good.length, rejected: bad.size, duplicates, errors };
    if (!write || (errors.length > 0 && !req.acceptValid) || good.length === 0) return { ...counts, batchId: null, warnings: [] as string[] };
    req.onProgress?.({ phase: 'write', done: 0, total: good.length });
    const batchId = newId();
    await c.db
      .insertInto('import_batches')
      .values({
        id: batchId,
        kind: req.kind,
        org_id: req.orgId,
        filename: req.filename,
        file_sha256: sha256Of(req.content),
        rows: parsed.dataRows,
        accepted: good.length,
        rejected: bad.size,
        duplicates,
        status: 'committed',
        errors: JSON.stringify(strip(errors).slice(0, batchErrorsKept)),
        created_by: c.actor.kind === 'user' ? c.actor.id : null,
        created_at: nowIso(c),
        undone_at: null,
        undone_by: null,
      })
      .execute();
    const done = await writer.write(c, good, batchId, plan);
    await appendAudit(c, {
      action: 'import',
      entity: 'import_batch',
      entityId: batchId,
      orgId: req.orgId,
      detail: { kind: req.kind, rows: parsed.dataRows, accepted: good.length, rejected: bad.size, duplicates, sha256: sha256Of(req.content) },
    });
    req.onProgress?.({ phase: 'write', done: good.length, total: good.length });
    return { ...counts, batchId, warnings: done.warnings };
  };
  const outcome = req.dryRun ? await decide(ctx, false) : await inTransaction(ctx, (tx) => decide(tx, true)).catch(conflictRetry);
  return {
    ...base,
    warnings: [...parsed.warnings, ...outcome.warnings],
    accepted: outcome.accepted,
    rejected: outcome.rejected,
    duplicates: outcome.duplicates,
    errors: strip(outcome.errors),
    batchId: outcome.batchId,
    cells: { errors: outcome.errors, headerRow: parsed.header?.row ?? null },
  };
}

function strip(errors: RowError[]): { row: number; column: string; message: string }[] {
  return errors.map((e) => ({ row: e.row, column: e.column, message: e.message }));
}

function conflictRetry(e: unknown): never {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE') {
    throw new AppError('CONFLICT', '导入期间有人同时录入了相同的记录，请重新导入（已录入的行会计为重复）');
  }
  throw e;
}
