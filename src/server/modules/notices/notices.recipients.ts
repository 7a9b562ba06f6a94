import { shanghaiDate } from '../../../domain/dates';
import type { RecipientMode } from '../../../domain/notices/notices';
import { orgKindLabels, type OrgKind } from '../../../domain/org';
import type { Ctx } from '../../context';
import { AppError } from '../../http/errors';

/**
 * The recipient units of a notice: units below the sending unit (never the unit itself), not
 * dissolved on the server's today. Resolved once, when the notice is published; the list is then
 * fixed (a unit added to the tree later does not receive an old notice).
 */
export interface RecipientSpec {
  recipientMode: RecipientMode;
  recipientKinds?: readonly string[] | null;
  recipientOrgIds?: readonly string[] | null;
}

const below = (ctx: Ctx, senderId: string) => {
  const today = shanghaiDate(ctx.now());
  return ctx.db
    .selectFrom('org_closure as oc')
    .innerJoin('org_units as u', 'u.id', 'oc.descendant_id')
    .where('oc.ancestor_id', '=', senderId)
    .where('oc.depth', '>=', 1)
    .where((eb) => eb.or([eb('u.dissolved_on', 'is', null), eb('u.dissolved_on', '>', today)]));
};

/** Checks the choice itself (before saving a draft): kinds named, units below the sender. */
export async function checkRecipientSpec(ctx: Ctx, senderId: string, spec: RecipientSpec): Promise<void> {
  if (spec.recipientMode === 'kinds' && !spec.recipientKinds?.length) {
    throw new AppError('VALIDATION', '请选择接收单位的类型', [{ path: 'recipientKinds', message: '请选择接收单位的类型' }]);
  }
  if (spec.recipientMode === 'units') {
    const ids = spec.recipientOrgIds ?? [];
    if (!ids.length) throw new AppError('VALIDATION', '请选择接收单位', [{ path: 'recipientOrgIds', message: '请选择接收单位' }]);
    const found = new Set<string>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await below(ctx, senderId).select('u.id').where('u.id', 'in', ids.slice(i, i + 500)).execute();
      for (const r of rows) found.add(r.id);
    }
    const bad = ids.findIndex((id) => !found.has(id));
    if (bad >= 0) {
      const message = `第${bad + 1}个接收单位不是发文单位的下级单位（或已撤销）`;
      throw new AppError('VALIDATION', message, [{ path: `recipientOrgIds.${bad}`, message }]);
    }
  }
}

/** The recipient unit ids for the choice, in tree order. */
export async function resolveRecipients(ctx: Ctx, senderId: string, spec: RecipientSpec): Promise<string[]> {
  await checkRecipientSpec(ctx, senderId, spec);
  let q = below(ctx, senderId).select('u.id');
  if (spec.recipientMode === 'kinds') q = q.where('u.kind', 'in', [...(spec.recipientKinds ?? [])]);
  if (spec.recipientMode === 'units') q = q.where('u.id', 'in', [...new Set(spec.recipientOrgIds ?? [])]);
  const rows = await q.orderBy('oc.depth').orderBy('u.sort_order').orderBy('u.code').execute();
  if (rows.length === 0) {
    const what = spec.recipientMode === 'kinds' ? `类型为${(spec.recipientKinds ?? []).map((k) => orgKindLabels[k as OrgKind] ?? k).join('、')}的下级单位` : '下级单位';
    throw new AppError('RULE_VIOLATED', `发文单位没有${what}，无法发布`, [{ path: 'recipientMode', message: `没有${what}` }]);
  }
  return rows.map((r) => r.id);
}
