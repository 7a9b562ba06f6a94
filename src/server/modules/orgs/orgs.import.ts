import { newId } from '../../../domain/ids';
import { shanghaiDate } from '../../../domain/dates';
import { type Ctx, inTransaction, nowIso } from '../../context';
import { AppError, notFound } from '../../http/errors';
import { assertOrgInScope } from '../../http/scope';
import { appendAudit } from '../audit/audit.service';
import { batchNumberOf } from '../imports/batches.service';
import type { RowReader } from '../imports/kinds/row';
import { readSheetTable } from '../imports/table-sheet';
import { type BatchItem, isForeignKeyError, itemsBackwards, recordTreeBatch, stripErrors, type TreeImportRequest, type TreeImportResult } from '../imports/tree-batches';
import { insertUnit, moveSubtree } from './orgs.repo';
import { orgColumns, type OrgStep, planOrgTree, readOrgRow, type TreeUnit } from './orgs.import-plan';

/**
 * `quntuan import orgs` and the web's 导入组织架构: the tree below an existing unit from Excel, all or
 * nothing (a tree half written is worse than none), in one transaction, one batch, one audit entry.
 * Needs `org.write` over the root. A dry run checks the same way and writes nothing.
 */
const unitColumns = ['id', 'code', 'name', 'kind', 'level', 'parent_id', 'division_code', 'established_on', 'dissolved_on'] as const;

async function loadTree(ctx: Ctx, rootId: string) {
  const units: TreeUnit[] = await ctx.db
    .selectFrom('org_closure as c')
    .innerJoin('org_units as u', 'u.id', 'c.descendant_id')
    .select(unitColumns.map((c) => `u.${c}` as const))
    .where('c.ancestor_id', '=', rootId)
    .execute();
  const root = units.find((u) => u.id === rootId);
  if (!root) throw notFound('组织');
  const codes = await ctx.db.selectFrom('org_units').select('code').execute();
  // the county's division code: the root's own, else its nearest ancestor's that has one
  const above = await ctx.db
    .selectFrom('org_closure as c')
    .innerJoin('org_units as u', 'u.id', 'c.ancestor_id')
    .select(['u.division_code'])
    .where('c.descendant_id', '=', rootId)
    .where('u.division_code', 'is not', null)
    .orderBy('c.depth')
    .executeTakeFirst();
  return { root, units, takenCodes: new Set(codes.map((c) => c.code.toUpperCase())), countyDivision: above?.division_code ?? null };
}

export async function importOrgTree(ctx: Ctx, req: TreeImportRequest): Promise<TreeImportResult> {
  await assertOrgInScope(ctx, 'org.write', req.orgId);
  const table = await readSheetTable(req.content, orgColumns, shanghaiDate(ctx.now()));
  const headerRow = table.header?.row ?? null;
  const base = { kind: 'orgs' as const, rows: table.rows.length, warnings: table.warnings, preview: table.preview };
  if (table.headerErrors.length) {
    return { ...base, accepted: 0, rejected: 0, duplicates: 0, created: 0, updated: 0, errors: stripErrors(table.headerErrors), batchId: null, cells: { errors: table.headerErrors, headerRow } };
  }
  const tree = await loadTree(ctx, req.orgId);
  const readers = new Map<number, RowReader>(table.rows.map((r) => [r.row, r]));
  const rows = table.rows.map((r) => readOrgRow(r, tree.countyDivision));
  const plan = planOrgTree(rows, readers, tree);
  const bad = new Set(plan.errors.map((e) => e.row));
  for (const p of table.preview) if (bad.has(p.row)) p.status = 'error';
  const created = plan.steps.filter((s) => s.action === 'create').length;
  const updated = plan.steps.filter((s) => s.action === 'update').length;
  const same = plan.steps.filter((s) => s.action === 'same');
  for (const s of same) {
    const p = table.preview.find((x) => x.row === s.row.row);
    if (p) p.status = 'duplicate';
  }
  const counts = { ...base, accepted: created + updated, rejected: bad.size, duplicates: same.length, created, updated, errors: stripErrors(plan.errors) };
  if (plan.errors.length || req.dryRun || created + updated === 0) {
    // all or nothing: with any bad row nothing is written, so nothing counts as accepted
    const accepted = plan.errors.length ? 0 : counts.accepted;
    return { ...counts, accepted, batchId: null, cells: { errors: plan.errors, headerRow } };
  }
  const batchId = await inTransaction(ctx, async (tx) => {
    const items = await writeSteps(tx, plan.steps);
    return recordTreeBatch(tx, { kind: 'orgs', orgId: req.orgId, filename: req.filename, content: req.content, result: counts, items });
  }).catch((e: unknown) => {
    const code = (e as { code?: unknown } | null)?.code;
    if (code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE') throw new AppError('CONFLICT', '导入期间有人同时新增了相同编码的单位，请重新导入');
    throw e;
  });
  return { ...counts, batchId, batchNumber: await batchNumberOf(ctx, batchId), cells: { errors: [], headerRow } };
}

async function writeSteps(tx: Ctx, steps: OrgStep[]): Promise<BatchItem[]> {
  const now = nowIso(tx);
  const idOfRow = new Map<number, string>();
  const items: BatchItem[] = [];
  for (const s of steps) {
    const parentId = 'row' in s.parent ? (idOfRow.get(s.parent.row) as string) : s.parent.unitId;
    const r = s.row;
    if (s.existing) idOfRow.set(r.row, s.existing.id);
    if (s.action === 'same') continue;
    if (s.action === 'create') {
      const id = newId();
      idOfRow.set(r.row, id);
      await insertUnit(tx.db, { id, code: s.code, name: r.name, kind: r.kind, level: s.level, parent_id: parentId, division_code: r.division, established_on: r.establishedOn, dissolved_on: r.dissolvedOn, created_at: now, updated_at: now });
      items.push({ entity: 'org', entityId: id, action: 'create' });
      continue;
    }
    const u = s.existing as TreeUnit;
    const before = { name: u.name, kind: u.kind, level: u.level, parent_id: u.parent_id, division_code: u.division_code, established_on: u.established_on, dissolved_on: u.dissolved_on };
    if (parentId !== u.parent_id) await moveSubtree(tx.db, u.id, parentId);
    await tx.db
      .updateTable('org_units')
      .set({ name: r.name, kind: r.kind, level: s.level, division_code: r.division ?? u.division_code, established_on: r.establishedOn ?? u.established_on, dissolved_on: r.dissolvedOn ?? u.dissolved_on, updated_at: now })
      .where('id', '=', u.id)
      .execute();
    items.push({ entity: 'org', entityId: u.id, action: 'update', before });
  }
  return items;
}

/**
 * Undoes an org tree batch, last step first: updated units get their values (and place) back,
 * created units are removed. Refused when a created unit has since been used (a unit added below
 * it by hand, an account, records): nothing is undone then.
 */
export async function undoOrgBatch(ctx: Ctx, batch: { id: string; orgId: string }): Promise<number> {
  await assertOrgInScope(ctx, 'org.write', batch.orgId).catch(() => {
    throw notFound('导入批次');
  });
  return inTransaction(ctx, async (tx) => {
    const items = await itemsBackwards(tx, batch.id);
    const createdIds = items.filter((i) => i.action === 'create').map((i) => i.entityId);
    await refuseIfUsed(tx, createdIds);
    for (const it of items) {
      if (it.action === 'create') {
        await tx.db.deleteFrom('org_closure').where('descendant_id', '=', it.entityId).execute();
        await tx.db.deleteFrom('org_units').where('id', '=', it.entityId).execute();
        continue;
      }
      const b = it.before as Record<string, string | null>;
      const current = await tx.db.selectFrom('org_units').select('parent_id').where('id', '=', it.entityId).executeTakeFirstOrThrow();
      if (current.parent_id !== b.parent_id) await moveSubtree(tx.db, it.entityId, b.parent_id);
      await tx.db
        .updateTable('org_units')
        .set({ name: b.name as string, kind: b.kind as string, level: b.level as string, division_code: b.division_code, established_on: b.established_on, dissolved_on: b.dissolved_on, updated_at: nowIso(tx) })
        .where('id', '=', it.entityId)
        .execute();
    }
    await closeUndone(tx, batch, items.length);
    return items.length;
  }).catch((e: unknown) => {
    if (isForeignKeyError(e)) throw new AppError('CONFLICT', '该批次新建的单位已有业务记录（人员、台账、荣誉等），不能撤销');
    throw e;
  });
}

async function refuseIfUsed(tx: Ctx, createdIds: string[]): Promise<void> {
  if (!createdIds.length) return;
  const mine = new Set(createdIds);
  for (let i = 0; i < createdIds.length; i += 500) {
    const part = createdIds.slice(i, i + 500);
    const children = await tx.db.selectFrom('org_units').select(['id', 'name']).where('parent_id', 'in', part).execute();
    const outsider = children.find((c) => !mine.has(c.id));
    if (outsider) throw new AppError('CONFLICT', `该批次新建的单位下已另行添加了“${outsider.name}”，不能撤销`);
    const grant = await tx.db.selectFrom('user_grants as g').innerJoin('users as u', 'u.id', 'g.user_id').innerJoin('org_units as o', 'o.id', 'g.org_id').select(['u.username', 'o.name']).where('g.org_id', 'in', part).executeTakeFirst();
    if (grant) throw new AppError('CONFLICT', `该批次新建的单位“${grant.name}”已授权给用户 ${grant.username}，请先撤销或修改这些用户`);
  }
}

async function closeUndone(tx: Ctx, batch: { id: string; orgId: string }, count: number): Promise<void> {
  const now = nowIso(tx);
  const done = await tx.db.updateTable('import_batches').set({ status: 'undone', undone_at: now, undone_by: tx.actor.kind === 'user' ? tx.actor.id : null }).where('id', '=', batch.id).where('status', '=', 'committed').executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1) throw new AppError('CONFLICT', '该导入批次已撤销');
  await appendAudit(tx, { action: 'undo', entity: 'import_batch', entityId: batch.id, orgId: batch.orgId, detail: { kind: 'orgs', steps: count } });
}
