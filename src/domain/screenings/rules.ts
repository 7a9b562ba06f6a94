import { addDays } from '../cases/deadlines';
import type { RiskLevel } from '../cases/kinds';

/**
 * 摸底排查 (child screening campaigns): vocabularies and the pure rules. Categories follow
 * 《国务院关于加强困境儿童保障工作的意见》(国发〔2016〕36号: 家庭贫困、自身残疾、监护缺失或监护不当)
 * and 《关于加强农村留守儿童关爱保护工作的意见》(国发〔2016〕13号: 父母双方外出务工的留守儿童,
 * 强制报告、应急处置、评估帮扶). No I/O.
 */
export const guardianSituations = ['父母双方外出务工', '父或母一方外出务工', '单亲', '孤儿', '父母服刑', '父母重残或重病', '事实无人抚养', '父母共同监护', '其他'] as const;
export type GuardianSituation = (typeof guardianSituations)[number];

/** Situations where no parent actually cares for the child (监护缺失); each counts as one risk factor. */
export const guardianAbsent: readonly GuardianSituation[] = ['父母双方外出务工', '孤儿', '父母服刑', '父母重残或重病', '事实无人抚养'];

export const riskFactors = [
  '遭受虐待或暴力', '无人照料', '有自伤或出走倾向', '家庭经济困难', '本人残疾', '本人患重病', '辍学或失学', '心理行为问题', '监护人无监护能力', '居住条件危险',
] as const;
export type RiskFactor = (typeof riskFactors)[number];

/** Any one of these calls for 应急处置 at once (国发〔2016〕13号 强制报告、应急处置): the child is at high risk. */
export const severeFactors: readonly RiskFactor[] = ['遭受虐待或暴力', '无人照料', '有自伤或出走倾向'];

/** Three or more factors (a guardian-absent situation counting as one) make a high risk; one or two a medium risk. */
export const highRiskFactorCount = 3;

export function suggestRiskLevel(guardian: string, factors: readonly string[]): RiskLevel {
  if (factors.some((f) => (severeFactors as readonly string[]).includes(f))) return '高';
  const count = new Set(factors).size + ((guardianAbsent as readonly string[]).includes(guardian) ? 1 : 0);
  if (count >= highRiskFactorCount) return '高';
  return count >= 1 ? '中' : '低';
}

/** Default deadlines for a high-risk child, counted from the day the level became 高. */
export const defaultInterveneDays = 7;
export const defaultPairDays = 30;

export interface FollowupDue {
  dueInterveneOn: string | null;
  duePairOn: string | null;
}

/** Due dates: only a high-risk child must be intervened and paired within the campaign's days. */
export function followupDue(level: RiskLevel, from: string, days: { interveneDays: number; pairDays: number }): FollowupDue {
  if (level !== '高') return { dueInterveneOn: null, duePairOn: null };
  return { dueInterveneOn: addDays(from, days.interveneDays), duePairOn: addDays(from, days.pairDays) };
}

export type StepState = 'done' | 'overdue' | 'pending' | 'not_required';

export interface ChildFollowup {
  riskLevel: string;
  dueInterveneOn: string | null;
  duePairOn: string | null;
  intervenedOn: string | null;
  pairedOn: string | null;
}

function stepState(doneOn: string | null, dueOn: string | null, today: string): StepState {
  if (doneOn) return 'done';
  if (!dueOn) return 'not_required';
  return today > dueOn ? 'overdue' : 'pending';
}

/** A step is overdue once today is past its due date and it is still not recorded. */
export function followupState(c: ChildFollowup, today: string) {
  const intervention = stepState(c.intervenedOn, c.dueInterveneOn, today);
  const pairing = stepState(c.pairedOn, c.duePairOn, today);
  return { intervention, pairing, overdue: intervention === 'overdue' || pairing === 'overdue' };
}

export interface ProgressRow {
  orgId: string;
  found: number;
  high: number;
  medium: number;
  low: number;
  intervened: number;
  paired: number;
  overdue: number;
  completed: boolean;
  completedOn: string | null;
  reportedFound: number | null;
}

export interface ProgressChild extends ChildFollowup {
  orgId: string;
}

/** Per-township progress and the roll-up over them; `intervened`/`paired` count high-risk children only. */
export function progressOf(
  townships: readonly { orgId: string; completedOn: string | null; reportedFound: number | null }[],
  children: readonly ProgressChild[],
  today: string,
): { rows: ProgressRow[]; total: Omit<ProgressRow, 'orgId' | 'completedOn' | 'reportedFound'> & { townships: number; completedTownships: number } } {
  const rows = new Map<string, ProgressRow>(
    townships.map((t) => [t.orgId, { orgId: t.orgId, found: 0, high: 0, medium: 0, low: 0, intervened: 0, paired: 0, overdue: 0, completed: Boolean(t.completedOn), completedOn: t.completedOn, reportedFound: t.reportedFound }]),
  );
  for (const c of children) {
    const r = rows.get(c.orgId);
    if (!r) continue;
    r.found += 1;
    if (c.riskLevel === '高') {
      r.high += 1;
      if (c.intervenedOn) r.intervened += 1;
      if (c.pairedOn) r.paired += 1;
    } else if (c.riskLevel === '中') r.medium += 1;
    else r.low += 1;
    if (followupState(c, today).overdue) r.overdue += 1;
  }
  const list = Array.from(rows.values());
  const sum = (k: 'found' | 'high' | 'medium' | 'low' | 'intervened' | 'paired' | 'overdue') => list.reduce((n, r) => n + r[k], 0);
  const completedTownships = list.filter((r) => r.completed).length;
  return {
    rows: list,
    total: {
      found: sum('found'), high: sum('high'), medium: sum('medium'), low: sum('low'), intervened: sum('intervened'), paired: sum('paired'), overdue: sum('overdue'),
      completed: list.length > 0 && completedTownships === list.length, townships: list.length, completedTownships,
    },
  };
}
