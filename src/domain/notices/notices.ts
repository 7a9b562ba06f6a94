import { orgKinds } from '../org';

/** 通知公告: the states of a notice and of its 签收 at one unit, with the words a clerk sees. */
export const noticeStatuses = ['draft', 'published', 'withdrawn'] as const;
export type NoticeStatus = (typeof noticeStatuses)[number];
export const noticeStatusLabels: Record<NoticeStatus, string> = { draft: '草稿', published: '已发布', withdrawn: '已撤回' };

/** Who receives it: every unit below the sender, the units of chosen kinds below it, or chosen units. */
export const recipientModes = ['subtree', 'kinds', 'units'] as const;
export type RecipientMode = (typeof recipientModes)[number];
export const recipientModeLabels: Record<RecipientMode, string> = { subtree: '全部下级单位', kinds: '指定类型的下级单位', units: '指定单位' };

/** One recipient unit's state, in the order the sender's table counts them. */
export const receiptStates = ['unread', 'read', 'signed'] as const;
export type ReceiptState = (typeof receiptStates)[number];
export const receiptStateLabels: Record<ReceiptState, string> = { unread: '未读', read: '已读', signed: '已签收' };

export function receiptState(r: { readAt: string | null; signedAt: string | null }): ReceiptState {
  return r.signedAt ? 'signed' : r.readAt ? 'read' : 'unread';
}

/** 催办 at most once an hour per notice (the reminder reaches phones; more would be noise). */
export const remindIntervalMs = 60 * 60 * 1000;

export const noticeKinds = orgKinds;
export const noticeTitleMax = 100;
export const noticeBodyMax = 20_000;
