import { newId } from '../../../domain/ids';
import { formatMetricValue } from '../../../domain/metrics/format';
import { expectedProgressHundredths, targetValueText, type TargetComparison } from '../../../domain/targets/progress';
import { type Ctx, inTransaction, nowIso } from '../../context';
import { AppError, notFound } from '../../http/errors';
import { assertOrgInScope, defaultOrgId, orgScope, resolveOrgInScope } from '../../http/scope';
import { appendAudit } from '../audit/audit.service';
import { createdBy, isUniqueViolation, parseWith } from '../catalogs/ledger-kit';
import { buildItems, defaultTitle, exactSum, parseTargetMetric, type TargetItem, today } from './targets.evaluate';
import * as repo from './targets.repo';
import { createTargetBody, type CreateTargetBody, type ListTargetsQuery, splitTargetBody, type SplitTargetBody, updateTargetBody, type UpdateTargetBody } from './targets.schemas';

/**
 * Annual targets (年度目标). Reading needs ledger.read, writing ledger.write: a target is a figure
 * over the unit's own ledgers, set and split by the staff who keep those ledgers (工作人员); leaders
 * and viewers follow progress. Units are always resolved through the scope guard (404 outside it).
 */
export type { TargetItem } from './targets.evaluate';

const what = '年度目标';

async function loadLive(ctx: Ctx, id: string, permission: 'ledger.read' | 'ledger.write'): Promise<repo.TargetRow> {
  const row = await repo.findLiveTarget(ctx.db, orgScope(ctx, permission), id);
  if (!row) throw notFound(what);
  return row;
}

async function one(ctx: Ctx, row: repo.TargetRow): Promise<TargetItem> {
  return (await buildItems(ctx, [row]))[0];
}

async function assertKeyFree(ctx: Ctx, key: { orgId: string; year: number; metricRef: string; comparison: string }, exceptId?: string): Promise<void> {
  const existing = await repo.findLiveByKey(ctx.db, key);
  if (existing && existing.id !== exceptId) throw duplicate(existing.id);
}

function duplicate(existingId: string | null): AppError {
  const message = '该组织本年度已有相同指标的目标';
  return new AppError('CONFLICT', message, [{ path: 'metric', message }, ...(existingId ? [{ path: 'existingId', message: existingId }] : [])]);
}

async function guardUnique<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicate(null);
    throw e;
  }
}

export async function createTarget(ctx: Ctx, input: CreateTargetBody): Promise<TargetItem> {
  orgScope(ctx, 'ledger.write');
  const body = parseWith(createTargetBody, input);
  const metric = parseTargetMetric(body.metric);
  const row = await guardUnique(() =>
    inTransaction(ctx, async (tx) => {
      const ref = body.orgId ?? body.orgCode;
      const orgId = ref ? await resolveOrgInScope(tx, 'ledger.write', ref, body.orgId ? 'orgId' : 'orgCode') : defaultOrgId(tx, 'ledger.write');
      const key = { orgId, year: body.year, metricRef: metric.ref, comparison: body.comparison };
      await assertKeyFree(tx, key);
      const id = newId();
      const now = nowIso(tx);
      await repo.insertTarget(tx.db, {
        id, org_id: orgId, year: body.year, metric_ref: metric.ref, comparison: body.comparison, target_value: targetValueText(body.value),
        title: body.title || defaultTitle(metric, body.comparison, body.value), parent_id: null, note: body.note || null,
        created_by: createdBy(tx), created_at: now, updated_at: now, deleted_at: null,
      });
      await appendAudit(tx, { action: 'create', entity: 'target', entityId: id, orgId, detail: { year: body.year, metric: metric.ref, comparison: body.comparison, value: body.value } });
      return loadLive(tx, id, 'ledger.write');
    }),
  );
  return one(ctx, row);
}

export async function getTarget(ctx: Ctx, id: string): Promise<TargetItem> {
  return one(ctx, await loadLive(ctx, id, 'ledger.read'));
}

/**
 * The year's targets of the units in scope (optionally one unit's subtree). Parts appear under their
 * parent; a part whose parent the caller cannot see (a township user under a county target) is listed
 * at the top level.
 */
export async function listTargets(ctx: Ctx, q: ListTargetsQuery) {
  const scope = orgScope(ctx, 'ledger.read');
  if (q.orgId) await assertOrgInScope(ctx, 'ledger.read', q.orgId);
  const year = q.year ?? Number(today(ctx).slice(0, 4));
  const rows = await repo.listTargetRows(ctx.db, scope, { year, orgId: q.orgId });
  const ids = new Set(rows.map((r) => r.id));
  const roots = rows.filter((r) => !r.parent_id || !ids.has(r.parent_id));
  return { year, asOf: today(ctx), expectedProgress: expectedProgressHundredths(year, ctx.now()) / 100, items: await buildItems(ctx, roots) };
}

export async function updateTarget(ctx: Ctx, id: string, input: UpdateTargetBody): Promise<TargetItem> {
  orgScope(ctx, 'ledger.write');
  const patch = parseWith(updateTargetBody, input);
  const row = await guardUnique(() =>
    inTransaction(ctx, async (tx) => {
      const cur = await loadLive(tx, id, 'ledger.write');
      const metric = patch.metric !== undefined ? parseTargetMetric(patch.metric) : null;
      const metricRef = metric?.ref ?? cur.metric_ref;
      const comparison = patch.comparison ?? (cur.comparison as TargetComparison);
      if (metricRef !== cur.metric_ref || comparison !== cur.comparison) {
        const hasParts = (await repo.listChildRows(tx.db, [id])).length > 0;
        if (hasParts || cur.parent_id) {
          throw new AppError('RULE_VIOLATED', '已分解或由上级分解的目标不能修改指标和比较方式（请先删除分解）', [{ path: metric ? 'metric' : 'comparison', message: '分解目标须与上级目标一致' }]);
        }
        await assertKeyFree(tx, { orgId: cur.org_id, year: cur.year, metricRef, comparison }, id);
      }
      await repo.updateTargetRow(tx.db, id, {
        metric_ref: metricRef, comparison,
        ...(patch.value !== undefined ? { target_value: targetValueText(patch.value) } : {}),
        ...(patch.title !== undefined ? { title: patch.title } : {}),
        ...(patch.note !== undefined ? { note: patch.note || null } : {}),
        updated_at: nowIso(tx),
      });
      const fields = Object.entries(patch).filter(([, v]) => v !== undefined).map(([k]) => k);
      await appendAudit(tx, { action: 'update', entity: 'target', entityId: id, orgId: cur.org_id, detail: { fields, ...(patch.value !== undefined ? { value: patch.value } : {}) } });
      return loadLive(tx, id, 'ledger.write');
    }),
  );
  return one(ctx, row);
}

/** Soft delete: the target and its parts leave every list; the rows stay for the audit trail. */
export async function deleteTarget(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const cur = await loadLive(tx, id, 'ledger.write');
    const now = nowIso(tx);
    const removed: string[] = [];
    for (let level = [id]; level.length; ) {
      removed.push(...level);
      level = (await repo.listChildRows(tx.db, level)).map((r) => r.id);
    }
    await tx.db.updateTable('targets').set({ deleted_at: now, updated_at: now }).where('id', 'in', removed).execute();
    await appendAudit(tx, { action: 'delete', entity: 'target', entityId: id, orgId: cur.org_id, detail: { parts: removed.length - 1 } });
  });
}

export interface SplitResult {
  target: TargetItem;
  /** the sum of all parts' values now */
  partsTotal: number;
  /** target value − partsTotal: positive when the parts fall short of the target */
  difference: number;
  message: string;
}

/**
 * 分解下达: each part becomes (or, when the unit already holds a part of this target, updates) a child
 * target on a direct or indirect subordinate unit, same year, metric and comparison.
 */
export async function splitTarget(ctx: Ctx, id: string, input: SplitTargetBody): Promise<SplitResult> {
  orgScope(ctx, 'ledger.write');
  const { parts } = parseWith(splitTargetBody, input);
  const parent = await guardUnique(() =>
    inTransaction(ctx, async (tx) => {
      const p = await loadLive(tx, id, 'ledger.write');
      const metric = parseTargetMetric(p.metric_ref);
      const now = nowIso(tx);
      const seen = new Set<string>();
      for (const [i, part] of parts.entries()) {
        const path = `parts.${i}.orgId`;
        const orgId = await resolveOrgInScope(tx, 'ledger.write', part.orgId, path);
        if (seen.has(orgId)) throw new AppError('VALIDATION', '分解方案中同一组织出现了两次', [{ path, message: '同一组织出现了两次' }]);
        seen.add(orgId);
        if (!(await repo.isStrictDescendant(tx.db, p.org_id, orgId))) {
          throw new AppError('VALIDATION', '只能分解给本组织的下级组织', [{ path, message: '不是目标所属组织的下级组织' }]);
        }
        const existing = await repo.findLiveByKey(tx.db, { orgId, year: p.year, metricRef: p.metric_ref, comparison: p.comparison });
        if (existing && existing.parent_id !== p.id) throw duplicate(existing.id);
        const value = targetValueText(part.value);
        if (existing) {
          await repo.updateTargetRow(tx.db, existing.id, { target_value: value, updated_at: now });
          continue;
        }
        await repo.insertTarget(tx.db, {
          id: newId(), org_id: orgId, year: p.year, metric_ref: p.metric_ref, comparison: p.comparison, target_value: value,
          title: defaultTitle(metric, p.comparison as TargetComparison, part.value), parent_id: p.id, note: null,
          created_by: createdBy(tx), created_at: now, updated_at: now, deleted_at: null,
        });
      }
      await appendAudit(tx, { action: 'split', entity: 'target', entityId: p.id, orgId: p.org_id, detail: { parts: parts.map((x) => ({ orgId: x.orgId, value: x.value })) } });
      return p;
    }),
  );
  const target = await one(ctx, parent);
  const partsTotal = exactSum(target.children.map((c) => c.value));
  const difference = exactSum([target.value, -partsTotal]);
  const fmt = (v: number) => `${formatMetricValue(Math.abs(v), target.unit)}${target.unit === '%' ? '' : target.unit}`;
  const message = difference === 0 ? '分解合计与目标相等' : `分解合计 ${fmt(partsTotal)}，比目标${difference > 0 ? '少' : '多'} ${fmt(difference)}`;
  return { target, partsTotal, difference, message };
}
