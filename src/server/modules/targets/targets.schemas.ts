import { z } from 'zod';
import { hasAtMostFourDecimals, targetComparisons } from '../../../domain/targets/progress';

/** Request shapes for annual targets (年度目标); messages are the ones users see. */
const targetValue = z
  .number({ error: '目标值应为数字' })
  .min(0, '目标值不能为负数')
  .max(1e12, '目标值过大')
  .refine(hasAtMostFourDecimals, '目标值最多 4 位小数')
  .describe('目标值，按指标的单位（万元、场次、%……），最多 4 位小数');
const year = z.number({ error: '年度应为数字' }).int('年度应为整数').min(2000, '年度应在 2000—2100 之间').max(2100, '年度应在 2000—2100 之间');
const comparison = z.enum(targetComparisons, { error: '比较方式应为 at_least（不少于）或 at_most（不超过）' });
const metric = z.string({ error: '请填写指标' }).trim().min(1, '请填写指标').max(300, '指标不能超过 300 个字符');
const title = z.string().trim().max(200, '目标表述不能超过 200 个字符');
const note = z.string().trim().max(1000, '备注不能超过 1000 个字符');

export const createTargetBody = z
  .object({
    orgId: z.string().trim().min(1).max(64).optional().describe('目标所属组织 id（与 orgCode 二选一；都不填为本人所在组织）'),
    orgCode: z.string().trim().min(1).max(64).optional().describe('目标所属组织代码'),
    year: year.describe('年度'),
    metric: metric.describe('指标，如 loans.amount 或 activities.sessions{type=培训|宣讲}'),
    comparison: comparison.default('at_least').describe('at_least：不少于（默认）；at_most：不超过'),
    value: targetValue,
    title: title.optional().describe('目标表述，如 力争发放贷款8000万元；不填则按指标生成'),
    note: note.optional(),
  })
  .describe('年度目标：组织、年度、指标（含筛选）、比较方式、目标值');
export type CreateTargetBody = z.input<typeof createTargetBody>;

export const updateTargetBody = z
  .object({
    metric: metric.optional(),
    comparison: comparison.optional(),
    value: targetValue.optional(),
    title: title.min(1, '目标表述不能为空').optional(),
    note: note.nullable().optional(),
  })
  .describe('只提交要修改的字段；已分解或由上级分解的目标不能改指标和比较方式');
export type UpdateTargetBody = z.input<typeof updateTargetBody>;

export const splitTargetBody = z
  .object({
    parts: z
      .array(z.object({ orgId: z.string().trim().min(1).max(64).describe('下级组织 id 或代码'), value: targetValue }), { error: '请填写分解方案 parts' })
      .min(1, '至少分解给一个下级组织')
      .max(500, '一次最多分解给 500 个组织'),
  })
  .describe('分解下达：把目标分给本组织的下级组织（各部分之和可以与目标不同，响应中给出差额）；再次分解同一下级组织则改其目标值');
export type SplitTargetBody = z.input<typeof splitTargetBody>;

export const listTargetsQuery = z.object({
  year: z.coerce.number({ error: '年度应为数字' }).int('年度应为整数').min(2000, '年度应在 2000—2100 之间').max(2100, '年度应在 2000—2100 之间').optional().describe('年度，默认今年'),
  orgId: z.string().trim().min(1).max(64).optional().describe('只看该组织及其下级的目标'),
});
export type ListTargetsQuery = z.infer<typeof listTargetsQuery>;

export const targetIdParam = z.object({ id: z.string().min(1).max(64) });
