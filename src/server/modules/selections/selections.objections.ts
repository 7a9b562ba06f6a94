import { newId } from '../../../domain/ids';
import { maskName } from '../../../domain/mask';
import { nomineeCode, type Stage } from '../../../domain/selections/kinds';
import { objectionRules, objectionTallyPeriod } from '../../../domain/selections/objections';
import { stageAllows } from '../../../domain/selections/stages';
import { type Ctx, inTransaction, nowIso } from '../../context';
import { AppError, notFound } from '../../http/errors';
import { enforceRateLimit } from '../../http/rate-limit';
import { appendAudit } from '../audit/audit.service';
import { createdBy, parseWith } from '../catalogs/ledger-kit';
import { addressHashOf, resolvePublicToken } from '../otp/otp.service';
import { personalNames } from './selections.nominees';
import { scrubPublicText } from './selections.public';
import { answerBody, publicObjectionBody, type PublicObjectionBody } from './selections.schemas';
import { loadCampaign } from './selections.service';
import { loadPublicCampaign, takeOne } from './selections.votes';

/**
 * 公示期 objections. The objector proves a phone first (public token, purpose 'objection'); the
 * objection keeps the token's keyed phone hash (never the phone) and the masked phone, so the
 * organizer can reach the objector through the 公示 contact and sees 138****1234 beside it, and
 * the objector reads the answers on /p/my-objections. Limits: per phone and campaign (exact: a
 * conditional counter increment inside the insert's transaction) and per address and hour.
 */
export async function submitObjection(ctx: Ctx, campaignId: string, input: PublicObjectionBody) {
  const b = parseWith(publicObjectionBody, input);
  const c = await loadPublicCampaign(ctx, campaignId);
  if (!stageAllows.object(c.stage as Stage)) throw new AppError('RULE_VIOLATED', '当前不在公示期，不能提出异议');
  const objector = await resolvePublicToken(ctx, b.token, 'objection');
  const address = addressHashOf(ctx);
  await enforceRateLimit(ctx.db, `objection:addr:${c.id}:${address}`, objectionRules.perAddressHour, 3600, ctx.now());
  let nominationId: string | null = null;
  if (b.nomineeId) {
    const n = await ctx.db.selectFrom('campaign_nominations').select('id').where('campaign_id', '=', c.id).where('seq', '=', Number(b.nomineeId)).where('status', '=', 'accepted').executeTakeFirst();
    if (!n) throw new AppError('NOT_FOUND', '候选对象不存在', [{ path: 'nomineeId', message: '候选对象不存在' }]);
    nominationId = n.id;
  }
  return inTransaction(ctx, async (tx) => {
    if (!(await takeOne(tx, c, objector.voterHash, objectionTallyPeriod, objectionRules.perPhonePerCampaign))) {
      throw new AppError('RULE_VIOLATED', `每个手机号对本次评选最多提出 ${objectionRules.perPhonePerCampaign} 条异议`);
    }
    const id = newId();
    const at = nowIso(tx);
    await tx.db
      .insertInto('campaign_objections')
      .values({
        id, campaign_id: c.id, nomination_id: nominationId, content: b.content, address_hash: address, objector_hash: objector.voterHash, phone_masked: objector.phoneMasked,
        objector_name: b.name || null, created_at: at, answer: null, answered_by: null, answered_at: null,
      })
      .execute();
    // the audit names the campaign and the nominee only: no phone, masked or not, and no name
    await appendAudit(tx, { action: 'object', entity: 'campaign_objection', entityId: id, orgId: c.org_id, detail: { campaignId: c.id, nomineeId: b.nomineeId ?? null, named: Boolean(b.name) } });
    return { id, receivedAt: at, phoneMasked: objector.phoneMasked, message: '异议已收到，主办单位将在公示期内核实答复，可在“我的异议”查看答复' };
  });
}

export async function listObjections(ctx: Ctx, campaignId: string) {
  const c = await loadCampaign(ctx, campaignId, 'manage');
  const rows = await ctx.db
    .selectFrom('campaign_objections as o')
    .leftJoin('campaign_nominations as n', 'n.id', 'o.nomination_id')
    .select(['o.id', 'o.content', 'o.created_at', 'o.answer', 'o.answered_at', 'o.phone_masked', 'o.objector_name', 'n.seq', 'n.public_name'])
    .where('o.campaign_id', '=', c.id)
    .orderBy('o.created_at')
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id, nomineeId: r.seq === null ? null : nomineeCode(Number(r.seq)), nomineeName: r.public_name, content: r.content, createdAt: r.created_at,
      phoneMasked: r.phone_masked, objectorName: r.objector_name, answer: r.answer, answeredAt: r.answered_at,
    })),
  };
}

export async function answerObjection(ctx: Ctx, campaignId: string, objectionId: string, input: { answer: string }) {
  const b = parseWith(answerBody, input);
  return inTransaction(ctx, async (tx) => {
    const c = await loadCampaign(tx, campaignId, 'manage');
    if (!stageAllows.object(c.stage as Stage)) throw new AppError('RULE_VIOLATED', '只能在公示期内答复异议');
    const o = await tx.db.selectFrom('campaign_objections').select(['id']).where('id', '=', objectionId).where('campaign_id', '=', c.id).executeTakeFirst();
    if (!o) throw notFound('异议');
    const at = nowIso(tx);
    await tx.db.updateTable('campaign_objections').set({ answer: b.answer, answered_by: createdBy(tx), answered_at: at }).where('id', '=', o.id).execute();
    await appendAudit(tx, { action: 'answer', entity: 'campaign_objection', entityId: o.id, orgId: c.org_id, detail: { campaignId: c.id } });
    return { id: o.id, answer: b.answer, answeredAt: at };
  });
}

/** reads of /my-objections per address and minute */
const myObjectionReadsPerMinute = 30;

/**
 * The objector's own objections (any campaign) with the organizer's answers, by the phone token in
 * the x-public-token header. Staff-written answers are scrubbed like 事迹 (nominee names masked,
 * phone and ID numbers masked) before they leave the server.
 */
export async function myObjections(ctx: Ctx, token: string) {
  await enforceRateLimit(ctx.db, `objection:read:addr:${addressHashOf(ctx)}`, myObjectionReadsPerMinute, 60, ctx.now());
  const objector = await resolvePublicToken(ctx, token, 'objection');
  const rows = await ctx.db
    .selectFrom('campaign_objections as o')
    .innerJoin('campaigns as k', 'k.id', 'o.campaign_id')
    .leftJoin('campaign_nominations as n', 'n.id', 'o.nomination_id')
    .select(['o.id', 'o.campaign_id', 'o.content', 'o.created_at', 'o.answer', 'o.answered_at', 'k.name as campaign_name', 'n.id as nomination_id', 'n.seq', 'n.public_name', 'n.person_id', 'n.household_id', 'n.loan_id'])
    .where('o.objector_hash', '=', objector.voterHash)
    .orderBy('o.created_at', 'desc')
    .limit(100)
    .execute();
  const noms = rows.filter((r) => r.nomination_id).map((r) => ({ id: r.nomination_id as string, person_id: r.person_id, household_id: r.household_id, loan_id: r.loan_id }));
  const names = await personalNames(ctx, noms);
  const scrub = (text: string, nominationId: string | null) => scrubPublicText(text, nominationId ? (names.get(nominationId) ?? []) : [], maskName);
  return {
    phoneMasked: objector.phoneMasked,
    items: rows.map((r) => ({
      id: r.id, campaignId: r.campaign_id, campaignName: r.campaign_name, nomineeId: r.seq === null ? null : nomineeCode(Number(r.seq)), nomineeName: r.public_name,
      content: scrub(r.content, r.nomination_id), createdAt: r.created_at, answer: r.answer === null ? null : scrub(r.answer, r.nomination_id), answeredAt: r.answered_at,
    })),
  };
}
