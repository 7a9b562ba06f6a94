import { type SqlBool, sql } from 'kysely';
import { donorDisplayName, donorNameToStore } from '../../../domain/wishes/donor';
import { claimDueOn, publicWishStatuses, type WishStatus, wishStatusLabels } from '../../../domain/wishes/flow';
import { fenToYuanNumber } from '../../../domain/money';
import { type Ctx, inTransaction, nowIso } from '../../context';
import { AppError, notFound } from '../../http/errors';
import { enforceRateLimit } from '../../http/rate-limit';
import { appendAudit } from '../audit/audit.service';
import { inSubtree, orgNames } from '../catalogs/ledger-kit';
import { addressHashOf, resolvePublicToken } from '../otp/otp.service';
import { withholdUnsafeText } from './wishes.public-text';
import * as repo from './wishes.repo';
import { applyLapses, type DeliveryPoint, newClaimId, settingsAt, today } from './wishes.rules';
import type { PublicWishesQuery } from './wishes.schemas';
import { type PublicWish, toPublicWish } from './wishes.view';

/**
 * The public board (no login, phones): only published and later wishes, addressed by their code,
 * showing the masked name and the checked text — never the person, phone, address or school. A
 * donor proves a phone (OTP module) and claims; one claim wins under concurrency. Per-address
 * limits keep scrapers and claim floods out (429, database counters shared by every instance).
 */
export const publicWishLimits = { readsPerAddressMinute: 120, claimsPerAddressHour: 20, holdingPerDonor: 3 } as const;

async function limitReads(ctx: Ctx): Promise<void> {
  await enforceRateLimit(ctx.db, `wishes:read:addr:${addressHashOf(ctx)}`, publicWishLimits.readsPerAddressMinute, 60, ctx.now());
}

const shown = sql<SqlBool>`w.status in (${sql.join([...publicWishStatuses])})`;

function board(ctx: Ctx, q: PublicWishesQuery) {
  let b = ctx.db.selectFrom('wishes as w').where('w.deleted_at', 'is', null).where('w.code', 'is not', null).where('w.status', '=', q.status ?? 'published');
  if (q.unit) b = b.where(inSubtree('w.org_id', q.unit));
  if (q.kind) b = b.where('w.beneficiary_kind', '=', q.kind);
  if (q.minYuan !== undefined) b = b.where('w.value_fen', '>=', Math.round(q.minYuan * 100));
  if (q.maxYuan !== undefined) b = b.where('w.value_fen', '<=', Math.round(q.maxYuan * 100));
  return b;
}

export async function listPublicWishes(ctx: Ctx, q: PublicWishesQuery) {
  await limitReads(ctx);
  await applyLapses(ctx);
  const rows = await board(ctx, q).selectAll('w').orderBy('w.published_on', 'desc').orderBy('w.code', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  const total = Number((await board(ctx, q).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const names = await orgNames(ctx, rows.map((r) => r.org_id));
  // the units that have wishes on the board, for the unit filter
  const units = await ctx.db.selectFrom('wishes as w').innerJoin('org_units as u', 'u.id', 'w.org_id').select(['u.id', 'u.name']).distinct().where('w.deleted_at', 'is', null).where(shown).orderBy('u.name').execute();
  const donors = await repo.donorNamesOf(ctx.db, rows.map((r) => r.claim_id));
  const items = await withholdUnsafeText(ctx, rows, rows.map((r) => toPublicWish(r, names.get(r.org_id) ?? '', donors)));
  return { items, total, page: q.page, pageSize: q.pageSize, units: units.map((u) => ({ id: u.id, name: u.name })) };
}

async function publicRow(ctx: Ctx, code: string): Promise<repo.WishRow> {
  const row = await ctx.db.selectFrom('wishes as w').selectAll('w').where('w.code', '=', code).where('w.deleted_at', 'is', null).where(shown).executeTakeFirst();
  if (!row) throw notFound('心愿');
  return row;
}

export type PublicWishDetail = PublicWish & { claimDays: number; deliveryPoint: DeliveryPoint & { unitName: string } };

/**
 * A wish as its page shows it, with what a donor commits to: the claim days in force and the
 * delivery point (the collecting unit's, else its nearest ancestor's; public information of the unit).
 */
async function publicDetail(ctx: Ctx, row: repo.WishRow): Promise<PublicWishDetail> {
  const names = await orgNames(ctx, [row.org_id]);
  const unitName = names.get(row.org_id) ?? '';
  const [shown] = await withholdUnsafeText(ctx, [row], [toPublicWish(row, unitName, await repo.donorNamesOf(ctx.db, [row.claim_id]))]);
  const s = await settingsAt(ctx.db, row.org_id);
  return { ...shown, claimDays: s.claimDays, deliveryPoint: { unitName, ...s.delivery } };
}

export async function getPublicWish(ctx: Ctx, code: string): Promise<PublicWishDetail> {
  await limitReads(ctx);
  const found = await publicRow(ctx, code);
  await applyLapses(ctx, found.id);
  return publicDetail(ctx, await publicRow(ctx, code));
}

/**
 * One donor wins: the conditional UPDATE … WHERE status = 'published' changes one row for exactly one
 * of many concurrent claims. Only this call claims: verifying a phone (otp) never does; the page asks
 * the donor to confirm what they commit to, and the name for the thank-you, before calling it.
 */
export async function claimWish(ctx: Ctx, code: string, token: string, donorName?: string | null) {
  await enforceRateLimit(ctx.db, `wishes:claim:addr:${addressHashOf(ctx)}`, publicWishLimits.claimsPerAddressHour, 3600, ctx.now());
  const donor = await resolvePublicToken(ctx, token, 'claim');
  const found = await publicRow(ctx, code);
  await applyLapses(ctx, found.id);
  const holding = await ctx.db.selectFrom('wish_claims').select((eb) => eb.fn.countAll<number>().as('n')).where('donor_hash', '=', donor.voterHash).where('outcome', '=', 'holding').executeTakeFirstOrThrow();
  if (Number(holding.n) >= publicWishLimits.holdingPerDonor) throw new AppError('RULE_VIOLATED', `每位爱心人士同时最多认领 ${publicWishLimits.holdingPerDonor} 个心愿，请先完成已认领的心愿`);
  const { claimDays } = await settingsAt(ctx.db, found.org_id);
  return inTransaction(ctx, async (tx) => {
    const day = today(tx);
    const claimId = newClaimId();
    const won = await repo.updateWishIf(tx.db, found.id, 'published', { status: 'claimed', claim_id: claimId, claimed_on: day, updated_at: nowIso(tx) });
    if (!won) throw new AppError('CONFLICT', '该心愿已被其他爱心人士认领，请选择其他心愿');
    const dueOn = claimDueOn(day, claimDays);
    const name = donorNameToStore(donorName);
    await repo.insertClaim(tx.db, { id: claimId, wish_id: found.id, donor_hash: donor.voterHash, phone_masked: donor.phoneMasked, claimed_at: nowIso(tx), claimed_on: day, due_on: dueOn, outcome: 'holding', ended_on: null, donor_name: name });
    await appendAudit(tx, { action: 'claim', entity: 'wish', entityId: found.id, orgId: found.org_id, detail: { claimId, phone: donor.phoneMasked, dueOn, donorName: donorDisplayName(name) } });
    const wish = await publicDetail(tx, await publicRow(tx, code));
    return { wish, claim: { claimedOn: day, dueOn, phoneMasked: donor.phoneMasked, donorName: donorDisplayName(name) } };
  });
}

const claimOutcomeLabels: Record<string, string> = { holding: '认领中', lapsed: '已逾期释放', released: '已解除', fulfilled: '已圆梦' };

/** A donor's own claims, by the token of a verified phone (no list of donors exists anywhere else). */
export async function myClaims(ctx: Ctx, token: string) {
  await limitReads(ctx);
  const donor = await resolvePublicToken(ctx, token, 'claim');
  await applyLapses(ctx);
  const rows = await ctx.db
    .selectFrom('wish_claims as c')
    .innerJoin('wishes as w', 'w.id', 'c.wish_id')
    .innerJoin('org_units as u', 'u.id', 'w.org_id')
    .select(['c.claimed_on', 'c.due_on', 'c.outcome', 'c.ended_on', 'w.code', 'w.masked_name', 'w.title', 'w.value_fen', 'w.status', 'w.delivered_on', 'w.fulfilled_on', 'u.name as unit_name'])
    .where('c.donor_hash', '=', donor.voterHash)
    .orderBy('c.claimed_at', 'desc')
    .limit(100)
    .execute();
  return {
    phoneMasked: donor.phoneMasked,
    items: rows.map((r) => ({
      wishId: r.code ?? '', maskedName: r.masked_name, title: r.title, valueYuan: fenToYuanNumber(Number(r.value_fen)), unitName: r.unit_name,
      claimedOn: r.claimed_on, dueOn: r.due_on, outcome: r.outcome, outcomeLabel: claimOutcomeLabels[r.outcome] ?? r.outcome,
      wishStatus: r.outcome === 'holding' ? r.status : null, wishStatusLabel: r.outcome === 'holding' ? wishStatusLabels[r.status as WishStatus] : null,
      deliveredOn: r.outcome === 'holding' ? r.delivered_on : null, endedOn: r.ended_on,
    })),
  };
}
