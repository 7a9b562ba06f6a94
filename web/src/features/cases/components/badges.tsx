import { Tag } from 'antd';
import { actionLabels, type CaseAction } from '../../../../../src/domain/cases/flow';
import { showDate } from '../../../ui/dates';
import type { Deadline } from '../api';

const statusColors: Record<string, string> = {
  登记: 'blue',
  受理: 'cyan',
  办理: 'geekblue',
  转办中: 'purple',
  办结: 'green',
  回访: 'lime',
  归档: 'default',
  不予受理: 'default',
};

export function StatusTag({ status }: { status: string }) {
  return (
    <Tag color={statusColors[status] ?? 'default'} data-testid="case-status" style={{ marginInlineEnd: 0 }}>
      {status}
    </Tag>
  );
}

const stepLabel = { accept: '受理', handle: '办结' } as const;

/** 超期 red, 临期 (3 days or less) orange; an on-time pending step shows its due date quietly. */
export function DeadlineBadge({ deadline, compact = false }: { deadline: Deadline; compact?: boolean }) {
  if (deadline.state === 'none' || !deadline.step || deadline.daysLeft === null) return null;
  const step = stepLabel[deadline.step];
  if (deadline.state === 'overdue')
    return (
      <Tag color="red" data-testid="deadline-overdue" style={{ marginInlineEnd: 0 }}>
        超期{compact ? '' : `${-deadline.daysLeft}天（${step}）`}
      </Tag>
    );
  if (deadline.state === 'due_soon')
    return (
      <Tag color="orange" data-testid="deadline-due-soon" style={{ marginInlineEnd: 0 }}>
        临期{compact ? '' : deadline.daysLeft === 0 ? `（今日须${step}）` : `（${deadline.daysLeft}天内${step}）`}
      </Tag>
    );
  return compact ? null : <span style={{ color: '#8c8c8c' }}>{`${showDate(deadline.dueOn)}前${step}`}</span>;
}

/** The timeline's words for each step (登记 and 修改 are not flow actions). */
export function actionLabel(action: string): string {
  if (action === 'register') return '登记';
  if (action === 'edit') return '修改登记信息';
  return actionLabels[action as CaseAction] ?? action;
}
