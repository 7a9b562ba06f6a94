import { newId } from '../../../domain/ids';
import { orgKindLabels, orgLevelLabels, type OrgKind, type OrgLevel } from '../../../domain/org';
import { type Ctx, inTransaction, nowIso } from '../../context';
import type { OrgUnit } from '../../db/types';
import { AppError, notFound } from '../../http/errors';
import { orgInScope, orgScope, resolveOrgInScope } from '../../http/scope';
import { appendAudit } from '../audit/audit.service';
import { ancestorsOf, insertUnit, isInSubtree, moveSubtree } from './orgs.repo';
import type { CreateOrgInput, ListOrgsQuery, UpdateOrgInput } from './orgs.schemas';

export interface OrgView {
  id: string;
  code: string;
  name: string;
  kind: string;
  kindLabel: string;
  level: string;
  levelLabel: string;
  parentId: string | null;
  divisionCode: string | null;
  establishedOn: string | null;
  dissolvedOn: string | null;
  childCount: number;
}

export function toOrgView(u: Omit<OrgUnit, 'sort_order'>, childCount = 0): OrgView {
  return {
    id: u.id,
    code: u.code,
    name: u.name,
    kind: u.kind,
    kindLabel: orgKindLabels[u.kind as OrgKind] ?? u.kind,
    level: u.level,
    levelLabel: orgLevelLabels[u.level as OrgLevel] ?? u.level,
    parentId: u.parent_id,
    divisionCode: u.division_code,
    establishedOn: u.established_on,
    dissolvedOn: u.dissolved_on,
    childCount,
  };
}

const childLevel: Partial<Record<OrgLevel, OrgLevel>> = { national: 'province', province: 'city', city: 'county', county: 'township', township: 'village' };

function inferLevel(input: { level?: OrgLevel; divisionCode?: string | null }, parentLevel: OrgLevel | null): OrgLevel {
  if (input.level) return input.level;
  const len = input.divisionCode?.length;
  if (len === 12) return 'village';
  if (len === 9) return 'township';
  if (len === 6) return 'county';
  return parentLevel ?? 'county';
}

function checkDates(established: string | null | undefined, dissolved: string | null | undefined): void {
  if (established && dissolved && dissolved < established) {
    throw new AppError('VALIDATION', '撤销日期不能早于成立日期', [{ path: 'dissolvedOn', message: '撤销日期不能早于成立日期' }]);
  }
}

export async function createOrg(ctx: Ctx, input: CreateOrgInput): Promise<OrgView> {
  const scope = orgScope(ctx, 'org.write');
  checkDates(input.establishedOn, input.dissolvedOn);
  return inTransaction(ctx, async (tx) => {
    const parentRef = input.parentId ?? input.parentCode;
    let parent: OrgUnit | undefined;
    if (parentRef) {
      const parentId = await resolveOrgInScope(tx, 'org.write', parentRef, input.parentId ? 'parentId' : 'parentCode');
      parent = await tx.db.selectFrom('org_units').selectAll().where('id', '=', parentId).executeTakeFirstOrThrow();
    } else if (!scope.all) {
      throw new AppError('VALIDATION', '请选择上级组织', [{ path: 'parentId', message: '请选择上级组织' }]);
    }
    const clash = await tx.db.selectFrom('org_units').select('id').where('code', '=', input.code).executeTakeFirst();
    if (clash) throw new AppError('CONFLICT', `组织代码“${input.code}”已被使用`, [{ path: 'code', message: '组织代码已被使用' }]);
    const now = nowIso(tx);
    const row = {
      id: newId(),
      code: input.code,
      name: input.name,
      kind: input.kind,
      level: inferLevel(input, (parent?.level as OrgLevel | undefined) ?? null),
      parent_id: parent?.id ?? null,
      division_code: input.divisionCode ?? null,
      established_on: input.establishedOn ?? null,
      dissolved_on: input.dissolvedOn ?? null,
      created_at: now,
      updated_at: now,
    };
    await insertUnit(tx.db, row);
    await appendAudit(tx, { action: 'create', entity: 'org', entityId: row.id, orgId: row.id, detail: { code: row.code, name: row.name, kind: row.kind } });
    return toOrgView(row);
  });
}

async function loadInScope(ctx: Ctx, id: string, permission: 'org.read' | 'org.write'): Promise<OrgUnit> {
  const scope = orgScope(ctx, permission);
  const row = await ctx.db.selectFrom('org_units').selectAll().where('id', '=', id).where(orgInScope(scope, 'org_units.id')).executeTakeFirst();
  if (!row) throw notFound('组织');
  return row;
}

export async function updateOrg(ctx: Ctx, id: string, input: UpdateOrgInput): Promise<OrgView> {
  return inTransaction(ctx, async (tx) => {
    const current = await loadInScope(tx, id, 'org.write');
    const scope = orgScope(tx, 'org.write');
    const established = input.establishedOn === undefined ? current.established_on : input.establishedOn;
    const dissolved = input.dissolvedOn === undefined ? current.dissolved_on : input.dissolvedOn;
    checkDates(established, dissolved);
    if (input.parentId !== undefined && input.parentId !== current.parent_id) {
      if (!scope.all && scope.roots.includes(id)) {
        throw new AppError('FORBIDDEN', '不能移动您被授权的顶层组织');
      }
      await resolveOrgInScope(tx, 'org.write', input.parentId, 'parentId');
      if (await isInSubtree(tx.db, id, input.parentId)) {
        throw new AppError('RULE_VIOLATED', '不能把组织移到它自己的下级组织之下', [{ path: 'parentId', message: '不能移到自己的下级之下' }]);
      }
      await moveSubtree(tx.db, id, input.parentId);
    }
    const patch = {
      name: input.name ?? current.name,
      kind: input.kind ?? current.kind,
      level: input.level ?? current.level,
      division_code: input.divisionCode === undefined ? current.division_code : input.divisionCode,
      established_on: established,
      dissolved_on: dissolved,
      updated_at: nowIso(tx),
    };
    await tx.db.updateTable('org_units').set(patch).where('id', '=', id).execute();
    const changed = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    await appendAudit(tx, { action: 'update', entity: 'org', entityId: id, orgId: id, detail: changed });
    const after = await tx.db.selectFrom('org_units').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return toOrgView(after, await countChildren(tx, id));
  });
}

async function countChildren(ctx: Ctx, id: string): Promise<number> {
  const r = await ctx.db.selectFrom('org_units').select((eb) => eb.fn.countAll<number>().as('n')).where('parent_id', '=', id).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function getOrg(ctx: Ctx, id: string) {
  const row = await loadInScope(ctx, id, 'org.read');
  const scope = orgScope(ctx, 'org.read');
  const ancestors = await ancestorsOf(ctx.db, id);
  // the breadcrumb shows only the part of the path inside the caller's scope
  const visible = scope.all ? ancestors : ancestors.slice(ancestors.findIndex((a) => scope.roots.includes(a.id)));
  return { ...toOrgView(row, await countChildren(ctx, id)), path: visible.map((a) => ({ id: a.id, name: a.name, code: a.code })) };
}

export async function listOrgs(ctx: Ctx, q: ListOrgsQuery) {
  const scope = orgScope(ctx, 'org.read');
  let qb = ctx.db.selectFrom('org_units as u').where(orgInScope(scope, 'u.id'));
  if (q.parentId) qb = qb.where('u.parent_id', '=', q.parentId);
  else if (!q.q && !q.kind) qb = scope.all ? qb.where('u.parent_id', 'is', null) : qb.where('u.id', 'in', scope.roots);
  if (q.q) qb = qb.where((eb) => eb.or([eb('u.name', 'like', `%${q.q}%`), eb('u.code', '=', q.q as string)]));
  if (q.kind) qb = qb.where('u.kind', '=', q.kind);
  if (q.under) qb = qb.where(orgInScope({ all: false, roots: [q.under] }, 'u.id'));
  const [rows, total] = await Promise.all([
    qb
      .selectAll('u')
      .select((eb) => eb.selectFrom('org_units as c').select(eb.fn.countAll<number>().as('n')).whereRef('c.parent_id', '=', 'u.id').as('child_count'))
      .orderBy('u.sort_order')
      .orderBy('u.code')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    qb.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((r) => toOrgView(r, Number(r.child_count ?? 0))), total: Number(total.n), page: q.page, pageSize: q.pageSize };
}

/** Resolves a unit code to its id for system callers (CLI); 404 naming the code. */
export async function orgIdByCode(ctx: Ctx, code: string): Promise<string> {
  return resolveOrgInScope(ctx, 'org.read', code, 'org');
}
