import { formatChineseDate } from '../../../../domain/dates';
import { pendingNoticesFor } from '../../notices/notices.todo';
import type { TodoCollected, TodoProvider } from '../todo.types';

/** 通知公告: notices to the caller's own units not yet signed (or, without 签收, not yet read); 催办 shown in the title. */
export const noticesToSign: TodoProvider = {
  kind: 'notices.sign',
  label: '待签收通知',
  async collect(ctx, today, limit): Promise<TodoCollected> {
    const { total, items } = await pendingNoticesFor(ctx, today, limit);
    return {
      total,
      items: items.map((n) => ({
        kind: 'notices.sign',
        id: n.id,
        title: `${n.needSign ? '签收' : '阅读'}通知《${n.title}》${n.remindCount ? `（已催办${n.remindCount > 1 ? ` ${n.remindCount} 次` : ''}）` : ''}`,
        dueDate: n.deadline,
        severity: n.severity,
        link: `/notices/${n.id}`,
        orgName: n.senderName,
        note: [n.deadline ? `签收截止 ${formatChineseDate(n.deadline)}` : n.needSign ? '签收不限期' : '无需签收，请阅读', n.remindCount ? `${n.unitName}已被催办` : ''].filter(Boolean).join('；'),
      })),
    };
  },
};
