import { addDays } from '../cases/deadlines';

/**
 * Pairing commitments (结对帮扶承诺): a kind of contact (电话, 走访 …) every N months. The next
 * contact is due N calendar months after the last logged visit, or after the pairing began when
 * none is logged yet. An active pairing is lapsed (失联) when that day has passed without a visit,
 * and due soon within `dueSoonDays` of it. Month arithmetic clamps to the month's last day
 * (01-31 + 1 month = 02-28/29), as a calendar reminder would.
 */
export const pairingDueSoonDays = 7;

export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function nextDueOn(startedOn: string, lastVisitOn: string | null, everyMonths: number): string {
  const base = lastVisitOn && lastVisitOn > startedOn ? lastVisitOn : startedOn;
  return addMonths(base, everyMonths);
}

export type CommitmentState = 'ended' | 'lapsed' | 'due_soon' | 'on_track';

export interface CommitmentView {
  state: CommitmentState;
  nextDueOn: string;
  /** days past the due day (lapsed), 0 otherwise */
  daysOverdue: number;
  label: string;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function commitmentState(p: { startedOn: string; lastVisitOn: string | null; everyMonths: number; endedOn: string | null }, today: string): CommitmentView {
  const due = nextDueOn(p.startedOn, p.lastVisitOn, p.everyMonths);
  if (p.endedOn && p.endedOn <= today) return { state: 'ended', nextDueOn: due, daysOverdue: 0, label: '已结束' };
  if (today > due) {
    const n = daysBetween(due, today);
    return { state: 'lapsed', nextDueOn: due, daysOverdue: n, label: `已超期 ${n} 天未联系` };
  }
  if (addDays(today, pairingDueSoonDays) >= due) return { state: 'due_soon', nextDueOn: due, daysOverdue: 0, label: `${daysBetween(today, due)} 天内应联系` };
  return { state: 'on_track', nextDueOn: due, daysOverdue: 0, label: '按期联系' };
}

/** 每月一次电话 / 每季度一次走访 / 每 N 个月一次… */
export function commitmentLabel(kind: string, everyMonths: number): string {
  const period = everyMonths === 1 ? '每月' : everyMonths === 3 ? '每季度' : everyMonths === 6 ? '每半年' : everyMonths === 12 ? '每年' : `每 ${everyMonths} 个月`;
  return `${period}一次${kind}`;
}
