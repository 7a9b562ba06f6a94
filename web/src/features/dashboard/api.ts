import { api, data } from '../../../shared/api/client';
import type { ApiData } from '../../../shared/api/types';
import { takePrefetched } from '../../app/prefetch';
import { toQuery } from '../../ui/http';

/** The dashboard (GET /api/v1/dashboard and /api/v1/dashboard/org/:id); every type is the server's (generated). */
export type Dashboard = ApiData<'/api/v1/dashboard'>;
export type UnitRef = Dashboard['unit'];
export type DashboardOrganization = Dashboard['organizations'][number];
export type DashboardTarget = Dashboard['otherTargets'][number];
export type Figure = DashboardOrganization['figures'][number];
export type FigureLink = Figure['link'];
export type TownshipUnit = Dashboard['townships'][number];
export type TrendSeries = Dashboard['trends']['series'][number];
export type ReportingUnit = Dashboard['completeness']['units'][number];
export type MonthCompleteness = Dashboard['completeness']['thisMonth'];

/** The key under which the app may have started a dashboard's request early (app/routes.tsx). */
export const dashboardKey = (orgId: string | undefined, year: number) => `dashboard:${orgId ?? ''}:${year}`;
export const fetchDashboard = (orgId: string | undefined, year: number): Promise<Dashboard> =>
  orgId
    ? data(api.GET('/api/v1/dashboard/org/{id}', { params: { path: { id: orgId }, query: { year } } }))
    : data(api.GET('/api/v1/dashboard', { params: { query: { year } } }));
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
