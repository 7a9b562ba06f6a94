/**
 * The case flow (信访工作条例 第二十二条起: 登记、受理、办理、办结、回访; Primero's case life cycle):
 * 登记 → 受理 | 不予受理 → 办理 (assign a handler; 转办 to another unit, which must accept) → 办结
 * → 回访 (one or more) → 归档; 重新办理 from 办结/回访/归档 with a reason. Pure: no I/O.
 */
export const caseStatuses = ['登记', '受理', '不予受理', '办理', '转办中', '办结', '回访', '归档'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export const caseActions = ['accept', 'reject', 'assign', 'transfer', 'accept_transfer', 'refuse_transfer', 'close', 'followup', 'archive', 'reopen'] as const;
export type CaseAction = (typeof caseActions)[number];

export const actionLabels: Record<CaseAction, string> = {
  accept: '受理',
  reject: '不予受理',
  assign: '指派承办人',
  transfer: '转办',
  accept_transfer: '接收转办',
  refuse_transfer: '拒绝转办',
  close: '办结',
  followup: '回访',
  archive: '归档',
  reopen: '重新办理',
};

/** For each status, the actions allowed and where each leads ('back' = the status before the transfer). */
const flow: Record<CaseStatus, Partial<Record<CaseAction, CaseStatus | 'back'>>> = {
  登记: { accept: '受理', reject: '不予受理' },
  受理: { assign: '办理', transfer: '转办中' },
  不予受理: {},
  办理: { assign: '办理', transfer: '转办中', close: '办结' },
  转办中: { accept_transfer: '受理', refuse_transfer: 'back' },
  办结: { followup: '回访', reopen: '办理' },
  回访: { followup: '回访', archive: '归档', reopen: '办理' },
  归档: { reopen: '办理' },
};

export function allowedActions(status: CaseStatus): CaseAction[] {
  return Object.keys(flow[status]) as CaseAction[];
}

export type TransitionResult = { ok: true; to: CaseStatus | 'back' } | { ok: false; message: string };

/** The status an action leads to, or a Chinese message naming the current status and what is allowed. */
export function nextStatus(status: CaseStatus, action: CaseAction): TransitionResult {
  const to = flow[status][action];
  if (to) return { ok: true, to };
  const allowed = allowedActions(status).map((a) => actionLabels[a]);
  const tail = allowed.length ? `可进行的操作：${allowed.join('、')}` : '该个案已不能再办理';
  return { ok: false, message: `个案当前状态为“${status}”，不能“${actionLabels[action]}”；${tail}` };
}

export function isCaseStatus(s: string): s is CaseStatus {
  return (caseStatuses as readonly string[]).includes(s);
}

/** Statuses where the acceptance step is pending / where the handling step is pending. */
export const awaitingAcceptance: readonly CaseStatus[] = ['登记'];
export const awaitingHandling: readonly CaseStatus[] = ['受理', '办理', '转办中'];
