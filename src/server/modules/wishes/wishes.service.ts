import { type Expression, type SqlBool } from 'kysely';
import { newId } from '../../../domain/ids';
import { maskName } from '../../../domain/mask';
import { toFen } from '../../../domain/money';
import { isWishStatus, wishStatuses } from '../../../domain/wishes/flow';
import { type Ctx, inTransaction, nowIso } from '../../context';
import { AppError, notFound } from '../../http/errors';
import { defaultOrgId, orgInScope, orgScope, resolveOrgInScope } from '../../http/scope';
import { appendAudit } from '../audit/audit.service';
import { createdBy } from '../catalogs/ledger-kit';
import { assertPersonInScope } from '../people/people.service';
import * as repo from './wishes.repo';
import { assertPublicText } from './wishes.public-text';
import { applyLapses, assertUnderCap, settingsAt } from './wishes.rules';
import type { CreateWishBody, ListWishesQuery, UpdateWishBody, WishSettingsBody } from './wishes.schemas';
import { toWishDetail, toWishItems, type WishItem } from './wishes.view';

/**
 * Micro-wishes (微心愿), the organizer's side: a unit collects wishes of children, elders or mothers
 * of its registry under a value cap, reviews and publishes them (wishes.flow.ts). Scope: the
 * collecting unit (ledger.*). The public board is wishes.public.ts.
 */
type Perm = 'ledger.read' | 'ledger.write';
export const wishVisible = (ctx: Ctx, p: Perm): Expression<SqlBool> => orgInScope(orgScope(ctx, p), 'w.org_id');

export async function openWish(ctx: Ctx, id: string, p: Perm): Promise<repo.WishRow> {
  const row = await repo.findWish(ctx.db, wishVisible(ctx, p), id);
  if (!row) throw notFound('心愿');
  return row;
}

function fenOf(yuan: number): number {
  const fen = toFen(yuan);
  if (fen === null || fen <= 0) throw new AppError('VALIDATION', '心愿价值应为大于 0 的金额（元）', [{ path: 'valueYuan', message: '心愿价值应为大于 0 的金额（元）' }]);
  return fen;
}

export async function createWish(ctx: Ctx, input: CreateWishBody): Promise<WishItem> {
  orgScope(ctx, 'ledger.write');
  const orgId = input.orgId ? await resolveOrgInScope(ctx, 'ledger.write', input.orgId, 'orgId') : defaultOrgId(ctx, 'ledger.write');
  await assertPersonInScope(ctx, 'person.read', input.personId);
  const valueFen = fenOf(input.valueYuan);
  await assertUnderCap(ctx.db, orgId, valueFen);
  await assertPublicText(ctx, input.personId, input);
  const person = await ctx.db.selectFrom('people').select('name').where('id', '=', input.personId).executeTakeFirstOrThrow();
  return inTransaction(ctx, async (tx) => {
    const id = newId();
    const now = nowIso(tx);
    await repo.insertWish(tx.db, {
      id, org_id: orgId, code: null, person_id: input.personId, beneficiary_kind: input.beneficiaryKind, masked_name: maskName(person.name), title: input.title, story: input.story,
      value_fen: valueFen, status: 'submitted', reject_reason: null, published_on: null, claim_id: null, claimed_on: null, delivered_on: null, delivery_note: null, fulfilled_on: null,
      created_by: createdBy(tx), created_at: now, updated_at: now, deleted_at: null,
    });
    await appendAudit(tx, { action: 'create', entity: 'wish', entityId: id, orgId, detail: { title: input.title, valueFen } });
    return (await toWishItems(tx, [await openWish(tx, id, 'ledger.write')]))[0];
  });
}

export async function listWishes(ctx: Ctx, q: ListWishesQuery) {
  const where = wishVisible(ctx, 'ledger.read');
  if (q.orgId) await resolveOrgInScope(ctx, 'ledger.read', q.orgId, 'orgId');
  await applyLapses(ctx);
  const rows = await repo.listWishRows(ctx.db, where, q, q.page, q.pageSize);
  const counts = Object.fromEntries(wishStatuses.map((s) => [s, 0]));
  for (const c of await repo.statusCounts(ctx.db, where, q)) if (isWishStatus(c.status)) counts[c.status] = Number(c.n);
  return { items: await toWishItems(ctx, rows), total: await repo.countWishes(ctx.db, where, q), page: q.page, pageSize: q.pageSize, byStatus: counts };
}

export async function getWish(ctx: Ctx, id: string) {
  await openWish(ctx, id, 'ledger.read');
  await applyLapses(ctx, id);
  return toWishDetail(ctx, await openWish(ctx, id, 'ledger.read'));
}

/** Edits before publication; a rejected wish edited goes back to review. */
export async function updateWish(ctx: Ctx, id: string, input: UpdateWishBody) {
  return inTransaction(ctx, async (tx) => {
    const row = await openWish(tx, id, 'ledger.write');
    if (!['submitted', 'approved', 'rejected'].includes(row.status)) throw new AppError('RULE_VIOLATED', '心愿已发布，不能再修改');
    const valueFen = input.valueYuan === undefined ? Number(row.value_fen) : fenOf(input.valueYuan);
    await assertUnderCap(tx.db, row.org_id, valueFen);
    const title = input.title ?? row.title;
    const story = input.story ?? row.story;
    await assertPublicText(tx, row.person_id, { title, story });
    const status = row.status === 'rejected' ? 'submitted' : row.status;
    const patch = { title, story, value_fen: valueFen, beneficiary_kind: input.beneficiaryKind ?? row.beneficiary_kind, status, reject_reason: status === 'submitted' ? null : row.reject_reason, updated_at: nowIso(tx) };
    if (!(await repo.updateWishIf(tx.db, id, row.status, patch))) throw new AppError('CONFLICT', '心愿刚被他人更新，请刷新后重试');
    await appendAudit(tx, { action: 'update', entity: 'wish', entityId: id, orgId: row.org_id, detail: { ...input, from: row.status, to: status } });
    return toWishDetail(tx, await openWish(tx, id, 'ledger.write'));
  });
}

export async function getWishSettings(ctx: Ctx, q: { orgId?: string }) {
  const orgId = q.orgId ? await resolveOrgInScope(ctx, 'ledger.read', q.orgId, 'orgId') : defaultOrgId(ctx, 'ledger.read');
  const s = await settingsAt(ctx.db, orgId);
  const inheritedFrom = s.fromOrgId && s.fromOrgId !== orgId ? s.fromOrgId : null;
  const inheritedFromName = inheritedFrom ? ((await ctx.db.selectFrom('org_units').select('name').where('id', '=', inheritedFrom).executeTakeFirst())?.name ?? null) : null;
  return {
    orgId, valueCapYuan: s.valueCapFen / 100, claimDays: s.claimDays,
    deliveryAddress: s.delivery.address, deliveryPhone: s.delivery.phone, deliveryHours: s.delivery.hours,
    inheritedFrom, inheritedFromName,
  };
}

/** A unit's value cap, claim days and delivery point; its subtree inherits them unless a nearer unit sets its own. */
export async function setWishSettings(ctx: Ctx, input: WishSettingsBody) {
  const orgId = input.orgId ? await resolveOrgInScope(ctx, 'ledger.write', input.orgId, 'orgId') : defaultOrgId(ctx, 'ledger.write');
  const capFen = fenOf(input.valueCapYuan);
  return inTransaction(ctx, async (tx) => {
    await tx.db.deleteFrom('wish_settings').where('org_id', '=', orgId).execute();
    const delivery = { delivery_address: input.deliveryAddress || null, delivery_phone: input.deliveryPhone || null, delivery_hours: input.deliveryHours || null };
    await tx.db.insertInto('wish_settings').values({ org_id: orgId, value_cap_fen: capFen, claim_days: input.claimDays, ...delivery, updated_at: nowIso(tx) }).execute();
    await appendAudit(tx, { action: 'update', entity: 'wish_settings', entityId: orgId, orgId, detail: { valueCapFen: capFen, claimDays: input.claimDays, ...delivery } });
    return getWishSettings(tx, { orgId });
  });
}
