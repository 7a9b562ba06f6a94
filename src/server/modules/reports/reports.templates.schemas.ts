import { z } from 'zod';
import { reportKinds } from './reports.kinds';

/** Request shapes for stored report templates (工作报告模板); messages are the ones users see. */
export const templateKinds = ['annual', 'half-year', 'custom'] as const;
export type TemplateKind = (typeof templateKinds)[number];

const name = z.string({ error: '请填写模板名称' }).trim().min(1, '请填写模板名称').max(100, '模板名称不能超过 100 个字符');
const kind = z.enum(templateKinds, { error: '模板类型应为 annual（年度）、half-year（半年）或 custom（自定义）' });
const body = z.string({ error: '请填写模板内容' }).min(1, '请填写模板内容').max(100_000, '模板内容不能超过 10 万个字符');
const note = z.string().trim().max(500, '保存说明不能超过 500 个字符');
const year = z.coerce.number({ error: '年度应为数字' }).int('年度应为整数').min(1949, '年度应在 1949—2100 之间').max(2100, '年度应在 1949—2100 之间');

export const createReportTemplateBody = z
  .object({
    orgId: z.string().trim().min(1).max(64).optional().describe('模板所属组织 id 或代码（不填为本人所在组织）'),
    name: name.describe('模板名称'),
    kind: kind.describe('annual：年度总结；half-year：半年总结；custom：自定义'),
    body: body.describe('模板正文（报告模板语言，占位符如 {{loans.amount | org=@妇联 | fmt=wan}}；org=@角色 指报告单位本身或其最近的该类下级单位）'),
    note: note.optional().describe('保存说明'),
  })
  .describe('新建本单位的报告模板（第 1 版）');
export type CreateReportTemplateBody = z.input<typeof createReportTemplateBody>;

export const saveReportTemplateBody = z
  .object({
    name: name.optional(),
    kind: kind.optional(),
    body,
    note: note.optional(),
    baseVersion: z.number().int().min(1).optional().describe('编辑时所依据的版本号；已有更新的版本时返回 409'),
  })
  .describe('保存为新版本（旧版本保留可查）');
export type SaveReportTemplateBody = z.input<typeof saveReportTemplateBody>;

export const listReportTemplatesQuery = z.object({
  orgId: z.string().trim().min(1).max(64).optional().describe('只看该组织及其下级的模板'),
  kind: kind.optional(),
});
export type ListReportTemplatesQuery = z.infer<typeof listReportTemplatesQuery>;

export const templateIdParam = z.object({ id: z.string().min(1).max(64) });
export const templateVersionParam = z.object({ id: z.string().min(1).max(64), version: z.coerce.number({ error: '版本号应为数字' }).int('版本号应为整数').min(1, '版本号从 1 开始').max(1_000_000, '版本号不存在') });

export const previewBody = z
  .object({
    template: body.describe('模板正文'),
    org: z.string({ error: '请指定组织' }).trim().min(1, '请指定组织').max(64).describe('报告单位的代码或 id'),
    kind: z.enum(reportKinds).default('annual').describe('按年度（annual）或半年（half-year）报告取数'),
    year: year.describe('报告年度'),
  })
  .describe('预览：校验模板并按所选单位、年度计算数字；模板有误时不计算任何数字');
export type PreviewBody = z.input<typeof previewBody>;

export const effectiveTemplateQuery = z.object({
  org: z.string({ error: '请指定组织' }).trim().min(1, '请指定组织').max(64).describe('报告单位的代码或 id'),
  kind: z.enum(reportKinds).default('annual'),
});
