import { z } from 'zod';
import { isValidDate } from '../../../domain/dates';
import { noticeBodyMax, noticeStatuses, noticeTitleMax, recipientModes } from '../../../domain/notices/notices';
import { orgKindLabels, orgKinds } from '../../../domain/org';

const id = z.string().trim().min(1).max(64);
const kindsList = orgKinds.map((k) => `${k}（${orgKindLabels[k]}）`).join('、');

export const noticeFields = {
  orgId: id.optional().describe('发文单位；省略则为本人所在单位'),
  title: z.string({ error: '请填写标题' }).trim().min(1, '请填写标题').max(noticeTitleMax, `标题不能超过 ${noticeTitleMax} 个字`),
  bodyHtml: z.string({ error: '请填写正文' }).max(noticeBodyMax * 3, `正文不能超过 ${noticeBodyMax} 个字`).describe('正文（HTML：段落、加粗、列表、http/https 链接；其余内容在保存时去除）'),
  needSign: z.boolean({ error: '需签收应为 true 或 false' }).default(true).describe('是否需要接收单位签收'),
  deadline: z.string().trim().refine(isValidDate, '签收截止日期应为有效日期（如 2026-03-08）').nullish().describe('签收截止日期 YYYY-MM-DD'),
  recipientMode: z.enum(recipientModes, { error: '接收范围应为 subtree（全部下级单位）、kinds（指定类型）、units（指定单位）之一' }).describe('接收范围'),
  recipientKinds: z.array(z.enum(orgKinds, { error: `单位类型应为 ${kindsList} 之一` }), { error: '单位类型应为列表' }).max(orgKinds.length).optional().describe('recipientMode 为 kinds 时：单位类型'),
  recipientOrgIds: z.array(id, { error: '接收单位应为列表' }).max(2000, '接收单位不能超过 2000 个').optional().describe('recipientMode 为 units 时：接收单位 id'),
};

export const createNoticeBody = z.object(noticeFields);
export type CreateNoticeBody = z.infer<typeof createNoticeBody>;

export const updateNoticeBody = z.object({
  title: noticeFields.title.optional(),
  bodyHtml: noticeFields.bodyHtml.optional(),
  needSign: z.boolean({ error: '需签收应为 true 或 false' }).optional(),
  deadline: noticeFields.deadline,
  recipientMode: noticeFields.recipientMode.optional(),
  recipientKinds: noticeFields.recipientKinds,
  recipientOrgIds: noticeFields.recipientOrgIds,
});
export type UpdateNoticeBody = z.infer<typeof updateNoticeBody>;

export const listNoticesQuery = z.object({
  box: z.enum(['received', 'sent'], { error: 'box 应为 received（收到的）或 sent（发出的）' }).default('received').describe('received：发给本人所在单位的；sent：管辖范围内单位发出的'),
  status: z.enum(noticeStatuses, { error: '状态应为 draft、published、withdrawn 之一' }).optional(),
  pending: z.enum(['true', 'false'], { error: 'pending 应为 true 或 false' }).optional().describe('true：只看本单位尚未签收（不需签收的：尚未阅读）的'),
  orgId: id.optional().describe('sent：只看该单位及其下级发出的'),
  q: z.string().trim().max(50, '搜索词不能超过 50 个字').optional().describe('标题关键词'),
  page: z.coerce.number({ error: '页码应为数字' }).int().min(1, '页码从 1 开始').default(1),
  pageSize: z.coerce.number({ error: '每页条数应为数字' }).int().min(1).max(100, '每页最多 100 条').default(20),
});
export type ListNoticesQuery = z.infer<typeof listNoticesQuery>;

export const signNoticeBody = z.object({ orgId: id.optional().describe('以哪个单位签收（本人在多个接收单位任职时必填）') });
export type SignNoticeBody = z.infer<typeof signNoticeBody>;

export const withdrawNoticeBody = z.object({ reason: z.string({ error: '请填写撤回原因' }).trim().min(1, '请填写撤回原因').max(200, '撤回原因不能超过 200 个字') });
export type WithdrawNoticeBody = z.infer<typeof withdrawNoticeBody>;

export const idParam = z.object({ id: z.string().min(1).max(64) });
