import { newId } from '../../../domain/ids';
import { nominationStatusLabels, type NominationStatus, type NomineeType, nomineeCode, type Stage, stageLabels } from '../../../domain/selections/kinds';
import { formatScore } from '../../../domain/selections/scoring';
import { stageAllows } from '../../../domain/selections/stages';
import { type Ctx, inTransaction, nowIso } from '../../context';
import { AppError, notFound } from '../../http/errors';
import { orgScope, resolveOrgInScope } from '../../http/scope';
import { appendAudit } from '../audit/audit.service';
import { createdBy, isUniqueViolation, parseWith } from '../catalogs/ledger-kit';
import { nomineeFullNames, resolveNominee } from './selections.nominees';
import { checkPublication, publicationView } from './selections.publication';
import { rankNominations } from './selections.ranking';
import * as repo from './selections.repo';
import { nominateBody, type NominateBody, reviewBody, type ReviewBody, scoreBody, type ScoreBody } from './selections.schemas';
import { canManage, loadCampaign } from './selections.service';

/** Nominations level by level (层层推荐): a unit with a quota nominates; the organizer reviews and scores. */
const refuse = (message: string, path?: string) => new AppError('RULE_VIOLATED', message, path ? [{ path, message }] : undefined);

function stageRefusal(stage: string, action: string): AppError {
  return refuse(`评选当前处于“${stageLabels[stage as Stage]}”阶段，不能${action}`);
}

/** Organizers see every nomination with votes, jury scores and rank; a nominating unit sees its own. */
export async function listNominations(ctx: Ctx, campaignId: string) {
  const c = await loadCampaign(ctx, campaignId, 'read');
  const manager = await canManage(ctx, c);
  const rows = await repo.nominationsOf(ctx.db, c.id, manager ? null : orgScope(ctx, 'ledger.read'));
  const [names, ranked, scores, publication] = await Promise.all([nomineeFullNames(ctx, rows), rankNominations(ctx, c), repo.juryScoresOf(ctx.db, c.id), publicationView(ctx, rows)]);
  const rank = new Map(ranked.map((r) => [r.id, r]));
  const me = ctx.actor.kind === 'user' ? ctx.actor.id : null;
  return {
    canManage: manager,
    items: rows.map((n) => {
      const r = rank.get(n.id);
      const mine = scores.find((s) => s.nomination_id === n.id && s.juror_id === me);
      return {
        id: n.id,
        code: nomineeCode(Number(n.seq)),
        nomineeType: n.nominee_type as NomineeType,
        name: names.get(n.id) ?? '',
        publicName: n.public_name,
        deeds: n.deeds,
        ...publication.get(n.id),
        nominatingOrgId: n.nominating_org_id,
        nominatingOrgName: n.org_name,
        status: n.status as NominationStatus,
        statusLabel: nominationStatusLabels[n.status as NominationStatus],
        reviewReason: n.review_reason,
        withdrawReason: n.withdraw_reason,
        withdrawnAt: n.withdrawn_at,
        winner: Number(n.winner) === 1,
        ...(manager && r
          ? { votes: r.votes, juryScore: formatScore(r.jury), publicScore: formatScore(r.public), finalScore: formatScore(r.final), rank: r.rank, jurors: scores.filter((s) => s.nomination_id === n.id).length }
          : {}),
        myScore: mine ? Number(mine.score) : null,
        createdAt: n.created_at,
      };
    }),
  };
}

export async function nominate(ctx: Ctx, campaignId: string, input: NominateBody) {
  const b = parseWith(nominateBody, input);
  try {
    return await inTransaction(ctx, async (tx) => {
      const c = await loadCampaign(tx, campaignId, 'read');
      if (!stageAllows.nominate(c.stage as Stage)) throw stageRefusal(c.stage, '提名');
      const orgId = await resolveOrgInScope(tx, 'ledger.write', b.nominatingOrgId, 'nominatingOrgId');
      const quota = await tx.db.selectFrom('campaign_quotas').select(['quota', 'used']).where('campaign_id', '=', c.id).where('org_id', '=', orgId).executeTakeFirst();
      if (!quota) throw refuse('该单位没有本次评选的推荐名额', 'nominatingOrgId');
      const nominee = await resolveNominee(tx, c.nominee_type as NomineeType, b, orgId);
      const publication = await checkPublication(tx, nominee.child, { displayName: b.displayName ?? null, consent: b.consent ?? null });
      const dup = await tx.db
        .selectFrom('campaign_nominations')
        .select('id')
        .where('campaign_id', '=', c.id)
        .where('status', 'not in', ['rejected', 'withdrawn'])
        .where((eb) => eb.or([eb('person_id', '=', nominee.personId ?? ''), eb('household_id', '=', nominee.householdId ?? ''), eb('unit_id', '=', nominee.unitId ?? ''), eb('loan_id', '=', nominee.loanId ?? '')]))
        .executeTakeFirst();
      if (dup) throw new AppError('CONFLICT', `“${nominee.fullName}”已被提名`, [{ path: 'nominee', message: '已被提名' }]);
      // the conditional increment keeps a unit within its quota even when two of its staff nominate at once
      const took = await tx.db.updateTable('campaign_quotas').set((eb) => ({ used: eb('used', '+', 1) })).where('campaign_id', '=', c.id).where('org_id', '=', orgId).where('used', '<', eb => eb.ref('quota')).returning('used').executeTakeFirst();
      if (!took) throw refuse(`该单位的推荐名额（${Number(quota.quota)} 个）已用完`, 'nominatingOrgId');
      const max = await tx.db.selectFrom('campaign_nominations').select((eb) => eb.fn.max('seq').as('m')).where('campaign_id', '=', c.id).executeTakeFirst();
      const id = newId();
      const now = nowIso(tx);
      await tx.db
        .insertInto('campaign_nominations')
        .values({
          id, campaign_id: c.id, seq: Number(max?.m ?? 0) + 1, nominating_org_id: orgId, nominee_type: nominee.type, person_id: nominee.personId, household_id: nominee.householdId,
          unit_id: nominee.unitId, loan_id: nominee.loanId, public_name: nominee.publicName, deeds: b.deeds, status: 'nominated', review_reason: null, reviewed_by: null,
          reviewed_at: null, winner: 0, created_by: createdBy(tx), created_at: now, updated_at: now, ...publication,
        })
        .execute();
      await appendAudit(tx, {
        action: 'nominate', entity: 'campaign_nomination', entityId: id, orgId,
        detail: { campaignId: c.id, nomineeType: nominee.type, nominee: nominee.personId ?? nominee.householdId ?? nominee.unitId ?? nominee.loanId, displayName: publication.display_name, consent: publication.publish_consent },
      });
      return { id, code: nomineeCode(Number(max?.m ?? 0) + 1), publicName: nominee.publicName, name: nominee.fullName, status: 'nominated' as const };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', '同时提交的提名过多，请重试');
    throw e;
  }
}

async function loadNomination(ctx: Ctx, c: repo.CampaignRow, nominationId: string) {
  const n = await ctx.db.selectFrom('campaign_nominations').selectAll().where('id', '=', nominationId).where('campaign_id', '=', c.id).executeTakeFirst();
  if (!n) throw notFound('提名');
  return n;
}

/** 审核: the organizer accepts or rejects (with a reason); a rejection gives the unit its quota back. */
export async function reviewNomination(ctx: Ctx, campaignId: string, nominationId: string, input: ReviewBody) {
  const b = parseWith(reviewBody, input);
  if (b.decision === 'reject' && !b.reason) throw new AppError('VALIDATION', '不通过须填写理由', [{ path: 'reason', message: '不通过须填写理由' }]);
  return inTransaction(ctx, async (tx) => {
    const c = await loadCampaign(tx, campaignId, 'manage');
    if (!stageAllows.review(c.stage as Stage)) throw stageRefusal(c.stage, '审核提名');
    const n = await loadNomination(tx, c, nominationId);
    if (n.status === 'withdrawn') throw refuse('该提名已由推荐单位撤回，不能再审核');
    const status = b.decision === 'accept' ? 'accepted' : 'rejected';
    if (n.status === status) throw new AppError('CONFLICT', `该提名已是“${nominationStatusLabels[status]}”`);
    // conditional on the status read: a concurrent withdrawal or review wins once, the quota moves once
    const changed = await tx.db
      .updateTable('campaign_nominations')
      .set({ status, review_reason: b.reason || null, reviewed_by: createdBy(tx), reviewed_at: nowIso(tx), updated_at: nowIso(tx) })
      .where('id', '=', n.id)
      .where('status', '=', n.status)
      .returning('id')
      .executeTakeFirst();
    if (!changed) throw new AppError('CONFLICT', '该提名刚被他人处理，请刷新后再试');
    if (status === 'rejected') await tx.db.updateTable('campaign_quotas').set((eb) => ({ used: eb('used', '-', 1) })).where('campaign_id', '=', c.id).where('org_id', '=', n.nominating_org_id).execute();
    if (n.status === 'rejected') {
      // reinstating a rejected nomination takes its unit's quota again, and only if one is free
      const took = await tx.db.updateTable('campaign_quotas').set((eb) => ({ used: eb('used', '+', 1) })).where('campaign_id', '=', c.id).where('org_id', '=', n.nominating_org_id).where('used', '<', (eb) => eb.ref('quota')).returning('used').executeTakeFirst();
      if (!took) throw new AppError('CONFLICT', '该单位的推荐名额已用完，不能再通过此前不通过的提名');
    }
    await appendAudit(tx, { action: 'review', entity: 'campaign_nomination', entityId: n.id, orgId: c.org_id, detail: { campaignId: c.id, decision: b.decision, reason: b.reason ?? null } });
    return { id: n.id, status, statusLabel: nominationStatusLabels[status], reviewReason: b.reason || null };
  });
}

/** 评审: each juror (a manager of the organizer) gives one score 0–100 per accepted nominee; a new score replaces the juror's last. */
export async function scoreNomination(ctx: Ctx, campaignId: string, nominationId: string, input: ScoreBody) {
  const b = parseWith(scoreBody, input);
  return inTransaction(ctx, async (tx) => {
    const c = await loadCampaign(tx, campaignId, 'manage');
    if (!stageAllows.score(c.stage as Stage)) throw stageRefusal(c.stage, '评分');
    const n = await loadNomination(tx, c, nominationId);
    if (n.status !== 'accepted') throw refuse('只能为审核通过的候选对象评分');
    const juror = createdBy(tx) ?? 'system';
    const now = nowIso(tx);
    await tx.db
      .insertInto('campaign_jury_scores')
      .values({ nomination_id: n.id, juror_id: juror, campaign_id: c.id, score: b.score, comment: b.comment || null, updated_at: now })
      .onConflict((oc) => oc.columns(['nomination_id', 'juror_id']).doUpdateSet({ score: b.score, comment: b.comment || null, updated_at: now }))
      .execute();
    await appendAudit(tx, { action: 'score', entity: 'campaign_nomination', entityId: n.id, orgId: c.org_id, detail: { campaignId: c.id, score: b.score } });
    return { nominationId: n.id, score: b.score };
  });
}

/** The ranking with final scores (organizers). */
export async function campaignResults(ctx: Ctx, campaignId: string) {
  const c = await loadCampaign(ctx, campaignId, 'manage');
  const ranked = await rankNominations(ctx, c);
  const rows = await repo.nominationsOf(ctx.db, c.id, null);
  const names = await nomineeFullNames(ctx, rows);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    juryWeight: Number(c.jury_weight),
    publicWeight: 100 - Number(c.jury_weight),
    items: ranked.map((r) => ({
      id: r.id, code: nomineeCode(r.seq), name: names.get(r.id) ?? '', rank: r.rank, votes: r.votes,
      juryScore: formatScore(r.jury), publicScore: formatScore(r.public), finalScore: formatScore(r.final), winner: Number(byId.get(r.id)?.winner) === 1,
    })),
  };
}
