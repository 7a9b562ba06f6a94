import { z } from 'zod';
import { isValidDate } from '../../../domain/dates';
import { contactKinds, helpedKinds, helpedRoles, helperKinds, helperRoles } from '../../../domain/pairings/kinds';

const oneOf = <T extends readonly [string, ...string[]]>(values: T, label: string) => z.enum(values, { error: `${label}应为 ${values.join('、')} 之一` });
const date = (label: string) => z.string().trim().refine(isValidDate, `${label}应为有效日期（如 2026-03-08）`);
const id = z.string().trim().min(1).max(64);
const flag = z.enum(['true', 'false'], { error: '应为 true 或 false' }).optional();

export const createPairingBody = z
  .object({
    orgId: id.optional().describe('建立结对的单位；省略则为本人所在单位'),
    helperKind: oneOf(helperKinds, '帮扶方类型').describe('person 个人 | unit 单位'),
    helperPersonId: id.optional().describe('帮扶人（人员库）'),
    helperOrgId: id.optional().describe('帮扶单位（如 巾帼文明岗）'),
    helperRole: oneOf(helperRoles, '帮扶方身份'),
    helpedKind: oneOf(helpedKinds, '受助方类型').describe('person 个人 | household 家庭'),
    helpedPersonId: id.optional().describe('受助人（人员库）'),
    helpedHouseholdId: id.optional().describe('受助家庭'),
    helpedRole: oneOf(helpedRoles, '受助方类别'),
    commitmentKind: oneOf(contactKinds, '联系方式'),
    everyMonths: z.number({ error: '联系周期应为月数' }).int('联系周期应为整月数').min(1, '联系周期至少 1 个月').max(12, '联系周期最长 12 个月'),
    startedOn: date('结对日期'),
    note: z.string().trim().max(500, '备注不能超过 500 个字').optional(),
  })
  .refine((b) => b.helperKind !== 'person' || Boolean(b.helperPersonId), { message: '请选择帮扶人', path: ['helperPersonId'] })
  .refine((b) => b.helperKind !== 'unit' || Boolean(b.helperOrgId), { message: '请选择帮扶单位', path: ['helperOrgId'] })
  .refine((b) => b.helpedKind !== 'person' || Boolean(b.helpedPersonId), { message: '请选择受助人', path: ['helpedPersonId'] })
  .refine((b) => b.helpedKind !== 'household' || Boolean(b.helpedHouseholdId), { message: '请选择受助家庭', path: ['helpedHouseholdId'] })
  .describe('建立结对帮扶');
export type CreatePairingBody = z.infer<typeof createPairingBody>;

export const updatePairingBody = z
  .object({
    commitmentKind: oneOf(contactKinds, '联系方式').optional(),
    everyMonths: z.number({ error: '联系周期应为月数' }).int().min(1, '联系周期至少 1 个月').max(12, '联系周期最长 12 个月').optional(),
    note: z.string().trim().max(500, '备注不能超过 500 个字').nullable().optional(),
    endedOn: date('结束日期').optional().describe('结束结对：结束日期'),
    endReason: z.string().trim().min(1, '请填写结束原因').max(200, '结束原因不能超过 200 个字').optional().describe('结束结对：原因（如 受助儿童成年、家庭脱困）'),
  })
  .refine((b) => !b.endedOn || Boolean(b.endReason), { message: '结束结对须填写原因', path: ['endReason'] })
  .refine((b) => !b.endReason || Boolean(b.endedOn), { message: '请填写结束日期', path: ['endedOn'] })
  .describe('修改承诺、备注，或结束结对');
export type UpdatePairingBody = z.infer<typeof updatePairingBody>;

export const visitBody = z.object({
  visitedOn: date('联系日期'),
  kind: oneOf(contactKinds, '联系方式'),
  note: z.string().trim().max(1000, '情况记录不能超过 1000 个字').optional(),
  visitedBy: z.string().trim().min(1).max(50, '联系人不能超过 50 个字').optional().describe('实际联系的人；省略为帮扶方'),
});
export type VisitBody = z.infer<typeof visitBody>;

export const listPairingsQuery = z.object({
  orgId: id.optional().describe('只看该单位及其下级'),
  state: z.enum(['active', 'ended', 'lapsed', 'due_soon'], { error: '状态应为 active、ended、lapsed、due_soon 之一' }).optional(),
  lapsed: flag.describe('true：只看超期未联系的结对'),
  helperRole: oneOf(helperRoles, '帮扶方身份').optional(),
  helpedRole: oneOf(helpedRoles, '受助方类别').optional(),
  page: z.coerce.number({ error: '页码应为数字' }).int().min(1, '页码从 1 开始').default(1),
  pageSize: z.coerce.number({ error: '每页条数应为数字' }).int().min(1).max(200, '每页最多 200 条').default(20),
});
export type ListPairingsQuery = z.infer<typeof listPairingsQuery>;

export const pairingIdParam = z.object({ id: z.string().min(1).max(64) });
