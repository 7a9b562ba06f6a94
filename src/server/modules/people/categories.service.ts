import { builtinCategories } from '../../../domain/categories';
import { type Ctx, inTransaction, nowIso } from '../../context';
import { AppError } from '../../http/errors';
import { orgScope } from '../../http/scope';
import { appendAudit } from '../audit/audit.service';
import type { CreateCategoryBody } from './people.schemas';

/**
 * Person categories (人员类别): the built-in ones (seeded by migration 2026-11-28T1000-people) and
 * those units add. One list for the whole county, so the same word means the same group in every
 * metric (people.count{category=…}).
 */
export interface CategoryView {
  name: string;
  builtin: boolean;
}

const builtinOrder = new Map<string, number>(builtinCategories.map((name, i) => [name, i]));

export async function listCategories(ctx: Ctx): Promise<{ items: CategoryView[] }> {
  orgScope(ctx, 'person.read');
  const rows = await ctx.db.selectFrom('category_defs').select(['name', 'builtin']).execute();
  const items = rows.map((r) => ({ name: r.name, builtin: Number(r.builtin) === 1 }));
  const rank = (c: CategoryView) => (c.builtin ? (builtinOrder.get(c.name) ?? 999) : 1000);
  items.sort((a, b) => rank(a) - rank(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { items };
}

export async function createCategory(ctx: Ctx, input: CreateCategoryBody): Promise<CategoryView> {
  const scope = orgScope(ctx, 'person.write');
  const orgId = scope.roots.length === 1 ? scope.roots[0] : null;
  return inTransaction(ctx, async (tx) => {
    const clash = await tx.db.selectFrom('category_defs').select('name').where('name', '=', input.name).executeTakeFirst();
    if (clash) throw new AppError('CONFLICT', `人员类别“${input.name}”已存在`, [{ path: 'name', message: '该类别已存在' }]);
    await tx.db.insertInto('category_defs').values({ name: input.name, builtin: 0, org_id: orgId, created_at: nowIso(tx) }).execute();
    await appendAudit(tx, { action: 'create', entity: 'category', entityId: input.name, orgId, detail: { name: input.name } });
    return { name: input.name, builtin: false };
  });
}

/** Trims and de-duplicates; refuses (400, path categories) any name not defined in category_defs. */
export async function checkCategories(ctx: Ctx, names: readonly string[] | undefined): Promise<string[]> {
  const wanted = Array.from(new Set((names ?? []).map((n) => n.trim()).filter(Boolean)));
  if (wanted.length === 0) return [];
  const known = new Set((await ctx.db.selectFrom('category_defs').select('name').where('name', 'in', wanted).execute()).map((r) => r.name));
  const unknown = wanted.filter((n) => !known.has(n));
  if (unknown.length) {
    const message = `人员类别“${unknown.join('、')}”未定义，请先在人员类别中添加`;
    throw new AppError('VALIDATION', message, [{ path: 'categories', message }]);
  }
  return wanted;
}
