import type { Ctx } from '../../context';

/**
 * `所属组织` names a unit by name or code inside the `--org` subtree; empty means the `--org` unit
 * itself. The subtree is loaded once per import (a county has a few thousand units at most).
 */
export interface OrgResolver {
  root: { id: string; code: string; name: string };
  resolve(ref: string | undefined | null): { ok: true; id: string } | { ok: false; message: string };
  nameOf(id: string): string;
  /** units of the whole tree by exact name (for 联合单位 links) */
  byName: Map<string, string[]>;
}

export async function loadOrgResolver(ctx: Ctx, rootId: string): Promise<OrgResolver> {
  const units = await ctx.db
    .selectFrom('org_closure as oc')
    .innerJoin('org_units as u', 'u.id', 'oc.descendant_id')
    .select(['u.id', 'u.code', 'u.name'])
    .where('oc.ancestor_id', '=', rootId)
    .execute();
  const root = units.find((u) => u.id === rootId);
  if (!root) throw new Error(`unit ${rootId} not found`);
  const byCode = new Map(units.map((u) => [u.code.toUpperCase(), u.id]));
  const names = new Map<string, string[]>();
  for (const u of units) names.set(u.name, [...(names.get(u.name) ?? []), u.id]);
  const nameOf = new Map(units.map((u) => [u.id, u.name]));
  const all = await ctx.db.selectFrom('org_units').select(['id', 'name']).execute();
  const byName = new Map<string, string[]>();
  for (const u of all) byName.set(u.name, [...(byName.get(u.name) ?? []), u.id]);
  return {
    root,
    byName,
    nameOf: (id) => nameOf.get(id) ?? '',
    resolve(ref) {
      const text = (ref ?? '').trim();
      if (!text) return { ok: true, id: root.id };
      const named = names.get(text);
      if (named && named.length === 1) return { ok: true, id: named[0] };
      if (named && named.length > 1) return { ok: false, message: `有多个名为“${text}”的组织，请改填组织代码` };
      const coded = byCode.get(text.toUpperCase());
      if (coded) return { ok: true, id: coded };
      return { ok: false, message: `组织“${text}”不存在或不在“${root.name}”范围内` };
    },
  };
}

/** A unit's id by its code (CLI --org), or null. */
export async function resolveOrgCode(ctx: Ctx, code: string): Promise<string | null> {
  const row = await ctx.db.selectFrom('org_units').select('id').where('code', '=', code).executeTakeFirst();
  return row?.id ?? null;
}
