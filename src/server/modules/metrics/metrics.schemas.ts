import { z } from 'zod';

const date = (label: string) => z.string().trim().max(20).optional().describe(`${label}（YYYY-MM-DD，含当日；缺省为本年度，按北京时间）`);
const filterValue = z.union([z.string().max(500), z.array(z.string().max(500)).max(20)]);

/** Query of /api/v1/metrics/:code: named parameters, and every other parameter is a filter (type=培训|宣讲). */
export const metricQuery = z
  .object({
    org: z.string().trim().min(1).max(64).optional().describe('组织代码或 id（统计其全部下级）；缺省为本人唯一的授权组织'),
    orgId: z.string().trim().min(1).max(64).optional().describe('同 org（与台账列表的参数同名）'),
    from: date('开始日期'),
    to: date('结束日期'),
  })
  .catchall(filterValue)
  .describe('其余参数为筛选条件，名称见指标目录，如 type=培训|宣讲');
export type MetricQueryInput = z.infer<typeof metricQuery>;

export const metricRecordsQuery = metricQuery.extend({
  page: z.coerce.number({ error: '页码应为数字' }).int().min(1, '页码从 1 开始').default(1),
  pageSize: z.coerce.number({ error: '每页条数应为数字' }).int().min(1, '每页至少 1 条').max(500, '每页最多 500 条').default(20),
});

export const metricCodeParam = z.object({
  code: z.string().min(1).max(500).describe('指标代码，可带筛选条件：activities.count 或 activities.count{type=培训}（URL 编码）'),
});
