import { z } from 'zod';
import { ledgerKinds } from '../../../domain/ledgers/catalogs';

const bool = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === 'true' || v === '1');
const id = z.string().trim().min(1).max(64);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').optional();

export const kindParam = z.object({ kind: z.enum(ledgerKinds, { error: `导入类型应为 ${ledgerKinds.join('、')} 之一` }) });
export const uploadQuery = z.object({
  orgId: id.optional().describe('导入到哪个组织（所属组织列在其下级中查找）；缺省为本人唯一的授权组织'),
  dryRun: bool.describe('true：只检查并保存文件（可稍后 commit），不写入'),
  acceptValid: bool.describe('true：有错误行时仍写入正确的行'),
});
export const uploadIdParam = z.object({ uploadId: id });
export const commitBody = z.object({ acceptValid: z.boolean().optional() }).default({});
export const batchIdParam = z.object({ id });
export const listBatchesQuery = z.object({ orgId: id.optional(), kind: z.enum(ledgerKinds).optional() });
export const exportQuery = z.object({
  orgId: id.optional().describe('该组织及其下级'),
  from: date.describe('起始日期（含）'),
  to: date.describe('截止日期（含）'),
  type: z.string().max(30).optional(),
  program: z.string().max(30).optional(),
  form: z.string().max(10).optional(),
  status: z.string().max(10).optional(),
  category: z.string().max(20).optional(),
});
