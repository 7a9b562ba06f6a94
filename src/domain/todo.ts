import { addDays } from './cases/deadlines';

/**
 * 待办 rules shared by the server's providers and the digest: how early a to-do shows as due and
 * how its day reads. Pure, no I/O.
 */

/** 回访: a closed case is visited again within 30 days of 办结 (信访工作条例 第三十五条 asks for 回访 after 办结; the county's practice is within the month). */
export const caseFollowupDays = 30;
/** a 回访 shows on the list from this many days before it falls due */
export const caseFollowupNoticeDays = 7;
/** a 回访, a wish claim or a screening step shows as due this many days ahead */
export const todoSoonDays = 3;
/** loans show from 30 days before their due day (the issue: 30 天内到期或已逾期) */
export const loanSoonDays = 30;

export type Severity = 'overdue' | 'due' | 'info';

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** overdue past the day, due from `soonDays` before it, info before that or without a day */
export function severityOf(dueOn: string | null, today: string, soonDays = todoSoonDays): Severity {
  if (!dueOn) return 'info';
  if (dueOn < today) return 'overdue';
  return dueOn <= addDays(today, soonDays) ? 'due' : 'info';
}

/** 已超期 3 天 / 今天到期 / 还有 5 天; '' without a day */
export function dueText(dueOn: string | null, today: string): string {
  if (!dueOn) return '';
  const n = daysBetween(today, dueOn);
  if (n < 0) return `已超期 ${-n} 天`;
  if (n === 0) return '今天到期';
  return `还有 ${n} 天`;
}

/** The last day a to-do may show from when it shows `soonDays` ahead. */
export function soonLimit(today: string, soonDays = todoSoonDays): string {
  return addDays(today, soonDays);
}

export interface DigestGroup {
  label: string;
  total: number;
}

/**
 * The daily reminder, one short SMS per user and day (never one per event):
 * 【待办提醒】王芳，您有 5 项待办：个案办理期限 2 项、贷款到期 3 项。请登录群团工作平台处理。
 * Counts only: no names of parties or children in a text message.
 */
export function digestText(displayName: string, groups: readonly DigestGroup[]): string {
  const open = groups.filter((g) => g.total > 0);
  const total = open.reduce((n, g) => n + g.total, 0);
  const parts = open.map((g) => `${g.label} ${g.total} 项`).join('、');
  return `【待办提醒】${displayName}，您有 ${total} 项待办：${parts}。请登录群团工作平台处理。`;
}
