/**
 * Volunteer hours (志愿服务时长) are kept in tenths of an hour (2.5 h → 25) so sums stay exact
 * integers, as money is kept in 分. A service record counts once the organizer confirms it.
 */
export const maxHoursPerRecord = 24;

export function hoursToTenths(hours: number): number | null {
  if (!Number.isFinite(hours) || hours <= 0 || hours > maxHoursPerRecord) return null;
  const tenths = Math.round(hours * 10);
  return Math.abs(tenths - hours * 10) < 1e-6 ? tenths : null;
}

export function tenthsToHours(tenths: number): number {
  return Math.round(tenths) / 10;
}

export const serviceStatuses = ['pending', 'confirmed'] as const;
export type ServiceStatus = (typeof serviceStatuses)[number];
export const serviceStatusLabels: Record<ServiceStatus, string> = { pending: '待确认', confirmed: '已确认' };
