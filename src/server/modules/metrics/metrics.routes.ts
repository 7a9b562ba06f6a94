import type { App } from '../../http/types';
import { metricCodeParam, metricQuery, metricRecordsQuery } from './metrics.schemas';
import { computeMetric, listMetricRecords, listMetrics } from './metrics.service';

const named = new Set(['org', 'orgId', 'from', 'to', 'page', 'pageSize']);

/** The query parameters that are not named options are the metric's filters. */
function filtersOf(query: Record<string, unknown>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(query)) if (!named.has(k) && (typeof v === 'string' || Array.isArray(v))) out[k] = v as string | string[];
  return out;
}

export function registerMetricRoutes(app: App): void {
  const tags = ['metrics'];
  app.get('/api/v1/metrics', { schema: { tags, summary: '指标目录（代码、名称、单位、台账、筛选条件）' } }, async () => listMetrics());
  app.get('/api/v1/metrics/:code', { schema: { tags, summary: '计算指标（本组织及全部下级，含起止日期）', params: metricCodeParam, querystring: metricQuery } }, (req) =>
    computeMetric(req.ctx, { code: req.params.code, org: req.query.org ?? req.query.orgId, from: req.query.from, to: req.query.to, filters: filtersOf(req.query) }),
  );
  app.get(
    '/api/v1/metrics/:code/records',
    { schema: { tags, summary: '指标所计入的记录（数据来源，个人信息脱敏）', params: metricCodeParam, querystring: metricRecordsQuery } },
    (req) =>
      listMetricRecords(req.ctx, {
        code: req.params.code,
        org: req.query.org ?? req.query.orgId,
        from: req.query.from,
        to: req.query.to,
        page: req.query.page,
        pageSize: req.query.pageSize,
        filters: filtersOf(req.query),
      }),
  );
}
