import type { Ctx } from '../../context';

/**
 * 待办: what a user has to act on, computed from the records on every request (never stored, so it
 * cannot drift from them). Each kind of to-do is one provider in `registry.ts`.
 */

/** overdue: past its day; due: due today or within the provider's warning window; info: waiting on the user, no day */
export const todoSeverities = ['overdue', 'due', 'info'] as const;
export type TodoSeverity = (typeof todoSeverities)[number];

export interface TodoItem {
  /** the provider's kind, e.g. 'cases.deadline' */
  kind: string;
  /** the record's id (unique within the kind) */
  id: string;
  /** what to do, in Chinese, naming the record: 「个案 GA-2026-0012 办理期限已过」 */
  title: string;
  /** the day it is due (YYYY-MM-DD, Asia/Shanghai), null when it has none */
  dueDate: string | null;
  severity: TodoSeverity;
  /** the web route that opens the record, e.g. /cases/<id> */
  link: string;
  /** the unit the record belongs to (display name), when it helps to tell items apart */
  orgName?: string | null;
  /** a short second line in Chinese: 已超期 3 天, 完成 40%（序时进度 55%） */
  note?: string;
}

/** One provider's answer: every item counts in `total`; `items` holds the most urgent first, at most `limit`. */
export interface TodoCollected {
  total: number;
  items: TodoItem[];
}

export interface TodoProvider {
  /** stable identifier, also the group key in the API: 'cases.deadline', 'notices.sign' … */
  kind: string;
  /** the group heading on 首页, in Chinese: 「个案办理期限」 */
  label: string;
  /**
   * The caller's items of this kind on `today` (the server's business date, from the injected clock).
   * Must stay inside the caller's scope (http/scope.ts) and return { total: 0, items: [] } — never
   * throw — when the caller's roles give no access to this kind. With `limit` 0 only `total` is
   * needed (the bell's count): skip the list query.
   */
  collect(ctx: Ctx, today: string, limit: number): Promise<TodoCollected>;
}
