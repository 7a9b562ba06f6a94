import { http } from '../../ui/http';

export type TargetStatus = 'ahead' | 'on_track' | 'behind' | 'met' | 'missed';
export type TargetComparison = 'at_least' | 'at_most';

/** A target as /api/v1/targets gives it: the live actual, progress and 序时进度 in percent, its parts. */
export interface Target {
  id: string;
  orgId: string;
  orgCode: string;
  orgName: string;
  year: number;
  metric: string;
  metricLabel: string;
  unit: string;
  comparison: TargetComparison;
  value: number;
  title: string;
  note: string | null;
  parentId: string | null;
  period: { from: string; to: string } | null;
  actual: number;
  progress: number | null;
  expectedProgress: number;
  status: TargetStatus;
  children: Target[];
  rollup: { childrenActual: number | null; childrenValue: number | null; difference: number | null } | null;
}

export interface TargetList {
  year: number;
  asOf: string;
  expectedProgress: number;
  items: Target[];
}

export interface TargetBody {
  orgId?: string;
  year?: number;
  metric?: string;
  comparison?: TargetComparison;
  value?: number;
  title?: string;
  note?: string | null;
}

export interface SplitResult {
  target: Target;
  partsTotal: number;
  difference: number;
  message: string;
}

/** 超前/正常/滞后 against 序时进度; 已完成/未完成 once the year is over or the target is reached. */
export const statusText: Record<TargetStatus, string> = { ahead: '超前', on_track: '正常', behind: '滞后', met: '已完成', missed: '未完成' };
export const statusColor: Record<TargetStatus, string> = { ahead: 'green', on_track: 'blue', behind: 'red', met: 'green', missed: 'volcano' };

const one = (id: string) => `/targets/${encodeURIComponent(id)}`;

export const listTargets = (year: number, orgId?: string) => http.get<TargetList>('/targets', { year, orgId });
export const createTarget = (body: TargetBody) => http.post<Target>('/targets', body);
export const updateTarget = (id: string, body: TargetBody) => http.patch<Target>(one(id), body);
export const deleteTarget = (id: string) => http.del(one(id));
export const splitTarget = (id: string, parts: { orgId: string; value: number }[]) => http.post<SplitResult>(`${one(id)}/split`, { parts });

/** The metrics page for the target's actual: the records it counts, over the same unit and period. */
export function actualLink(t: Target): string | null {
  if (!t.period) return null;
  return `/metrics?${new URLSearchParams({ code: t.metric, org: t.orgCode, from: t.period.from, to: t.period.to }).toString()}`;
}

/** Figures as the API gives them: up to four decimals, no thousands separators (official style). */
export function showFigure(v: number | null | undefined, unit: string): string {
  if (v === null || v === undefined) return '—';
  const n = Number.isInteger(v) ? String(v) : String(Number(v.toFixed(4)));
  return unit === '%' ? `${n}%` : `${n}${unit}`;
}
