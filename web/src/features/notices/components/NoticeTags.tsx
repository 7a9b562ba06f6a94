import { Tag } from 'antd';
import type { NoticeStatus, ReceiptState } from '../../../../../src/domain/notices/notices';

const stateColor: Record<ReceiptState, string> = { unread: 'orange', read: 'blue', signed: 'green' };
const statusColor: Record<NoticeStatus, string> = { draft: 'default', published: 'green', withdrawn: 'red' };

/** 未读 / 已读 / 已签收 of one unit; 已撤回 wins over them. */
export function ReceiptTag({ state, label, withdrawn }: { state: ReceiptState; label: string; withdrawn?: boolean }) {
  if (withdrawn) return <Tag color="red">已撤回</Tag>;
  return <Tag color={stateColor[state]}>{label}</Tag>;
}

export function StatusTag({ status, label }: { status: NoticeStatus; label: string }) {
  return <Tag color={statusColor[status]}>{label}</Tag>;
}

/** 已催办 N 次 (the sender's reminder, in the recipient's list and the sender's table). */
export function RemindTag({ count }: { count: number }) {
  if (!count) return null;
  return <Tag color="volcano">{count > 1 ? `已催办 ${count} 次` : '已催办'}</Tag>;
}
