import { z } from 'zod';
import { isValidDate } from '../../../domain/dates';
import { caseChannels, riskLevels } from '../../../domain/cases/kinds';
import { guardianSituations, riskFactors } from '../../../domain/screenings/rules';

const oneOf = <T extends readonly [string, ...string[]]>(values: T, label: string) => z.enum(values, { error: `${label}应为 ${values.join('、')} 之一` });
const date = (label: string) => z.string({ error: `请填写${label}` }).trim().refine(isValidDate, `${label}应为有效日期（如 2026-03-08）`);
const text = (label: string, max: number) => z.string({ error: `请填写${label}` }).trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字`);
const optionalText = (label: string, max: number) => z.string().trim().max(max, `${label}不能超过 ${max} 个字`).optional();
const id = z.string().trim().min(1).max(64);
const days = (label: string) => z.number({ error: `${label}应为天数` }).int(`${label}应为整数天`).min(1, `${label}至少 1 天`).max(365, `${label}不能超过 365 天`);

export const createScreeningBody = z
  .object({
    orgId: id.optional().describe('发起单位；省略则为本人所在单位'),
    title: text('排查名称', 100),
    year: z.number({ error: '年度应为数字' }).int('年度应为整数').min(2000, '年度应在 2000 至 2100 之间').max(2100, '年度应在 2000 至 2100 之间'),
    startOn: date('开始日期'),
    endOn: date('结束日期'),
    interveneDays: days('高风险儿童干预时限').default(7).describe('高风险儿童须在评定后几天内干预（默认 7 天）'),
    pairDays: days('结对跟踪时限').default(30).describe('高风险儿童须在评定后几天内结对（默认 30 天）'),
    townshipIds: z.array(id).max(500, '乡镇最多 500 个').optional().describe('参与排查的乡镇；省略则为发起单位下属的全部乡镇级单位'),
  })
  .refine((b) => b.endOn >= b.startOn, { message: '结束日期不能早于开始日期', path: ['endOn'] })
  .describe('发起摸底排查');
export type CreateScreeningBody = z.infer<typeof createScreeningBody>;

export const listScreeningsQuery = z.object({
  year: z.coerce.number({ error: '年度应为数字' }).int('年度应为整数').min(2000, '年度应在 2000 至 2100 之间').max(2100, '年度应在 2000 至 2100 之间').optional(),
  orgId: id.optional().describe('只看该单位发起或参与的排查'),
  page: z.coerce.number({ error: '页码应为数字' }).int().min(1, '页码从 1 开始').default(1),
  pageSize: z.coerce.number({ error: '每页条数应为数字' }).int().min(1).max(200, '每页最多 200 条').default(20),
});
export type ListScreeningsQuery = z.infer<typeof listScreeningsQuery>;

const newPerson = z
  .object({
    name: text('儿童姓名', 50),
    idNumber: text('身份证号', 18),
    phone: optionalText('联系电话', 20),
    address: optionalText('住址', 200),
  })
  .describe('人员库中没有的儿童：按人员登记规则登记（姓名、身份证号）');

const factorList = z.array(oneOf(riskFactors, '风险因素')).max(riskFactors.length).default([]);

export const addChildBody = z
  .object({
    orgId: id.describe('发现儿童的乡镇'),
    personId: id.optional().describe('人员库中的儿童'),
    person: newPerson.optional(),
    guardian: oneOf(guardianSituations, '监护情况'),
    factors: factorList,
    riskLevel: oneOf(riskLevels, '风险等级').optional().describe('省略则采用系统建议的等级'),
    overrideReason: optionalText('调整理由', 500).describe('风险等级与建议不同时必填'),
    notes: optionalText('情况说明', 2000),
    foundOn: date('排查日期').optional().describe('省略为今天'),
  })
  .refine((b) => Boolean(b.personId) !== Boolean(b.person), { message: '请从人员库选择儿童，或填写儿童姓名和身份证号（二选一）', path: ['personId'] })
  .describe('登记排查发现的儿童');
export type AddChildBody = z.infer<typeof addChildBody>;

export const patchChildBody = z
  .object({
    guardian: oneOf(guardianSituations, '监护情况').optional(),
    factors: z.array(oneOf(riskFactors, '风险因素')).max(riskFactors.length).optional(),
    riskLevel: oneOf(riskLevels, '风险等级').optional(),
    overrideReason: optionalText('调整理由', 500),
    notes: optionalText('情况说明', 2000),
  })
  .describe('修改儿童的监护情况、风险因素、风险等级或说明');
export type PatchChildBody = z.infer<typeof patchChildBody>;

export const listChildrenQuery = z.object({
  orgId: id.optional().describe('只看该乡镇'),
  riskLevel: oneOf(riskLevels, '风险等级').optional(),
  overdue: z.enum(['true', 'false'], { error: '应为 true 或 false' }).optional().describe('true：只看干预或结对已超期的'),
  page: z.coerce.number({ error: '页码应为数字' }).int().min(1, '页码从 1 开始').default(1),
  pageSize: z.coerce.number({ error: '每页条数应为数字' }).int().min(1).max(200, '每页最多 200 条').default(50),
});
export type ListChildrenQuery = z.infer<typeof listChildrenQuery>;

export const interventionBody = z
  .object({
    mode: oneOf(['case', 'measure'] as const, '干预方式').describe('case：登记困境儿童个案（或关联已有个案）；measure：其他措施'),
    caseId: id.optional().describe('关联已登记的困境儿童个案'),
    channel: oneOf(caseChannels, '来源渠道').default('来访'),
    summary: optionalText('个案摘要', 2000).describe('新登记个案的案情摘要'),
    measure: optionalText('干预措施', 500).describe('其他措施：如 临时监护、送医、协调入学'),
    on: date('干预日期').optional().describe('省略为今天'),
  })
  .describe('登记高风险儿童的干预');
export type InterventionBody = z.infer<typeof interventionBody>;

export const pairingBody = z
  .object({
    helperName: optionalText('结对人', 50).describe('结对帮扶人姓名（未在人员库中时）'),
    helperPersonId: id.optional().describe('人员库中的结对人'),
    helperOrgId: id.optional().describe('结对单位'),
    commitment: text('结对承诺', 500),
    on: date('结对日期').optional().describe('省略为今天'),
  })
  .refine((b) => Boolean(b.helperName || b.helperPersonId || b.helperOrgId), { message: '请填写结对人或选择结对单位', path: ['helperName'] })
  .describe('登记结对跟踪');
export type PairingBody = z.infer<typeof pairingBody>;

export const completeBody = z.object({
  found: z.number({ error: '发现人数应为数字' }).int('发现人数应为整数').min(0, '发现人数不能为负数').describe('本乡镇排查发现的儿童人数（可以为 0），须与已登记人数一致'),
});
export type CompleteBody = z.infer<typeof completeBody>;

export const idParam = z.object({ id: z.string().min(1).max(64) });
export const townshipParam = z.object({ id: z.string().min(1).max(64), orgId: z.string().min(1).max(64) });
