import { takePrefetched } from '../../app/prefetch';
import { http, toQuery } from '../../ui/http';

/** The dashboard's shapes (GET /api/v1/dashboard and /api/v1/dashboard/org/:id). */
export interface FigureLink {
  code: string;
  org: string;
  from: string;
  to: string;
}

export interface Figure {
  code: string;
  label: string;
  value: number;
  unit: string;
  link: FigureLink;
}

export interface DashboardTarget {
  id: string;
  title: string;
  metric: string;
  metricLabel: string;
  unit: string;
  orgCode: string;
  orgName: string;
  value: number;
  actual: number;
  progress: number | null;
  expectedProgress: number;
  status: 'ahead' | 'on_track' | 'behind' | 'met' | 'missed';
  statusLabel: string;
  parts: number;
  link: FigureLink | null;
}

export interface UnitRef {
  id: string;
  code: string;
  name: string;
  kind: string;
  kindLabel: string;
}

export interface DashboardOrganization extends UnitRef {
  dashboardKind: string;
  figures: Figure[];
  targets: DashboardTarget[];
}

export interface TownshipUnit extends UnitRef {
  parentCode: string | null;
  parentName: string | null;
  figures: Figure[];
}

export interface TrendSeries {
  code: string;
  label: string;
  unit: string;
  ledger: 'activities' | 'assistance' | 'loans' | 'contracts';
  values: number[];
  total: number;
}

export interface ReportingUnit {
  id: string;
  code: string;
  name: string;
  parentName: string | null;
  thisMonth: number;
  lastMonth: number;
}

export interface MonthCompleteness {
  month: string;
  from: string;
  to: string;
  missing: ReportingUnit[];
}

export interface Dashboard {
  unit: UnitRef;
  year: number;
  from: string;
  to: string;
  asOf: string;
  expectedProgress: number;
  organizations: DashboardOrganization[];
  otherTargets: DashboardTarget[];
  trends: { months: string[]; monthLinks: { from: string; to: string }[]; series: TrendSeries[] };
  townships: TownshipUnit[];
  completeness: { units: ReportingUnit[]; thisMonth: MonthCompleteness; lastMonth: MonthCompleteness };
}

/** The key under which the app may have started a dashboard's request early (app/routes.tsx). */
export const dashboardKey = (orgId: string | undefined, year: number) => `dashboard:${orgId ?? ''}:${year}`;
export const fetchDashboard = (orgId: string | undefined, year: number) =>
  orgId ? http.get<Dashboard>(`/dashboard/org/${encodeURIComponent(orgId)}`, { year }) : http.get<Dashboard>('/dashboard', { year });
export const getDashboard = (year: number) => takePrefetched<Dashboard>(dashboardKey(undefined, year)) ?? fetchDashboard(undefined, year);
export const getOrgDashboard = (orgId: string, year: number) => takePrefetched<Dashboard>(dashboardKey(orgId, year)) ?? fetchDashboard(orgId, year);

/** The records page of a figure: the 数据指标 page opens the records it counts. */
export function metricsUrl(link: FigureLink): string {
  return `/metrics${toQuery({ code: link.code, org: link.org, from: link.from, to: link.to })}`;
}

/** 8736 → 8,736; 1234.5 → 1,234.5 (figures keep their decimals). */
export function showValue(v: number): string {
  return v.toLocaleString('zh-CN', { maximumFractionDigits: 4 });
}
