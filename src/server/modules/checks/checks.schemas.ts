import { z } from 'zod';
import { isValidDate } from '../../../domain/dates';

const dateParam = (label: string) => z.string().trim().refine(isValidDate, `${label}应为有效日期（如 2025-03-08）`).optional();
const paging = {
  page: z.coerce.number({ error: '页码应为数字' }).int().min(1, '页码从 1 开始').default(1),
  pageSize: z.coerce.number({ error: '每页条数应为数字' }).int().min(1, '每页至少 1 条').max(200, '每页最多 200 条').default(20),
};
const orgId = z.string().trim().min(1).max(64).optional().describe('只看该组织及其下级；缺省为全部辖区');

export const duplicateAssistanceQuery = z.object({
  orgId,
  from: dateParam('起始日期').describe('期间起始（含）；缺省为今年 1 月 1 日'),
  to: dateParam('截止日期').describe('期间截止（含）；缺省为今年 12 月 31 日'),
  program: z.string().trim().max(30).optional().describe('帮扶项目'),
  ...paging,
});
export type DuplicateAssistanceQuery = z.infer<typeof duplicateAssistanceQuery>;

export const unassistedQuery = z.object({
  category: z.string({ error: '请选择人员类别' }).trim().min(1, '请选择人员类别').max(20).describe('人员类别，如 困难职工'),
  orgId,
  year: z.coerce.number({ error: '年份应为数字' }).int('年份应为整数').min(2000, '年份应在 2000–2100 之间').max(2100, '年份应在 2000–2100 之间').optional().describe('年份；缺省为今年'),
  ...paging,
});
export type UnassistedQuery = z.infer<typeof unassistedQuery>;
