import { newId } from '../../../domain/ids';
import { maskIdNumber, maskName, maskPhone } from '../../../domain/mask';
import { type NomineeType, nomineeCode, nomineeTypeLabels, type Stage, stageLabels } from '../../../domain/selections/kinds';
import { stageAllows } from '../../../domain/selections/stages';
import { type Ctx, inTransaction, nowIso } from '../../context';
import { AppError, notFound } from '../../http/errors';
import { enforceRateLimit } from '../../http/rate-limit';
import { appendAudit } from '../audit/audit.service';
import { createdBy, parseWith } from '../catalogs/ledger-kit';
import { addressHashOf } from '../otp/otp.service';
import { personalNames } from './selections.nominees';
import * as repo from './selections.repo';
import { answerBody, publicObjectionBody, type PublicObjectionBody } from './selections.schemas';
import { loadCampaign } from './selections.service';
import { loadPublicCampaign } from './selections.votes';

/**
 * What the phone pages see: coded nominee ids (001 …) and masked names, never a phone, address or
 * ID number. 事迹 text is written by staff; the nominee's full name, and anything shaped like a
 * mobile number or an ID number, is masked in it before it leaves the server.
 */
export function scrubPublicText(text: string, fullNames: string[], maskTo: (name: string) => string): string {
  let out = text;
  for (const name of [...fullNames].filter((n) => Array.from(n).length >= 2).sort((a, b) => b.length - a.length)) out = out.split(name).join(maskTo(name));
  return out
    .replace(/(?<!\d)\d{17}[\dXx](?!\d)/g, (m) => maskIdNumber(m))
    .replace(/(?<!\d)1[3-9]\d{9}(?!\d)/g, (m) => maskPhone(m));
}

export async function publicCampaign(ctx: Ctx, id: string) {
  const c = await loadPublicCampaign(ctx, id);
  const stage = c.stage as Stage;
  const rows = (await repo.nominationsOf(ctx.db, c.id, null)).filter((n) => n.status === 'accepted');
  const [votes, names] = await Promise.all([repo.voteCounts(ctx.db, c.id), personalNames(ctx, rows)]);
  const voting = Number(c.voting_enabled) === 1;
  const resultsVisible = voting && (stage !== 'voting' || Number(c.hide_results) === 0);
  const showWinners = stage === 'publicity' || stage === 'awarded';
  const orgName = await ctx.db.selectFrom('org_units').select('name').where('id', '=', c.org_id).executeTakeFirst();
  return {
    id: c.id,
    name: c.name,
    kind: c.kind,
    year: Number(c.year),
    organizer: orgName?.name ?? '',
    description: c.description,
    stage,
    stageLabel: stageLabels[stage],
    nomineeTypeLabel: nomineeTypeLabels[c.nominee_type as NomineeType],
    votingEnabled: voting,
    votingOpen: stage === 'voting',
    resultsVisible,
    votesPerDay: Number(c.votes_per_day),
    votesPerCampaign: Number(c.votes_per_campaign),
    objectionsOpen: stageAllows.object(stage),
    publicity: showWinners ? { from: c.publicity_from, to: c.publicity_to } : null,
    awardedOn: c.awarded_on,
    nominees: rows.map((n) => {
      return {
        id: nomineeCode(Number(n.seq)),
        name: n.public_name,
        unit: n.org_name,
        deeds: scrubPublicText(n.deeds, names.get(n.id) ?? [], maskName),
        votes: resultsVisible ? (votes.get(n.id) ?? 0) : null,
        winner: showWinners ? Number(n.winner) === 1 : null,
      };
    }),
  };
}

/** 公示期 objections from the public: free text, rate-limited per address; answered by the organizer. */
export async function submitObjection(ctx: Ctx, campaignId: string, input: PublicObjectionBody) {
  const b = parseWith(publicObjectionBody, input);
  const c = await loadPublicCampaign(ctx, campaignId);
  if (!stageAllows.object(c.stage as Stage)) throw new AppError('RULE_VIOLATED', '当前不在公示期，不能提出异议');
  const address = addressHashOf(ctx);
  await enforceRateLimit(ctx.db, `objection:addr:${c.id}:${address}`, 5, 3600, ctx.now());
  let nominationId: string | null = null;
  if (b.nomineeId) {
    const n = await ctx.db.selectFrom('campaign_nominations').select('id').where('campaign_id', '=', c.id).where('seq', '=', Number(b.nomineeId)).where('status', '=', 'accepted').executeTakeFirst();
    if (!n) throw new AppError('NOT_FOUND', '候选对象不存在', [{ path: 'nomineeId', message: '候选对象不存在' }]);
    nominationId = n.id;
  }
  return inTransaction(ctx, async (tx) => {
    const id = newId();
    const at = nowIso(tx);
    await tx.db.insertInto('campaign_objections').values({ id, campaign_id: c.id, nomination_id: nominationId, content: b.content, address_hash: address, created_at: at, answer: null, answered_by: null, answered_at: null }).execute();
    await appendAudit(tx, { action: 'object', entity: 'campaign_objection', entityId: id, orgId: c.org_id, detail: { campaignId: c.id, nomineeId: b.nomineeId ?? null } });
    return { id, receivedAt: at, message: '异议已收到，主办单位将在公示期内核实答复' };
  });
}

export async function listObjections(ctx: Ctx, campaignId: string) {
  const c = await loadCampaign(ctx, campaignId, 'manage');
  const rows = await ctx.db
    .selectFrom('campaign_objections as o')
    .leftJoin('campaign_nominations as n', 'n.id', 'o.nomination_id')
    .select(['o.id', 'o.content', 'o.created_at', 'o.answer', 'o.answered_at', 'n.seq', 'n.public_name'])
    .where('o.campaign_id', '=', c.id)
    .orderBy('o.created_at')
    .execute();
  return {
    items: rows.map((r) => ({ id: r.id, nomineeId: r.seq === null ? null : nomineeCode(Number(r.seq)), nomineeName: r.public_name, content: r.content, createdAt: r.created_at, answer: r.answer, answeredAt: r.answered_at })),
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
