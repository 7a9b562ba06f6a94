import { z } from 'zod';
import { isValidDate, type RecordDateKind, recordDateIssue } from '../dates';
import { maxRecordFen, maxRecordText, toFen } from '../money';
import { activityTypes, assistanceForms, contractTypes, loanStatuses } from './catalogs';

/**
 * The ledgers' record rules, shared by the HTTP API, the web forms and the Excel importer, so a
 * clerk gets the same Chinese message wherever a value is wrong. Amounts arrive in 元 (or 万元 for
 * loan principals) and leave as integer 分, at most maxRecordFen (domain/money.ts).
 * Each rule set is built for `today` (Asia/Shanghai, from the server's clock or the browser's): record
 * dates lie between 1949-10-01 and a year ahead (domain/dates.ts). `null` builds the HTTP body's shape
 * only (the OpenAPI document), which checks the floor; the service parses again with today.
 */
const text = (label: string, max: number) => z.string({ error: `${label}应为文字` }).trim().max(max, `${label}不能超过 ${max} 个字符`);
const required = (label: string, max: number) => text(label, max).min(1, `${label}为必填项`);
const date = (label: string, today: string | null, kind: RecordDateKind = 'event') =>
  z
    .string({ error: `${label}为必填项` })
    .trim()
    .superRefine((v, ctx) => {
      if (!isValidDate(v)) {
        ctx.addIssue({ code: 'custom', message: `${label}应为有效日期（如 2025-03-08）` });
        return;
      }
      const issue = recordDateIssue(label, v, today, kind);
      if (issue) ctx.addIssue({ code: 'custom', message: issue });
    });
const optionalText = (label: string, max: number) => text(label, max).optional().nullable();
const count = (label: string) => z.number({ error: `${label}应为整数` }).int(`${label}应为整数`).min(0, `${label}不能为负数`).max(10_000_000, `${label}过大，请核对`);
const money = (label: string, unit: '元' | '万元') =>
  z.union([z.number(), z.string()], { error: `${label}应为数字` }).transform((v, ctx) => {
    const fen = toFen(v, unit);
    if (fen === null) {
      ctx.addIssue({ code: 'custom', message: `${label}应为数字（单位${unit}，${unit === '元' ? '最多两位小数' : '最多六位小数'}）` });
      return z.NEVER;
    }
    if (fen < 0) {
      ctx.addIssue({ code: 'custom', message: `${label}不能为负数` });
      return z.NEVER;
    }
    if (fen > maxRecordFen) {
      ctx.addIssue({ code: 'custom', message: `${label}不能超过 ${maxRecordText}（每条记录）` });
      return z.NEVER;
    }
    return fen;
  });
/** A unit named by id or code; empty means the caller's own unit. */
const orgRef = { orgId: z.string().trim().min(1).optional(), orgCode: z.string().trim().min(1).optional() };
/** A person named by registry id, or by name + ID number (registered on the fly). */
const personRef = {
  personId: z.string().trim().min(1).optional(),
  name: z.string().trim().max(50, '姓名不能超过 50 个字符').optional(),
  idNumber: z.string().trim().optional(),
};

export const outcomeInput = z.object({
  name: required('成果名称', 30),
  value: count('成果数量'),
  unit: text('成果单位', 10).default(''),
});

export const activityInput = (today: string | null) =>
  z
    .object({
      name: required('活动名称', 200),
      type: required('活动类型', 20),
      startOn: date('开始日期', today),
      endOn: date('结束日期', today, 'termEnd').optional().nullable(),
      place: optionalText('地点', 200),
      sessions: count('场次').min(1, '场次至少为 1').default(1),
      participants: count('参与人次'),
      targetGroups: z.array(required('对象', 30)).max(20).default([]),
      partners: z.array(required('联合单位', 100)).max(30).default([]),
      outcomes: z.array(outcomeInput).max(30).default([]),
      note: optionalText('备注', 1000),
      ...orgRef,
    })
    .superRefine((a, ctx) => {
      if (a.endOn && a.endOn < a.startOn) ctx.addIssue({ code: 'custom', path: ['endOn'], message: '结束日期不能早于开始日期' });
      const names = a.outcomes.map((o) => o.name);
      if (new Set(names).size !== names.length) ctx.addIssue({ code: 'custom', path: ['outcomes'], message: '成果名称不能重复' });
    });
export type ActivityInput = z.infer<ReturnType<typeof activityInput>>;

export const assistanceInput = (today: string | null) =>
  z
    .object({
      ...personRef,
      householdId: z.string().trim().min(1).optional(),
      program: required('帮扶项目', 30),
      form: z.enum(assistanceForms, { error: `帮扶形式应为 ${assistanceForms.join('、')} 之一` }).default('现金'),
      amountYuan: money('金额', '元').optional(),
      goods: optionalText('物资', 200),
      givenOn: date('日期', today),
      funder: optionalText('资金来源', 100),
      note: optionalText('备注', 1000),
      ...orgRef,
    })
    .superRefine((a, ctx) => {
      if (!a.personId && !a.idNumber && !a.householdId) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: '请填写帮扶对象（身份证号或家庭）' });
      if (a.idNumber && !a.name) ctx.addIssue({ code: 'custom', path: ['name'], message: '姓名为必填项' });
      if (a.form === '现金' && !a.amountYuan) ctx.addIssue({ code: 'custom', path: ['amountYuan'], message: '现金帮扶须填写金额' });
      if (a.form === '物资' && !a.amountYuan && !a.goods) ctx.addIssue({ code: 'custom', path: ['goods'], message: '物资帮扶须填写物资或折合金额' });
    });
export type AssistanceInput = z.infer<ReturnType<typeof assistanceInput>>;

export const loanInput = (today: string | null) =>
  z
    .object({
      ...personRef,
      bank: optionalText('贷款银行', 100),
      principalWan: money('贷款金额', '万元'),
      termMonths: count('期限(月)').min(1, '期限至少 1 个月').max(120, '期限不能超过 120 个月').optional().nullable(),
      ratePct: z.number({ error: '年利率应为数字' }).min(0).max(36, '年利率不能超过 36%').optional().nullable(),
      subsidyPct: z.number({ error: '贴息比例应为数字' }).min(0).max(100, '贴息比例不能超过 100%').optional().nullable(),
      disbursedOn: date('放款日期', today).optional().nullable(),
      dueOn: date('到期日期', today, 'termEnd').optional().nullable(),
      subsidyYuan: money('贴息金额', '元').optional().nullable(),
      venture: optionalText('创业项目', 200),
      status: z.enum(loanStatuses, { error: `状态应为 ${loanStatuses.join('、')} 之一` }).optional(),
      productId: z.string().trim().min(1).optional(),
      note: optionalText('备注', 1000),
      ...orgRef,
    })
    .superRefine((l, ctx) => {
      if (!l.personId && !l.idNumber) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: '身份证号为必填项' });
      if (l.idNumber && !l.name) ctx.addIssue({ code: 'custom', path: ['name'], message: '借款人为必填项' });
      const status = l.status ?? (l.disbursedOn ? '已放款' : '申请中');
      if (status !== '申请中' && !l.disbursedOn) ctx.addIssue({ code: 'custom', path: ['disbursedOn'], message: '已放款的贷款须填写放款日期' });
      if (status === '申请中' && l.disbursedOn) ctx.addIssue({ code: 'custom', path: ['status'], message: '已填写放款日期的贷款状态不能是申请中' });
      if (l.principalWan <= 0) ctx.addIssue({ code: 'custom', path: ['principalWan'], message: '贷款金额应大于 0' });
      if (l.dueOn && l.disbursedOn && l.dueOn < l.disbursedOn) ctx.addIssue({ code: 'custom', path: ['dueOn'], message: '到期日期不能早于放款日期' });
    });
export type LoanInput = z.infer<ReturnType<typeof loanInput>>;

export const contractInput = (today: string | null) =>
  z
    .object({
      enterprise: required('企业名称', 200),
      type: z.enum(contractTypes, { error: `合同类型应为 ${contractTypes.join('、')} 之一` }),
      signedOn: date('签订日期', today),
      expiresOn: date('到期日期', today, 'termEnd').optional().nullable(),
      workers: count('覆盖职工人数'),
      note: optionalText('备注', 1000),
      ...orgRef,
    })
    .superRefine((c, ctx) => {
      if (c.expiresOn && c.expiresOn < c.signedOn) ctx.addIssue({ code: 'custom', path: ['expiresOn'], message: '到期日期不能早于签订日期' });
    });
export type ContractInput = z.infer<ReturnType<typeof contractInput>>;

export const deleteInput = z.object({ reason: required('删除原因', 500) });

/** Built-in type lists for forms and template dropdowns. */
export const builtinActivityTypes = activityTypes;
