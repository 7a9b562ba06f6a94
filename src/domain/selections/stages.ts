import { type Stage, stageLabels } from './kinds';
import { votingEntryIssue } from './voting-window';

/**
 * The stage machine of a selection: 提名 → 审核 → 投票 (optional) → 评审 (optional) → 公示 → 表彰.
 * A pure rule: it reads the facts the service gathered and either names the next stage or refuses
 * in Chinese (422 for a rule, 409 for a stale stage); the service changes nothing on a refusal.
 */
export interface CampaignShape {
  stage: Stage;
  votingEnabled: boolean;
  juryEnabled: boolean;
}

export interface StageFacts {
  /** nominations not yet reviewed */
  pending: number;
  accepted: number;
  /** accepted nominees without any jury score */
  unscored: number;
  unansweredObjections: number;
  /** today (Asia/Shanghai) and the publicity period's last day */
  today: string;
  publicityTo: string | null;
  /** accepted nominees without a recorded consent to publication, as “002 丁*家庭（甲镇妇联）” */
  unconsented: string[];
  /** the server's instant and the vote's window (投票开始/截止) */
  now: string;
  votingStartsAt: string | null;
  votingEndsAt: string | null;
}

export type AdvanceResult = { ok: true; from: Stage; to: Stage } | { ok: false; status: 'RULE_VIOLATED' | 'CONFLICT'; message: string };

export function nextStage(c: CampaignShape): Stage | null {
  switch (c.stage) {
    case 'nomination':
      return 'review';
    case 'review':
      return c.votingEnabled ? 'voting' : c.juryEnabled ? 'jury' : 'publicity';
    case 'voting':
      return c.juryEnabled ? 'jury' : 'publicity';
    case 'jury':
      return 'publicity';
    case 'publicity':
      return 'awarded';
    case 'awarded':
      return null;
  }
}

const refuse = (message: string, status: 'RULE_VIOLATED' | 'CONFLICT' = 'RULE_VIOLATED'): AdvanceResult => ({ ok: false, status, message });

/** May the campaign move from its stage to `to` (the caller's expected next stage)? */
export function checkAdvance(c: CampaignShape, to: Stage, f: StageFacts): AdvanceResult {
  const next = nextStage(c);
  if (!next) return refuse('评选已表彰结束，不能再变更阶段', 'CONFLICT');
  if (to !== next) return refuse(`当前为“${stageLabels[c.stage]}”阶段，下一阶段应为“${stageLabels[next]}”，不能进入“${stageLabels[to]}”`, 'CONFLICT');
  switch (c.stage) {
    case 'nomination':
      if (f.pending + f.accepted === 0) return refuse('尚无提名，不能进入审核');
      break;
    case 'review':
      if (f.pending > 0) return refuse(`还有 ${f.pending} 个提名未审核`);
      if (f.accepted === 0) return refuse('没有审核通过的候选对象');
      break;
    case 'voting':
      break;
    case 'jury':
      if (f.unscored > 0) return refuse(`还有 ${f.unscored} 个候选对象没有评委打分`);
      break;
    case 'publicity':
      if (!f.publicityTo || f.today <= f.publicityTo) return refuse(`公示期至 ${f.publicityTo ?? '（未定）'} 结束，期满后方可表彰`);
      if (f.unansweredObjections > 0) return refuse(`还有 ${f.unansweredObjections} 条异议未答复，答复后方可表彰`);
      break;
    case 'awarded':
      break;
  }
  // the stage's own work first, then what going public needs
  if (stageAllows.publicPage(to) && to !== 'awarded' && f.unconsented.length > 0) {
    const list = f.unconsented.slice(0, 5).join('、') + (f.unconsented.length > 5 ? ` 等 ${f.unconsented.length} 个` : '');
    return refuse(`候选对象须登记本人或监护人同意公开后才能进入“${stageLabels[to]}”（公众页面将展示其名称、照片和事迹）。尚未登记同意：${list}`);
  }
  if (to === 'voting') {
    const issue = votingEntryIssue({ startsAt: f.votingStartsAt, endsAt: f.votingEndsAt }, f.now);
    if (issue) return refuse(issue);
  }
  return { ok: true, from: c.stage, to };
}

/** What each stage allows. */
export const stageAllows = {
  nominate: (s: Stage) => s === 'nomination',
  review: (s: Stage) => s === 'nomination' || s === 'review',
  vote: (s: Stage) => s === 'voting',
  score: (s: Stage) => s === 'jury',
  object: (s: Stage) => s === 'publicity',
  /** voiding flagged votes: once voting has started and until the award */
  voidVotes: (s: Stage) => s === 'voting' || s === 'jury' || s === 'publicity',
  /** the public page exists once the nominees are vetted */
  publicPage: (s: Stage) => s === 'voting' || s === 'jury' || s === 'publicity' || s === 'awarded',
  /** quotas, weights and the number of winners are fixed once the publicity starts */
  changeRules: (s: Stage) => s !== 'publicity' && s !== 'awarded',
};

/** The publicity period (公示期): `days` calendar days starting today. */
export function publicityPeriod(today: string, days: number): { from: string; to: string } {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days - 1);
  return { from: today, to: d.toISOString().slice(0, 10) };
}
