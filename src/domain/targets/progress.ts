import { shanghaiDate } from '../dates';

/**
 * Annual targets (年度目标): how far a unit is, against 序时进度 (expectedProgress: the elapsed share
 * of the year in Asia/Shanghai). Pure rules; the server feeds in the metric's actual value and now.
 * Every figure here is in hundredths of a percent (integers) so comparisons at a threshold are exact;
 * the API shows them divided by 100 (52.34 means 52.34%).
 */
export const targetComparisons = ['at_least', 'at_most'] as const;
export type TargetComparison = (typeof targetComparisons)[number];
export const comparisonLabels: Record<TargetComparison, string> = { at_least: '不少于', at_most: '不超过' };

export const targetStatuses = ['ahead', 'on_track', 'behind', 'met', 'missed'] as const;
export type TargetStatus = (typeof targetStatuses)[number];
export const statusLabels: Record<TargetStatus, string> = { ahead: '超序时进度', on_track: '符合序时进度', behind: '落后序时进度', met: '已完成', missed: '未完成' };

/**
 * ±5 percentage points around 序时进度 count as on track. A month is 8.3 points of the year and
 * ledgers are entered after the fact (often at month end, as the 月报 habit has it), so a tighter band
 * would flag a unit as behind merely for not having entered this month's records yet; a wider one
 * (10 points ≈ five weeks) would hide a unit that has really slipped for a month.
 */
export const paceTolerance = 500; // hundredths of a percent = 5 points

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

/** 1 for 01-01 … 365 (366 in a leap year) for 12-31. */
export function dayOfYear(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / 86_400_000) + 1;
}

/**
 * 序时进度 in hundredths of a percent: day of the year (today counts, as the period runs to today
 * inclusive) over the days of the year; 0 before the year, 10000 after it.
 */
export function expectedProgressHundredths(year: number, now: Date): number {
  const today = shanghaiDate(now);
  if (today < `${year}-01-01`) return 0;
  if (today > `${year}-12-31`) return 10000;
  return Math.round((dayOfYear(today) * 10000) / daysInYear(year));
}

/** The period a target's actual covers: year start .. min(year end, today); null before the year starts. */
export function targetPeriod(year: number, now: Date): { from: string; to: string } | null {
  const today = shanghaiDate(now);
  const from = `${year}-01-01`;
  const end = `${year}-12-31`;
  if (today < from) return null;
  return { from, to: today < end ? today : end };
}

/** actual / target in hundredths of a percent; null when the target is 0 (a ratio means nothing). */
export function progressHundredths(actual: number, target: number): number | null {
  if (target <= 0) return null;
  return Math.round((actual * 10000) / target);
}

export interface TargetEvaluation {
  /** percent, two decimals; null for a target of 0 */
  progress: number | null;
  expectedProgress: number;
  status: TargetStatus;
}

/**
 * at_least: met as soon as actual ≥ target; once the year is over, anything less is missed; before
 * that the progress is compared with 序时进度 (ahead ≥ +5 points, behind < −5 points).
 * at_most (a ceiling): met only when the year ends within it, missed when it ends above it. During the
 * year, being above the ceiling is behind; otherwise using less of the ceiling than the elapsed share
 * of the year is ahead (≤ −5 points) and using more is behind (> +5 points), as a spend rate would be read.
 */
export function evaluateTarget(input: { comparison: TargetComparison; actual: number; target: number; year: number; now: Date }): TargetEvaluation {
  const { comparison, actual, target, year, now } = input;
  const expected = expectedProgressHundredths(year, now);
  const progress = progressHundredths(actual, target);
  const over = shanghaiDate(now) > `${year}-12-31`;
  const out = (status: TargetStatus): TargetEvaluation => ({ progress: progress === null ? null : progress / 100, expectedProgress: expected / 100, status });
  const diff = (progress ?? 0) - expected;
  if (comparison === 'at_least') {
    if (actual >= target) return out('met');
    if (over) return out('missed');
    if (diff >= paceTolerance) return out('ahead');
    return out(diff < -paceTolerance ? 'behind' : 'on_track');
  }
  if (over) return out(actual <= target ? 'met' : 'missed');
  if (actual > target) return out('behind');
  if (progress === null) return out('on_track');
  if (diff <= -paceTolerance) return out('ahead');
  return out(diff > paceTolerance ? 'behind' : 'on_track');
}

/**
 * Target values are stored as canonical decimal text (`8000`, `98.5`, `123.4568`): exact for every
 * metric unit (万元 to 4 decimals, % and 元 to 2, counts whole) on both databases, with no float
 * column and no scale factor to remember. At most 4 decimals are accepted.
 */
export function targetValueText(value: number): string {
  const s = value.toFixed(4);
  return s.replace(/0+$/, '').replace(/\.$/, '');
}

export function hasAtMostFourDecimals(value: number): boolean {
  return Math.abs(Math.round(value * 10000) - value * 10000) < 1e-6;
}
