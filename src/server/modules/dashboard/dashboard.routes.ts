import type { App } from '../../http/types';
import { dashboardQuery, orgDashboardParam, orgDashboardQuery } from './dashboard.schemas';
import { getDashboard, getOrgDashboard } from './dashboard.service';
import { dashboardView } from './dashboard.view';

export function registerDashboardRoutes(app: App): void {
  const tags = ['dashboard'];
  app.get(
    '/api/v1/dashboard',
    { schema: { tags, summary: '领导驾驶舱：各群团组织主要指标与年度目标进度、月度趋势、乡镇对比、填报情况', querystring: dashboardQuery, response: { 200: dashboardView } } },
    (req) => getDashboard(req.ctx, req.query),
  );
  app.get(
    '/api/v1/dashboard/org/:id',
    { schema: { tags, summary: '单个组织的驾驶舱（结构同上）', params: orgDashboardParam, querystring: orgDashboardQuery, response: { 200: dashboardView } } },
    (req) => getOrgDashboard(req.ctx, req.params.id, req.query),
  );
}
