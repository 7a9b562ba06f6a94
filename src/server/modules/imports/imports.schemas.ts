import { z } from 'zod';
import { ledgerKinds } from '../../../domain/ledgers/catalogs';

const bool = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === 'true' || v === '1');
const id = z.string().trim().min(1).max(64);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').optional();

/** 原列名 → 字段（列的 key，如 program；或模板列名，如 帮扶项目）；null 表示不导入该列 */
const columnMapping = z
  .record(z.string().max(200), z.string().max(50).nullable())
  .refine((m) => Object.keys(m).length <= 500, '列对应最多 500 列')
  .describe('列对应：{"原列名":"字段"}，字段为列的 key 或模板列名，不导入的列写 null');
const mappingText = z.string().max(100_000).optional().describe('列对应（JSON）：{"原列名":"字段"}，不导入的列写 null');

export const kindParam = z.object({ kind: z.enum(ledgerKinds, { error: `导入类型应为 ${ledgerKinds.join('、')} 之一` }) });
export const uploadQuery = z.object({
  orgId: id.optional().describe('导入到哪个组织（所属组织列在其下级中查找）；缺省为本人唯一的授权组织'),
  dryRun: bool.describe('true：只检查并保存文件（可稍后 commit），不写入'),
  acceptValid: bool.describe('true：有错误行时仍写入正确的行'),
  mapping: mappingText,
  mappingName: z.string().trim().min(1).max(50).optional().describe('使用本单位保存过的列对应（按名称）'),
});
export const uploadIdParam = z.object({ uploadId: id });
export const commitBody = z
  .object({
    acceptValid: z.boolean().optional(),
    mapping: columnMapping.optional(),
    saveMapping: z.string().trim().min(1, '请填写列对应的名称').max(50, '名称不能超过 50 个字').optional().describe('导入后以此名称保存本次列对应，下次同样表头的文件自动使用'),
  })
  .default({});
export const previewBody = z.object({ mapping: columnMapping.optional() }).default({});
export const errorsQuery = z.object({ mapping: mappingText });
export const listMappingsQuery = z.object({ orgId: id.optional(), kind: z.enum(ledgerKinds).optional() });
export const batchIdParam = z.object({ id });
export const listBatchesQuery = z.object({ orgId: id.optional(), kind: z.enum(ledgerKinds).optional() });
/** 含完整身份证号: only for holders of pii.read over the exported units (else 403), audited as a reveal. */
export const fullIdNumbersFlag = z
  .enum(['true', 'false'], { error: 'fullIdNumbers 应为 true 或 false' })
  .optional()
  .describe('true：含完整身份证号（需查看完整个人信息权限，记入审计）；缺省脱敏');
export const exportQuery = z.object({
  orgId: id.optional().describe('该组织及其下级'),
  from: date.describe('起始日期（含）'),
  to: date.describe('截止日期（含）'),
  type: z.string().max(30).optional(),
  program: z.string().max(30).optional(),
  form: z.string().max(10).optional(),
  status: z.string().max(10).optional(),
  category: z.string().max(20).optional(),
  q: z.string().trim().max(100, '搜索词不能超过 100 个字符').optional().describe('人员：姓名片段或完整身份证号（同人员列表的搜索）'),
  fullIdNumbers: fullIdNumbersFlag,
});
