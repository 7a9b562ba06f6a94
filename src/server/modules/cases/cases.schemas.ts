import { z } from 'zod';
import { isValidDate } from '../../../domain/dates';
import { caseStatuses } from '../../../domain/cases/flow';
import { caseChannels, caseKinds, caseOutcomes, followupMethods, partyRoles, riskLevels } from '../../../domain/cases/kinds';

const oneOf = <T extends readonly [string, ...string[]]>(values: T, label: string) => z.enum(values, { error: `${label}应为 ${values.join('、')} 之一` });
const date = (label: string) => z.string().trim().refine(isValidDate, `${label}应为有效日期（如 2026-03-08）`);
const text = (label: string, max: number) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字`);
/** Every action but 回访, which has its own endpoint (it records the visit). */
const transitionActions = ['accept', 'reject', 'assign', 'transfer', 'accept_transfer', 'refuse_transfer', 'close', 'archive', 'reopen'] as const;
const id = z.string().trim().min(1).max(64);

export const caseParty = z
  .object({
    personId: id.optional().describe('人员库中的人员'),
    name: z.string().trim().max(50, '姓名不能超过 50 个字').optional().describe('未登记的当事人姓名'),
    role: oneOf(partyRoles, '当事人角色'),
  })
  .refine((p) => Boolean(p.personId) || Boolean(p.name), { message: '请选择人员或填写姓名', path: ['name'] });

export const createCaseBody = z
  .object({
    orgId: id.optional().describe('受理单位（信访代理工作室、维权岗……）；省略则为本人所在单位'),
    kind: oneOf(caseKinds, '个案类型'),
    subkind: z.string().trim().max(20, '细类不能超过 20 个字').optional().describe('纠纷调解：婆媳、夫妻、抚养、赡养、邻里……'),
    channel: oneOf(caseChannels, '来源渠道'),
    summary: text('案情摘要', 2000),
    riskLevel: oneOf(riskLevels, '风险等级').optional().describe('困境儿童：高/中/低'),
    warningNo: z.string().trim().max(50).optional().describe('家庭暴力：告诫书编号'),
    warningOn: date('告诫书日期').optional(),
    parties: z.array(caseParty).max(20, '当事人最多 20 名').default([]),
  })
  .refine((c) => c.kind !== '困境儿童' || Boolean(c.riskLevel), { message: '困境儿童个案须评定风险等级', path: ['riskLevel'] })
  .describe('登记个案');
export type CreateCaseBody = z.infer<typeof createCaseBody>;

/** PATCH: only the fields given change; the kind and the receiving unit never do (those are 转办). */
export const updateCaseBody = z
  .object({
    subkind: z.string().trim().max(20, '细类不能超过 20 个字').nullable().optional(),
    channel: oneOf(caseChannels, '来源渠道').optional(),
    summary: text('案情摘要', 2000).optional(),
    riskLevel: oneOf(riskLevels, '风险等级').optional().describe('困境儿童：高/中/低（风险等级变化时办理时限随之重算）'),
    warningNo: z.string().trim().max(50, '告诫书编号不能超过 50 个字').nullable().optional().describe('家庭暴力：告诫书编号'),
    warningOn: date('告诫书日期').nullable().optional(),
    parties: z.array(caseParty).max(20, '当事人最多 20 名').optional().describe('给出时整体替换当事人'),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: '请至少修改一项', path: ['summary'] })
  .describe('修改个案登记信息（归档、不予受理后不能修改）');
export type UpdateCaseBody = z.infer<typeof updateCaseBody>;

const flag = z.enum(['true', 'false'], { error: '应为 true 或 false' }).optional();
export const listCasesQuery = z.object({
  status: oneOf(caseStatuses, '状态').optional(),
  kind: oneOf(caseKinds, '个案类型').optional(),
  overdue: flag.describe('true：只看已超期'),
  dueSoon: flag.describe('true：只看 3 日内到期'),
  mine: flag.describe('true：只看本人承办的'),
  orgId: id.optional().describe('只看该单位及其下级'),
  page: z.coerce.number({ error: '页码应为数字' }).int().min(1, '页码从 1 开始').default(1),
  pageSize: z.coerce.number({ error: '每页条数应为数字' }).int().min(1).max(200, '每页最多 200 条').default(20),
});
export type ListCasesQuery = z.infer<typeof listCasesQuery>;

export const caseFacetsQuery = listCasesQuery.omit({ page: true, pageSize: true });
export type CaseFacetsQuery = z.infer<typeof caseFacetsQuery>;

export const summaryQuery = z.object({ orgId: id.optional().describe('该单位及其下级') });

export const transitionBody = z
  .object({
    action: oneOf(transitionActions, '操作'),
    reason: z.string().trim().max(500).optional().describe('不予受理、拒绝转办、重新办理：理由'),
    handlerId: id.optional().describe('指派：承办人（用户）'),
    toOrgId: id.optional().describe('转办：接收单位'),
    outcome: oneOf(caseOutcomes, '办结结果').optional(),
    outcomeText: z.string().trim().max(2000).optional().describe('办结情况'),
    note: z.string().trim().max(500).optional(),
  })
  .describe('办理操作：accept 受理 | reject 不予受理 | assign 指派 | transfer 转办 | accept_transfer 接收 | refuse_transfer 拒绝 | close 办结 | archive 归档 | reopen 重新办理');
export type TransitionBody = z.infer<typeof transitionBody>;

export const followupBody = z.object({
  on: date('回访日期').optional().describe('省略为今天'),
  method: oneOf(followupMethods, '回访方式'),
  note: z.string().trim().max(1000).optional(),
});
export type FollowupBody = z.infer<typeof followupBody>;

export const caseIdParam = z.object({ id: z.string().min(1).max(64) });

export const deadlineBody = z.object({
  orgId: id.optional(),
  kind: oneOf(caseKinds, '个案类型'),
  acceptDays: z.number().int().min(1, '受理时限至少 1 天').max(365),
  handleDays: z.number().int().min(1, '办理时限至少 1 天').max(365),
});
export type DeadlineBody = z.infer<typeof deadlineBody>;
