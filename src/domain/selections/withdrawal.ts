import { type NominationStatus, nominationStatusLabels, type Stage, stageLabels } from './kinds';

/**
 * 撤回推荐: may a nomination be taken back? A pure rule over facts the service gathered.
 * Allowed while the nominations are still being vetted (提名 and 审核 stages): a pending nomination,
 * or one already accepted. Once the public vote or the jury has started, votes and scores name the
 * nominee, so taking it back would change a ranking people have acted on: refused. A rejected
 * nomination has already given its quota back (nothing to withdraw); a withdrawn one stays withdrawn.
 */
export interface WithdrawFacts {
  stage: Stage;
  status: NominationStatus;
  /** the caller may write for the nominating unit (its staff, or a unit above it) */
  mayActForUnit: boolean;
}

export type WithdrawCheck = { ok: true } | { ok: false; status: 'RULE_VIOLATED' | 'CONFLICT'; message: string };

export const withdrawStages: readonly Stage[] = ['nomination', 'review'];
export const withdrawableStatuses: readonly NominationStatus[] = ['nominated', 'accepted'];

export function checkWithdraw(f: WithdrawFacts): WithdrawCheck {
  if (f.status === 'withdrawn') return { ok: false, status: 'CONFLICT', message: '该提名已撤回' };
  if (!f.mayActForUnit) return { ok: false, status: 'RULE_VIOLATED', message: '只有推荐单位或其上级单位可以撤回推荐' };
  if (!withdrawStages.includes(f.stage)) {
    return { ok: false, status: 'RULE_VIOLATED', message: `评选已进入“${stageLabels[f.stage]}”阶段，不能再撤回推荐（只能在提名、审核阶段撤回）` };
  }
  if (!withdrawableStatuses.includes(f.status)) return { ok: false, status: 'RULE_VIOLATED', message: `该提名“${nominationStatusLabels[f.status]}”，名额已退回，无需撤回` };
  return { ok: true };
}

/** Statuses that hold a unit's quota and count as nominees (提名数): everything but rejected and withdrawn. */
export const quotaHoldingStatuses: readonly NominationStatus[] = ['nominated', 'accepted'];
