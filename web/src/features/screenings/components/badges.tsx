import { Tag } from 'antd';
import type { StepState } from '../api';

const riskColors: Record<string, string> = { 高: 'red', 中: 'orange', 低: 'green' };

export function RiskTag({ level }: { level: string }) {
  return <Tag color={riskColors[level] ?? 'default'}>{level}风险</Tag>;
}

const stepLabels: Record<StepState, [string, string]> = {
  done: ['已完成', 'green'],
  overdue: ['已超期', 'red'],
  pending: ['待办', 'blue'],
  not_required: ['无需', 'default'],
};

export function StepTag({ state, due }: { state: StepState; due?: string | null }) {
  const [label, color] = stepLabels[state];
  return (
    <Tag color={color} data-testid={`step-${state}`}>
      {label}
      {due && (state === 'pending' || state === 'overdue') ? `（${due} 前）` : ''}
    </Tag>
  );
}

/** The red count shown on a township's row while children are past their follow-up deadline. */
export function OverdueBadge({ n }: { n: number }) {
  return n > 0 ? (
    <Tag color="red" data-testid="overdue-badge">
      超期 {n}
    </Tag>
  ) : (
    <span>0</span>
  );
}
