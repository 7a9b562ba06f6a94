import { z } from 'zod';

/** The ledgers whose lists offer batch actions (people and cases: see docs in the service). */
export const batchTargets = ['activities', 'assistance', 'loans', 'contracts'] as const;
export type BatchTarget = (typeof batchTargets)[number];
export const batchTargetLabels: Record<BatchTarget, string> = { activities: '活动', assistance: '帮扶', loans: '贷款', contracts: '集体合同' };

/** At most this many records in one batch action. */
export const maxBatchRecords = 5000;

const target = z.enum(batchTargets, { error: `台账应为 ${batchTargets.join('、')} 之一` }).describe('台账：activities 活动、assistance 帮扶、loans 贷款、contracts 集体合同');
const ids = z
  .array(z.string().min(1).max(64), { error: '请选择记录（记录 id 的列表）' })
  .min(1, '请至少选择一条记录')
  .max(maxBatchRecords, `一次最多处理 ${maxBatchRecords} 条记录`)
  .describe('所选记录的 id（“选择全部”时为当前筛选下的全部记录）');

export const batchDeleteBody = z.object({
  target,
  ids,
  reason: z.string({ error: '请填写删除原因' }).trim().min(1, '请填写删除原因').max(500, '删除原因不能超过 500 个字'),
});
export type BatchDeleteBody = z.infer<typeof batchDeleteBody>;

export const batchMoveBody = z.object({
  target,
  ids,
  toOrgId: z.string({ error: '请选择转入单位' }).min(1, '请选择转入单位').max(64).describe('转入单位的 id'),
});
export type BatchMoveBody = z.infer<typeof batchMoveBody>;

export const batchActionIdParam = z.object({ id: z.string().min(1).max(64) });
