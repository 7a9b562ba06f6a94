import { sql } from 'kysely';
import { shanghaiDate } from '../../../domain/dates';
import { newId } from '../../../domain/ids';
import { anomalyRules, burstMinutes, isNightHour, minutesBetween, shanghaiHour } from '../../../domain/selections/anomalies';
import { type Stage } from '../../../domain/selections/kinds';
import { stageAllows } from '../../../domain/selections/stages';
import { voteRefusal } from '../../../domain/selections/voting-window';
import { type Ctx, inTransaction, nowIso } from '../../context';
import { AppError, notFound } from '../../http/errors';
import { enforceRateLimit } from '../../http/rate-limit';
import { appendAudit } from '../audit/audit.service';
import { createdBy, isUniqueViolation, parseWith } from '../catalogs/ledger-kit';
import { addressHashOf, resolvePublicToken } from '../otp/otp.service';
import * as repo from './selections.repo';
import { publicVoteBody, type PublicVoteBody, voidVotesBody, type VoidVotesBody } from './selections.schemas';
import { loadCampaign, votingWindowOf } from './selections.service';

/**
 * Public voting. A vote is stored with the voter's keyed phone hash only (never the phone, never a
 * voter list). Exact under concurrency: the unique key (campaign, voter, nominee, day) counts the
 * same vote once however often it is sent, and per-voter limits are conditional increments of a
 * counter row inside the vote's transaction, so a refused vote leaves nothing behind.
 */
export async function loadPublicCampaign(ctx: Ctx, id: string): Promise<repo.CampaignRow> {
  const c = await repo.findCampaign(ctx.db, id, null);
  if (!c || !stageAllows.publicPage(c.stage as Stage)) throw notFound('评选');
  return c;
}

/** One more use of a per-voter counter (period 'all', a day, or objections), if under `limit`; false when used up. */
export async function takeOne(ctx: Ctx, c: repo.CampaignRow, voterHash: string, period: string, limit: number): Promise<boolean> {
  await ctx.db.insertInto('campaign_voter_tallies').values({ campaign_id: c.id, voter_hash: voterHash, period, count: 0 }).onConflict((oc) => oc.doNothing()).execute();
  const r = await ctx.db
    .updateTable('campaign_voter_tallies')
    .set((eb) => ({ count: eb('count', '+', 1) }))
    .where('campaign_id', '=', c.id)
    .where('voter_hash', '=', voterHash)
    .where('period', '=', period)
    .where('count', '<', limit)
    .returning('count')
    .executeTakeFirst();
  return Boolean(r);
}

export async function castVote(ctx: Ctx, campaignId: string, input: PublicVoteBody) {
  const b = parseWith(publicVoteBody, input);
  const c = await loadPublicCampaign(ctx, campaignId);
  // the window is judged by the server's clock at the vote: it opens and closes by itself
  const refusal = voteRefusal(votingWindowOf(c), nowIso(ctx));
  if (refusal) throw new AppError('RULE_VIOLATED', refusal);
  const voter = await resolvePublicToken(ctx, b.token, 'vote');
  const address = addressHashOf(ctx);
  await enforceRateLimit(ctx.db, `vote:addr:${c.id}:${address}`, Number(c.votes_per_address_hour), 3600, ctx.now());
  const nom = await ctx.db.selectFrom('campaign_nominations').select(['id', 'public_name']).where('campaign_id', '=', c.id).where('seq', '=', Number(b.nomineeId)).where('status', '=', 'accepted').executeTakeFirst();
  if (!nom) throw new AppError('NOT_FOUND', '候选对象不存在', [{ path: 'nomineeId', message: '候选对象不存在' }]);
  const now = ctx.now();
  const day = shanghaiDate(now);
  try {
    return await inTransaction(ctx, async (tx) => {
      const id = newId();
      await tx.db
        .insertInto('campaign_votes')
        .values({ id, campaign_id: c.id, nomination_id: nom.id, voter_hash: voter.voterHash, vote_day: day, vote_hour: shanghaiHour(now), address_hash: address, created_at: now.toISOString(), voided_at: null, void_reason: null, voided_by: null })
        .execute();
      if (!(await takeOne(tx, c, voter.voterHash, 'all', Number(c.votes_per_campaign)))) throw new AppError('RULE_VIOLATED', `每个手机号在本次评选中最多投 ${Number(c.votes_per_campaign)} 票，您的票数已用完`);
      if (!(await takeOne(tx, c, voter.voterHash, day, Number(c.votes_per_day)))) throw new AppError('RULE_VIOLATED', `每个手机号每天最多投 ${Number(c.votes_per_day)} 票，今天的票数已用完`);
      await appendAudit(tx, { action: 'vote', entity: 'campaign_vote', entityId: id, orgId: c.org_id, detail: { campaignId: c.id, nomineeId: b.nomineeId } });
      const left = await tx.db.selectFrom('campaign_voter_tallies').select(['period', 'count']).where('campaign_id', '=', c.id).where('voter_hash', '=', voter.voterHash).where('period', 'in', ['all', day]).execute();
      const used = (p: string) => Number(left.find((l) => l.period === p)?.count ?? 0);
      return { voted: true as const, nomineeId: b.nomineeId, nomineeName: nom.public_name, remainingToday: Number(c.votes_per_day) - used(day), remainingInCampaign: Number(c.votes_per_campaign) - used('all') };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', '今天已为该候选对象投过票，明天再来吧', [{ path: 'nomineeId', message: '今天已投过' }]);
    throw e;
  }
}

/** Flags for organizers: bursts per minute, many voters behind one address, night votes (00–06 h Asia/Shanghai). */
export async function voteAnomalies(ctx: Ctx, campaignId: string) {
  const c = await loadCampaign(ctx, campaignId, 'manage');
  const live = ctx.db.selectFrom('campaign_votes').where('campaign_id', '=', c.id).where('voided_at', 'is', null);
  const minute = sql<string>`substr(created_at, 1, 16)`;
  const perMinute = await live.select((eb) => [minute.as('minute'), eb.fn.countAll<string | number>().as('n')]).groupBy(minute).execute();
  // the vote's window: opened → closed (or now while voting); campaigns from before those were recorded: first → last vote
  const span = await live.select((eb) => [eb.fn.min('created_at').as('first'), eb.fn.max('created_at').as('last')]).executeTakeFirstOrThrow();
  const from = c.voting_opened_at ?? (span.first as string | null);
  const now = nowIso(ctx);
  const open = c.stage === 'voting' ? (c.voting_ends_at && c.voting_ends_at < now ? c.voting_ends_at : now) : (span.last as string | null);
  const to = c.voting_closed_at ?? open;
  const windowMinutes = from && to && to > from ? minutesBetween(from, to) : 1;
  const bursts = burstMinutes(perMinute.map((m) => ({ minute: String(m.minute), votes: Number(m.n) })), windowMinutes);
  const addresses = await live
    .select((eb) => ['address_hash', eb.fn.countAll<string | number>().as('votes'), eb.fn.count<string | number>('voter_hash').distinct().as('voters')])
    .groupBy('address_hash')
    .execute();
  const night = await live.select((eb) => eb.fn.countAll<string | number>().as('n')).where('vote_hour', 'in', nightHours).executeTakeFirstOrThrow();
  const total = await live.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
  const voided = await ctx.db.selectFrom('campaign_votes').select((eb) => eb.fn.countAll<string | number>().as('n')).where('campaign_id', '=', c.id).where('voided_at', 'is not', null).executeTakeFirstOrThrow();
  return {
    totalVotes: Number(total.n),
    voidedVotes: Number(voided.n),
    bursts: bursts.map((b) => ({ minute: b.minute, votes: b.votes })),
    addresses: addresses
      .map((a) => ({ addressHash: a.address_hash, votes: Number(a.votes), voters: Number(a.voters) }))
      .filter((a) => a.voters >= anomalyRules.addressMinVoters)
      .sort((x, y) => y.voters - x.voters),
    nightVotes: Number(night.n),
  };
}

const nightHours = Array.from({ length: 24 }, (_, h) => h).filter(isNightHour);

/** Voids the live votes of one flagged group, with a reason; audited; counts exclude them from then on. */
export async function voidVotes(ctx: Ctx, campaignId: string, input: VoidVotesBody) {
  const b = parseWith(voidVotesBody, input);
  if (b.group !== 'night' && !b.key) throw new AppError('VALIDATION', '请指定要作废的分组', [{ path: 'key', message: '请指定要作废的分组' }]);
  return inTransaction(ctx, async (tx) => {
    const c = await loadCampaign(tx, campaignId, 'manage');
    if (!stageAllows.voidVotes(c.stage as Stage)) throw new AppError('RULE_VIOLATED', '当前阶段不能作废投票');
    let q = tx.db.updateTable('campaign_votes').set({ voided_at: nowIso(tx), void_reason: b.reason, voided_by: createdBy(tx) }).where('campaign_id', '=', c.id).where('voided_at', 'is', null);
    if (b.group === 'minute') q = q.where('created_at', '>=', `${b.key}:00`).where('created_at', '<', `${b.key}:60`);
    if (b.group === 'address') q = q.where('address_hash', '=', b.key as string);
    if (b.group === 'night') q = q.where('vote_hour', 'in', nightHours);
    const r = await q.executeTakeFirst();
    const count = Number(r.numUpdatedRows);
    await appendAudit(tx, { action: 'void_votes', entity: 'campaign', entityId: c.id, orgId: c.org_id, detail: { group: b.group, key: b.key ?? null, reason: b.reason, votes: count } });
    return { voided: count };
  });
}
