import { createHash } from 'node:crypto';
import { type ColumnMapping, headerKey, headerShape } from '../../../domain/imports/headers';
import { resolveFieldName } from '../../../domain/imports/mapping';
import { newId } from '../../../domain/ids';
import { type Ctx, inTransaction, nowIso } from '../../context';
import { AppError } from '../../http/errors';
import { assertOrgInScope, orgInScope, orgScope } from '../../http/scope';
import { appendAudit } from '../audit/audit.service';
import type { ImportResult } from './import.service';
import { kindSpecs } from './kinds';
import type { ImportKind } from './kinds/types';
import { writePermission } from './uploads';

/**
 * Saved column mappings (import_mappings): a clerk's own ledger mapped once is read the same way
 * the next time a file with the same header row (shape) comes, for the same unit and ledger kind;
 * the CLI names one with `--mapping <name>`.
 */
export interface ImportMappingTable {
  id: string;
  org_id: string;
  kind: string;
  shape: string;
  name: string;
  headers: string;
  mapping: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface SavedMapping {
  id: string;
  name: string;
  shape: string;
  headers: string[];
  mapping: Record<string, string | null>;
  updatedAt: string;
}

const table = (ctx: Ctx) => ctx.db.withTables<{ import_mappings: ImportMappingTable }>();

/** The stored key of a header shape (`headerShape` of the header row). */
export const shapeHash = (shape: string) => createHash('sha256').update(shape).digest('hex').slice(0, 40);

/**
 * Checks a mapping against the kind's columns: every target must be a column key (or null to skip);
 * a target typed as a header (帮扶项目) is accepted and turned into its key.
 */
export function checkMapping(kind: ImportKind, mapping: ColumnMapping | undefined): Record<string, string | null> | undefined {
  if (!mapping) return undefined;
  const defs = kindSpecs[kind].columns;
  const out: Record<string, string | null> = {};
  const bad: { path: string; message: string }[] = [];
  for (const [header, target] of Object.entries(mapping)) {
    if (!headerKey(header)) continue;
    const key = target === null ? null : resolveFieldName(target, defs);
    if (key === undefined) bad.push({ path: `mapping.${header}`, message: `“${target}”不是${kindSpecs[kind].title}的字段（可选：${defs.map((d) => d.header).join('、')}）` });
    else out[header] = key;
  }
  if (bad.length) throw new AppError('VALIDATION', bad[0].message, bad);
  return out;
}

function fromRow(r: ImportMappingTable): SavedMapping {
  return { id: r.id, name: r.name, shape: r.shape, headers: JSON.parse(r.headers) as string[], mapping: JSON.parse(r.mapping) as Record<string, string | null>, updatedAt: r.updated_at };
}

/** The unit's saved mappings for a kind (an import looks its header row up among them). */
export async function loadSavedMappings(ctx: Ctx, orgId: string, kind: ImportKind): Promise<SavedMapping[]> {
  const rows = await table(ctx).selectFrom('import_mappings').selectAll().where('org_id', '=', orgId).where('kind', '=', kind).orderBy('updated_at', 'desc').execute();
  return rows.map(fromRow);
}

export async function findMappingByName(ctx: Ctx, orgId: string, kind: ImportKind, name: string): Promise<SavedMapping> {
  const row = await table(ctx).selectFrom('import_mappings').selectAll().where('org_id', '=', orgId).where('kind', '=', kind).where('name', '=', name.trim()).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `本单位没有名为“${name}”的${kindSpecs[kind].title}列对应`);
  return fromRow(row);
}

/**
 * Saves the mapping of a header row under a name for the unit and kind. A mapping saved before for
 * the same header row, or under the same name, is replaced.
 */
export async function saveMapping(ctx: Ctx, input: { orgId: string; kind: ImportKind; name: string; headers: string[]; shape: string; mapping: Record<string, string | null> }): Promise<SavedMapping> {
  await assertOrgInScope(ctx, writePermission(input.kind), input.orgId);
  const name = input.name.trim();
  if (!name || name.length > 50) throw new AppError('VALIDATION', '列对应的名称应为 1–50 个字', [{ path: 'saveMapping', message: '名称应为 1–50 个字' }]);
  const shape = shapeHash(input.shape);
  return inTransaction(ctx, async (tx) => {
    const t = table(tx);
    const old = await t.selectFrom('import_mappings').select(['id', 'created_at']).where('org_id', '=', input.orgId).where('kind', '=', input.kind).where((eb) => eb.or([eb('shape', '=', shape), eb('name', '=', name)])).execute();
    if (old.length) await t.deleteFrom('import_mappings').where('id', 'in', old.map((o) => o.id)).execute();
    const now = nowIso(tx);
    const row: ImportMappingTable = {
      id: newId(),
      org_id: input.orgId,
      kind: input.kind,
      shape,
      name,
      headers: JSON.stringify(input.headers),
      mapping: JSON.stringify(input.mapping),
      created_by: tx.actor.kind === 'user' ? tx.actor.id : null,
      created_at: old[0]?.created_at ?? now,
      updated_at: now,
    };
    await t.insertInto('import_mappings').values(row).execute();
    await appendAudit(tx, { action: 'save', entity: 'import_mapping', entityId: row.id, orgId: input.orgId, detail: { kind: input.kind, name, replaced: old.length } });
    return fromRow(row);
  });
}

/** The saved mappings the caller may use: of units in scope, optionally one unit and kind. */
export async function listMappings(ctx: Ctx, q: { orgId?: string; kind?: ImportKind }): Promise<{ items: (SavedMapping & { kind: ImportKind; orgId: string })[] }> {
  let query = table(ctx).selectFrom('import_mappings').selectAll().orderBy('updated_at', 'desc');
  if (q.kind) query = query.where('kind', '=', q.kind);
  if (q.orgId) query = query.where('org_id', '=', q.orgId);
  const scope = orgScope(ctx, q.kind ? writePermission(q.kind) : 'ledger.write');
  const rows = await query.where(orgInScope(scope, 'import_mappings.org_id')).execute();
  return { items: rows.map((r) => ({ ...fromRow(r), kind: r.kind as ImportKind, orgId: r.org_id })) };
}

/**
 * Saves the mapping a file was read with (every column of its header row → the field it filled, or
 * skipped), under a name, once the header row is complete. Nothing is saved for a file whose
 * header row still lacks a required column.
 */
export async function saveUsedMapping(ctx: Ctx, input: { orgId: string; kind: ImportKind; name: string }, result: Pick<ImportResult, 'mapping' | 'cells'>): Promise<SavedMapping | null> {
  const layout = result.cells.layout;
  if (!layout || !result.mapping || result.mapping.missing.length) return null;
  return saveMapping(ctx, { ...input, headers: layout.headers, shape: headerShape(layout.shapeCells), mapping: layout.mapping });
}

/** A mapping sent as JSON text in a query string (`?mapping={"救助项目":"program"}`). */
export function parseMappingText(text: string | undefined): ColumnMapping | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = null;
  }
  const ok = value !== null && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((v) => v === null || typeof v === 'string');
  if (!ok) throw new AppError('VALIDATION', '列对应 mapping 应为 JSON 对象：{"原列名":"字段"}，不导入的列写 null', [{ path: 'mapping', message: '格式不正确' }]);
  return value as ColumnMapping;
}
