import { newId } from '../../../domain/ids';
import { shanghaiDate } from '../../../domain/dates';
import { type NomineeType, type Stage, stageLabels } from '../../../domain/selections/kinds';
import { checkAdvance, nextStage, publicityPeriod, stageAllows } from '../../../domain/selections/stages';
import { toInstant, votingPhase, votingPhaseLabels, votingTimesIssue, type VotingWindow } from '../../../domain/selections/voting-window';
import { type Ctx, inTransaction, nowIso } from '../../context';
import { AppError, notFound } from '../../http/errors';
import { defaultOrgId, hasPermission, orgInScope, orgScope, resolveOrgInScope } from '../../http/scope';
import { appendAudit } from '../audit/audit.service';
import { createdBy, parseWith } from '../catalogs/ledger-kit';
import { awardWinners } from './selections.award';
import { unconsentedNominees } from './selections.publication';
import { rankNominations } from './selections.ranking';
import * as repo from './selections.repo';
import { createCampaignBody, type CreateCampaignBody, type ListCampaignsQuery, updateCampaignBody, type UpdateCampaignBody } from './selections.schemas';

/**
 * Selections (评选表彰). Reading needs ledger.read over the organizer or a unit given a quota;
 * managing (rules, review, jury, stages, voiding, answers) needs ledger.write over the organizer.
 * Outside the scope a campaign does not exist (404).
 */
const what = '评选';

export async function loadCampaign(ctx: Ctx, id: string, mode: 'read' | 'manage'): Promise<repo.CampaignRow> {
  const row = await repo.findCampaign(ctx.db, id, repo.campaignVisible(orgScope(ctx, 'ledger.read')));
  if (!row) throw notFound(what);
  if (mode === 'manage' && !(await canManage(ctx, row))) throw new AppError('FORBIDDEN', '只有主办单位的工作人员可以进行此操作');
  return row;
}

export async function canManage(ctx: Ctx, row: repo.CampaignRow): Promise<boolean> {
  if (!hasPermission(ctx, 'ledger.write')) return false;
  const hit = await ctx.db.selectFrom('org_units').select('id').where('id', '=', row.org_id).where(orgInScope(orgScope(ctx, 'ledger.write'), 'org_units.id')).executeTakeFirst();
  return Boolean(hit);
}

function bool(v: number): boolean {
  return Number(v) === 1;
}

export async function campaignView(ctx: Ctx, row: repo.CampaignRow) {
  const [quotas, nominations, objections, orgName] = await Promise.all([
    repo.quotasOf(ctx.db, row.id),
    repo.nominationsOf(ctx.db, row.id, null),
    repo.objectionCounts(ctx.db, row.id),
    ctx.db.selectFrom('org_units').select('name').where('id', '=', row.org_id).executeTakeFirst(),
  ]);
  const stage = row.stage as Stage;
  const next = nextStage({ stage, votingEnabled: bool(row.voting_enabled), juryEnabled: bool(row.jury_enabled) });
  return {
    id: row.id,
    orgId: row.org_id,
    orgName: orgName?.name ?? '',
    name: row.name,
    kind: row.kind,
    nomineeType: row.nominee_type as NomineeType,
    year: Number(row.year),
    awardLevel: row.award_level,
    description: row.description,
    stage,
    stageLabel: stageLabels[stage],
    nextStage: next,
    nextStageLabel: next ? stageLabels[next] : null,
    votingEnabled: bool(row.voting_enabled),
    juryEnabled: bool(row.jury_enabled),
    juryWeight: Number(row.jury_weight),
    publicWeight: 100 - Number(row.jury_weight),
    winnersCount: Number(row.winners_count),
    votesPerDay: Number(row.votes_per_day),
    votesPerCampaign: Number(row.votes_per_campaign),
    votesPerAddressHour: Number(row.votes_per_address_hour),
    hideResults: bool(row.hide_results),
    publicityDays: Number(row.publicity_days),
    votingStartsAt: row.voting_starts_at ?? null,
    votingEndsAt: row.voting_ends_at ?? null,
    votingPhase: votingPhase(votingWindowOf(row), nowIso(ctx)),
    votingPhaseLabel: votingPhaseLabels[votingPhase(votingWindowOf(row), nowIso(ctx))],
    publicityFrom: row.publicity_from,
    publicityTo: row.publicity_to,
    awardedOn: row.awarded_on,
    quotas: quotas.map((q) => ({ orgId: q.org_id, orgName: q.org_name, orgCode: q.org_code, quota: Number(q.quota), used: Number(q.used) })),
    counts: {
      nominated: nominations.filter((n) => n.status === 'nominated').length,
      accepted: nominations.filter((n) => n.status === 'accepted').length,
      rejected: nominations.filter((n) => n.status === 'rejected').length,
      withdrawn: nominations.filter((n) => n.status === 'withdrawn').length,
      objections: objections.total,
      unansweredObjections: objections.unanswered,
    },
    canManage: await canManage(ctx, row),
    publicPath: stageAllows.publicPage(stage) ? `/p/campaigns/${row.id}` : null,
  };
}
export type CampaignView = Awaited<ReturnType<typeof campaignView>>;

export function votingWindowOf(row: repo.CampaignRow): VotingWindow {
  return { stage: row.stage as Stage, votingEnabled: bool(row.voting_enabled), startsAt: row.voting_starts_at ?? null, endsAt: row.voting_ends_at ?? null };
}

/** The window after a create or an edit, refused with the field named when the stage does not allow it. */
function checkVotingTimes(ctx: Ctx, current: VotingWindow, patch: { votingStartsAt?: string | null; votingEndsAt?: string | null }) {
  const next = {
    startsAt: patch.votingStartsAt === undefined ? current.startsAt : toInstant(patch.votingStartsAt),
    endsAt: patch.votingEndsAt === undefined ? current.endsAt : toInstant(patch.votingEndsAt),
  };
  const issue = votingTimesIssue(current, next, nowIso(ctx));
  if (issue) throw new AppError(issue.message.includes('不能') ? 'RULE_VIOLATED' : 'VALIDATION', issue.message, [issue]);
  return next;
}

async function writeQuotas(ctx: Ctx, campaignId: string, organizerId: string, quotas: { orgId: string; quota: number }[], existing: Map<string, number>) {
  const seen = new Set<string>();
  for (const [i, q] of quotas.entries()) {
    const path = `quotas.${i}.orgId`;
    const orgId = await resolveOrgInScope(ctx, 'ledger.read', q.orgId, path);
    const inside = await ctx.db.selectFrom('org_closure').select('depth').where('ancestor_id', '=', organizerId).where('descendant_id', '=', orgId).executeTakeFirst();
    if (!inside) throw new AppError('VALIDATION', '推荐单位应为主办单位或其下级组织', [{ path, message: '不是主办单位或其下级组织' }]);
    if (seen.has(orgId)) throw new AppError('VALIDATION', '同一推荐单位出现了两次', [{ path, message: '同一推荐单位出现了两次' }]);
    seen.add(orgId);
    const used = existing.get(orgId) ?? 0;
    if (q.quota < used) throw new AppError('RULE_VIOLATED', `该单位已提名 ${used} 个，名额不能少于已提名数`, [{ path: `quotas.${i}.quota`, message: `不能少于已提名数 ${used}` }]);
    if (existing.has(orgId)) await ctx.db.updateTable('campaign_quotas').set({ quota: q.quota }).where('campaign_id', '=', campaignId).where('org_id', '=', orgId).execute();
    else await ctx.db.insertInto('campaign_quotas').values({ campaign_id: campaignId, org_id: orgId, quota: q.quota, used: 0 }).execute();
  }
  for (const [orgId, used] of existing) {
    if (seen.has(orgId)) continue;
    if (used > 0) throw new AppError('RULE_VIOLATED', '已有提名的推荐单位不能取消名额', [{ path: 'quotas', message: '已有提名的推荐单位不能取消名额' }]);
    await ctx.db.deleteFrom('campaign_quotas').where('campaign_id', '=', campaignId).where('org_id', '=', orgId).execute();
  }
}

export async function createCampaign(ctx: Ctx, input: CreateCampaignBody): Promise<CampaignView> {
  orgScope(ctx, 'ledger.write');
  const b = parseWith(createCampaignBody, input);
  if (!b.votingEnabled && b.juryEnabled) b.juryWeight = 100;
  if (b.votingEnabled && !b.juryEnabled) b.juryWeight = 0;
  const row = await inTransaction(ctx, async (tx) => {
    const times = checkVotingTimes(tx, { stage: 'nomination', votingEnabled: b.votingEnabled, startsAt: null, endsAt: null }, b);
    const orgId = b.orgId ? await resolveOrgInScope(tx, 'ledger.write', b.orgId, 'orgId') : defaultOrgId(tx, 'ledger.write');
    const id = newId();
    const now = nowIso(tx);
    await tx.db
      .insertInto('campaigns')
      .values({
        id, org_id: orgId, name: b.name, kind: b.kind, nominee_type: b.nomineeType, year: b.year, award_level: b.awardLevel, description: b.description || null,
        stage: 'nomination', voting_enabled: b.votingEnabled ? 1 : 0, jury_enabled: b.juryEnabled ? 1 : 0, jury_weight: b.juryWeight, winners_count: b.winnersCount,
        votes_per_day: b.votesPerDay, votes_per_campaign: b.votesPerCampaign, votes_per_address_hour: b.votesPerAddressHour, hide_results: b.hideResults ? 1 : 0,
        publicity_days: b.publicityDays, publicity_from: null, publicity_to: null, awarded_on: null, created_by: createdBy(tx), created_at: now, updated_at: now,
        voting_starts_at: times.startsAt, voting_ends_at: times.endsAt,
      })
      .execute();
    await writeQuotas(tx, id, orgId, b.quotas, new Map());
    await appendAudit(tx, { action: 'create', entity: 'campaign', entityId: id, orgId, detail: { name: b.name, kind: b.kind, nomineeType: b.nomineeType, quotas: b.quotas.length } });
    return loadCampaign(tx, id, 'manage');
  });
  return campaignView(ctx, row);
}

export async function listCampaigns(ctx: Ctx, q: ListCampaignsQuery) {
  const rows = await repo.listCampaignRows(ctx.db, orgScope(ctx, 'ledger.read'), q);
  return {
    items: rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, year: Number(r.year), orgId: r.org_id, orgName: r.org_name, nomineeType: r.nominee_type, stage: r.stage as Stage, stageLabel: stageLabels[r.stage as Stage], createdAt: r.created_at })),
  };
}

export async function getCampaign(ctx: Ctx, id: string): Promise<CampaignView> {
  return campaignView(ctx, await loadCampaign(ctx, id, 'read'));
}

export async function updateCampaign(ctx: Ctx, id: string, input: UpdateCampaignBody): Promise<CampaignView> {
  const p = parseWith(updateCampaignBody, input);
  const row = await inTransaction(ctx, async (tx) => {
    const cur = await loadCampaign(tx, id, 'manage');
    const stage = cur.stage as Stage;
    const rulesTouched = p.quotas !== undefined || p.juryWeight !== undefined || p.winnersCount !== undefined || p.publicityDays !== undefined;
    if (rulesTouched && !stageAllows.changeRules(stage)) throw new AppError('RULE_VIOLATED', `“${stageLabels[stage]}”阶段不能再修改名额、权重、表彰名额和公示天数`);
    if (p.quotas && stage !== 'nomination') throw new AppError('RULE_VIOLATED', '提名阶段结束后不能再修改名额', [{ path: 'quotas', message: '提名阶段结束后不能再修改名额' }]);
    if (p.juryWeight !== undefined && !(bool(cur.voting_enabled) && bool(cur.jury_enabled))) {
      throw new AppError('RULE_VIOLATED', '只有同时开展投票和评审的评选才能设置权重', [{ path: 'juryWeight', message: '只有同时开展投票和评审才能设置权重' }]);
    }
    const times = p.votingStartsAt !== undefined || p.votingEndsAt !== undefined ? checkVotingTimes(tx, votingWindowOf(cur), p) : null;
    if (p.quotas) await writeQuotas(tx, id, cur.org_id, p.quotas, new Map((await repo.quotasOf(tx.db, id)).map((q) => [q.org_id, Number(q.used)])));
    const set = {
      ...(p.name !== undefined ? { name: p.name } : {}),
      ...(p.description !== undefined ? { description: p.description || null } : {}),
      ...(p.juryWeight !== undefined ? { jury_weight: p.juryWeight } : {}),
      ...(p.winnersCount !== undefined ? { winners_count: p.winnersCount } : {}),
      ...(p.votesPerDay !== undefined ? { votes_per_day: p.votesPerDay } : {}),
      ...(p.votesPerCampaign !== undefined ? { votes_per_campaign: p.votesPerCampaign } : {}),
      ...(p.votesPerAddressHour !== undefined ? { votes_per_address_hour: p.votesPerAddressHour } : {}),
      ...(p.hideResults !== undefined ? { hide_results: p.hideResults ? 1 : 0 } : {}),
      ...(p.publicityDays !== undefined ? { publicity_days: p.publicityDays } : {}),
      ...(times ? { voting_starts_at: times.startsAt, voting_ends_at: times.endsAt } : {}),
    };
    await tx.db.updateTable('campaigns').set({ ...set, updated_at: nowIso(tx) }).where('id', '=', id).execute();
    const fields = Object.entries(p).filter(([, v]) => v !== undefined).map(([k]) => k);
    await appendAudit(tx, { action: 'update', entity: 'campaign', entityId: id, orgId: cur.org_id, detail: { fields, ...set } });
    return loadCampaign(tx, id, 'manage');
  });
  return campaignView(ctx, row);
}

/**
 * Moves a campaign to its next stage when the stage machine allows it. Entering 公示 fixes the winners
 * (the top `winnersCount` by final score) and the publicity period; entering 表彰 awards them.
 */
export async function advanceCampaign(ctx: Ctx, id: string, to: Stage): Promise<CampaignView> {
  const row = await inTransaction(ctx, async (tx) => {
    const cur = await loadCampaign(tx, id, 'manage');
    const noms = await repo.nominationsOf(tx.db, id, null);
    const accepted = noms.filter((n) => n.status === 'accepted');
    const scored = new Set((await repo.juryScoresOf(tx.db, id)).map((s) => s.nomination_id));
    const today = shanghaiDate(tx.now());
    const shape = { stage: cur.stage as Stage, votingEnabled: bool(cur.voting_enabled), juryEnabled: bool(cur.jury_enabled) };
    const result = checkAdvance(shape, to, {
      pending: noms.filter((n) => n.status === 'nominated').length,
      accepted: accepted.length,
      unscored: accepted.filter((n) => !scored.has(n.id)).length,
      unansweredObjections: (await repo.objectionCounts(tx.db, id)).unanswered,
      today,
      publicityTo: cur.publicity_to,
      unconsented: await unconsentedNominees(tx, id),
      now: nowIso(tx),
      votingStartsAt: cur.voting_starts_at ?? null,
      votingEndsAt: cur.voting_ends_at ?? null,
    });
    if (!result.ok) throw new AppError(result.status, result.message, [{ path: 'to', message: result.message }]);
    const now = nowIso(tx);
    const extra: { publicity_from?: string; publicity_to?: string; awarded_on?: string; voting_opened_at?: string; voting_closed_at?: string; voting_starts_at?: string } = {};
    // the vote opens at 投票开始 (or now when none was set) and closes at 截止 or when the stage moves on, whichever comes first
    if (to === 'voting') {
      extra.voting_starts_at = cur.voting_starts_at ?? now;
      extra.voting_opened_at = extra.voting_starts_at > now ? extra.voting_starts_at : now;
    }
    if (cur.stage === 'voting') extra.voting_closed_at = cur.voting_ends_at && cur.voting_ends_at < now ? cur.voting_ends_at : now;
    let winners: string[] = [];
    if (to === 'publicity') {
      const period = publicityPeriod(today, Number(cur.publicity_days));
      extra.publicity_from = period.from;
      extra.publicity_to = period.to;
      winners = (await rankNominations(tx, cur)).slice(0, Number(cur.winners_count)).map((r) => r.id);
      if (winners.length) await tx.db.updateTable('campaign_nominations').set({ winner: 1, updated_at: now }).where('id', 'in', winners).execute();
    }
    if (to === 'awarded') extra.awarded_on = today;
    // the stage we checked must still be the stage we change: a second click or a second server loses
    const moved = await tx.db.updateTable('campaigns').set({ stage: to, ...extra, updated_at: now }).where('id', '=', id).where('stage', '=', cur.stage).returning('id').executeTakeFirst();
    if (!moved) throw new AppError('CONFLICT', '评选阶段已被他人变更，请刷新后再试');
    if (to === 'awarded') await awardWinners(tx, { ...cur, awarded_on: today });
    await appendAudit(tx, { action: 'advance', entity: 'campaign', entityId: id, orgId: cur.org_id, detail: { from: cur.stage, to, ...extra, ...(to === 'publicity' ? { winners } : {}) } });
    return loadCampaign(tx, id, 'manage');
  });
  return campaignView(ctx, row);
}
