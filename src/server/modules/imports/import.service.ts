import { shanghaiDate } from '../../../domain/dates';
import type { CellValue } from '../../../domain/imports/cells';
import { type ColumnMapping, headerShape } from '../../../domain/imports/headers';
import { newId } from '../../../domain/ids';
import { type Ctx, inTransaction, nowIso } from '../../context';
import { AppError } from '../../http/errors';
import { assertOrgInScope } from '../../http/scope';
import { appendAudit } from '../audit/audit.service';
import { kindSpecs } from './kinds';
import { type RowError, shortQuotes } from './kinds/row';
import { checkMapping, findMappingByName, loadSavedMappings, shapeHash } from './mappings.service';
import { type DetectOptions, type MappingInfo, mappingInfo } from './sheet-layout';
import type { ImportKind } from './kinds/types';
import { loadOrgResolver, type OrgResolver } from './org-resolver';
import { emptySummary, parseSheetChunks, type PreviewRow, type SheetSummary } from './parse';
import { sha256Of, writePermission } from './uploads';
import { kindWriters } from './writers';
import type { ColumnNamer } from './writers/types';
import { readSheetRows } from './xlsx-reader';
import type { SheetLimits } from './zip-guard';

/**
 * One import, the same for the CLI, the HTTP wizard and the benchmark. The sheet is read as a
 * stream and handled a chunk of rows at a time (check → resolve people → find duplicates → write),
 * all inside one transaction, so memory stays flat however long the file is. All-or-nothing by
 * default: after the first bad row nothing more is written, every later row is still checked so
 * the full error list comes out, and the transaction is rolled back at the end. `acceptValid`
 * writes the good rows of a file that also has bad ones. Rows already on record (same natural key)
 * are duplicates and are not written again. A dry run checks the same way and writes nothing.
 */
export interface ImportRequest {
  kind: ImportKind;
  orgId: string;
  filename: string;
  content: Buffer;
  dryRun?: boolean;
  acceptValid?: boolean;
  limits?: SheetLimits;
  /** rows checked and written together (default `chunkRows`, 2,000; tests use small chunks) */
  chunkRows?: number;
  onProgress?: (p: { phase: 'read' | 'write'; done: number; total: number }) => void;
  /** the clerk's column mapping: file header → column key, or null to skip the column */
  mapping?: ColumnMapping;
  /** a mapping saved for the unit and kind, by name (CLI --mapping); `mapping` entries win */
  mappingName?: string;
  /** the id the batch gets if one is written (a commit claims its upload with it first) */
  batchId?: string;
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
  /** the file's columns, their first values and suggested fields; null when no header row was found */
  mapping: MappingInfo | null;
  /** errors with the file's column numbers (for the error workbook), the header row, the date columns and the columns as mapped */
  cells: { errors: RowError[]; headerRow: number | null; dateColumns: number[]; layout: UsedLayout | null };
}

/** The header row as read and what each column was taken for (to save the mapping). */
export interface UsedLayout {
  headers: string[];
  shapeCells: CellValue[];
  mapping: Record<string, string | null>;
}

const batchErrorsKept = 1000;

interface Outcome {
  summary: SheetSummary;
  accepted: number;
  rejected: number;
  duplicates: number;
  errors: RowError[];
  warnings: string[];
  batchId: string | null;
  /** rows were written that must not stay (all-or-nothing with errors) */
  discard: boolean;
}

/** Thrown out of the transaction to roll back what an all-or-nothing import wrote before its first error. */
class Discard extends Error {
  constructor(readonly outcome: Outcome) {
    super('import rolled back');
  }
}

function namer(summary: SheetSummary, kind: ImportKind): ColumnNamer {
  return (key) => {
    const c = summary.header?.columns.find((m) => m.key === key);
    return { column: c?.header ?? kindSpecs[kind].columns.find((d) => d.key === key)?.header ?? key, col: c?.index };
  };
}

async function importRows(c: Ctx, req: ImportRequest, orgs: OrgResolver, sha256: string, write: boolean, detect: DetectOptions): Promise<Outcome> {
  const summary = emptySummary();
  const source = readSheetRows(req.content, { limits: req.limits, onBytes: (done, total) => req.onProgress?.({ phase: 'read', done, total }) });
  const session = kindWriters[req.kind].start(namer(summary, req.kind));
  const out: Outcome = { summary, accepted: 0, rejected: 0, duplicates: 0, errors: [], warnings: [], batchId: null, discard: false };
  const previewAt = new Map<number, PreviewRow>();
  let writing = write;
  for await (const chunk of parseSheetChunks(kindSpecs[req.kind], source, orgs, shanghaiDate(c.now()), summary, req.chunkRows, detect)) {
    if (previewAt.size < summary.preview.length) for (const p of summary.preview) previewAt.set(p.row, p);
    const plan = await session.plan(c, chunk.rows);
    const errors = [...chunk.errors, ...plan.errors].sort((a, b) => a.row - b.row);
    const bad = new Set(errors.map((e) => e.row));
    const good = chunk.rows.filter((r) => !bad.has(r.row) && !plan.duplicates.has(r.row));
    for (const e of errors) out.errors.push(e.message.length > 200 ? { ...e, message: shortQuotes(e.message) } : e);
    out.accepted += good.length;
    out.rejected += bad.size;
    for (const r of plan.duplicates) if (!bad.has(r)) out.duplicates++;
    for (const row of [...bad, ...plan.duplicates]) {
      const p = previewAt.get(row);
      if (p) p.status = bad.has(row) ? 'error' : 'duplicate';
    }
    if (writing && out.errors.length > 0 && !req.acceptValid) {
      writing = false; // all-or-nothing: check the rest, write no more, roll back at the end
      out.discard = out.batchId !== null;
    }
    if (!writing || good.length === 0) continue;
    out.batchId ??= await openBatch(c, req, sha256);
    await session.write(c, good, out.batchId);
  }
  if (out.discard || !out.batchId) return { ...out, batchId: null };
  req.onProgress?.({ phase: 'write', done: 0, total: out.accepted });
  out.warnings = await session.finish(c);
  await closeBatch(c, req, out, sha256);
  req.onProgress?.({ phase: 'write', done: out.accepted, total: out.accepted });
  return out;
}

async function openBatch(c: Ctx, req: ImportRequest, sha256: string): Promise<string> {
  const id = req.batchId ?? newId();
  await c.db
    .insertInto('import_batches')
    .values({
      id,
      kind: req.kind,
      org_id: req.orgId,
      filename: req.filename,
      file_sha256: sha256,
      rows: 0,
      accepted: 0,
      rejected: 0,
      duplicates: 0,
      status: 'committed',
      errors: '[]',
      created_by: c.actor.kind === 'user' ? c.actor.id : null,
      created_at: nowIso(c),
      undone_at: null,
      undone_by: null,
    })
    .execute();
  return id;
}

async function closeBatch(c: Ctx, req: ImportRequest, out: Outcome, sha256: string): Promise<void> {
  const batchId = out.batchId as string;
  const counts = { rows: out.summary.dataRows, accepted: out.accepted, rejected: out.rejected, duplicates: out.duplicates };
  await c.db
    .updateTable('import_batches')
    .set({ ...counts, errors: JSON.stringify(strip(out.errors.slice(0, batchErrorsKept))) })
    .where('id', '=', batchId)
    .execute();
  await appendAudit(c, { action: 'import', entity: 'import_batch', entityId: batchId, orgId: req.orgId, detail: { kind: req.kind, ...counts, sha256 } });
}

export async function runImport(ctx: Ctx, req: ImportRequest): Promise<ImportResult> {
  await assertOrgInScope(ctx, writePermission(req.kind), req.orgId);
  const orgs = await loadOrgResolver(ctx, req.orgId);
  const sha256 = sha256Of(req.content);
  const detect = await detectOptions(ctx, req);
  const outcome = req.dryRun
    ? await importRows(ctx, req, orgs, sha256, false, detect)
    : await inTransaction(ctx, async (tx) => {
        const o = await importRows(tx, req, orgs, sha256, true, detect);
        if (o.discard) throw new Discard(o);
        return o;
      }).catch((e: unknown) => {
        if (e instanceof Discard) return e.outcome;
        return conflictRetry(e);
      });
  const { summary } = outcome;
  const headerRow = summary.header?.row ?? null;
  const spec = kindSpecs[req.kind];
  const mapping = summary.layout && summary.header ? mappingInfo(spec, summary.layout, summary.header, summary.savedMapping, (s) => orgs.resolve(s).ok && s.trim() !== '') : null;
  const dates = new Set(spec.columns.filter((d) => d.date).map((d) => d.key));
  const cells = { headerRow, dateColumns: (summary.header?.columns ?? []).filter((m) => dates.has(m.key)).map((m) => m.index), layout: usedLayout(summary) };
  if (summary.headerErrors.length) {
    return { kind: req.kind, rows: summary.dataRows, accepted: 0, rejected: 0, duplicates: 0, errors: strip(summary.headerErrors), warnings: summary.warnings, batchId: null, preview: summary.preview, mapping, cells: { ...cells, errors: summary.headerErrors } };
  }
  return {
    kind: req.kind,
    rows: summary.dataRows,
    accepted: outcome.accepted,
    rejected: outcome.rejected,
    duplicates: outcome.duplicates,
    errors: strip(outcome.errors),
    warnings: [...summary.warnings, ...outcome.warnings],
    batchId: outcome.batchId,
    preview: summary.preview,
    mapping,
    cells: { ...cells, errors: outcome.errors },
  };
}

/** The clerk's mapping (given, or saved under a name), and the unit's saved mappings by header shape. */
async function detectOptions(ctx: Ctx, req: ImportRequest): Promise<DetectOptions> {
  const given = checkMapping(req.kind, req.mapping);
  const named = req.mappingName ? await findMappingByName(ctx, req.orgId, req.kind, req.mappingName) : null;
  if (named || given) return { mapping: { ...named?.mapping, ...given } };
  const saved = new Map((await loadSavedMappings(ctx, req.orgId, req.kind)).map((m) => [m.shape, m]));
  if (saved.size === 0) return {};
  return {
    findSaved: (values) => {
      const m = saved.get(shapeHash(headerShape(values)));
      return m ? { name: m.name, mapping: m.mapping } : null;
    },
  };
}

function usedLayout(summary: SheetSummary): UsedLayout | null {
  const layout = summary.layout;
  if (!layout) return null;
  const mapping: Record<string, string | null> = {};
  for (const c of layout.columns) mapping[c.header] = c.field;
  return { headers: layout.columns.map((c) => c.header), shapeCells: layout.shapeCells, mapping };
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
