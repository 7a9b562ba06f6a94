import { z } from 'zod';

/** Query shapes of the leaders' dashboard; messages are the ones users see. */
const year = z.coerce
  .number({ error: '年度应为数字' })
  .int('年度应为整数')
  .min(2000, '年度应在 2000—2100 之间')
  .max(2100, '年度应在 2000—2100 之间')
  .optional()
  .describe('年度，默认今年（北京时间）');

export const dashboardQuery = z.object({
  org: z.string().trim().min(1).max(64).optional().describe('组织代码或 id（统计其全部下级）；缺省为本人最上级的授权组织，县委领导为全县'),
  orgId: z.string().trim().min(1).max(64).optional().describe('同 org'),
  year,
});
export type DashboardQuery = z.infer<typeof dashboardQuery>;

export const orgDashboardQuery = z.object({ year });

export const orgDashboardParam = z.object({ id: z.string().min(1).max(64).describe('组织 id 或代码') });
