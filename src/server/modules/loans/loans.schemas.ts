import { z } from 'zod';
import { isValidDate } from '../../../domain/dates';
import { loanStatuses } from '../../../domain/ledgers/catalogs';
import { deleteInput, loanInput } from '../../../domain/ledgers/inputs';
import { ledgerListQuery, patchBody, requestBody } from '../catalogs/ledger-kit';

export type LoanBody = z.input<ReturnType<typeof loanInput>>;
export const createLoanBody = requestBody(loanInput(null)).describe('借款人以 personId，或 姓名 + 身份证号 指定；本金单位万元，贴息单位元；给出 productId 时利率、贴息比例、期限取自贷款产品（可逐笔修改）');
export const updateLoanBody = patchBody(loanInput(null)).describe('只提交要修改的字段；状态变更须符合 申请中 → 已放款 → 已还清/逾期');
export const deleteLoanBody = deleteInput;
export const listLoansQuery = ledgerListQuery.extend({
  status: z.enum(loanStatuses, { error: `状态应为 ${loanStatuses.join('、')} 之一` }).optional().describe('贷款状态'),
});
export type ListLoansQuery = z.infer<typeof listLoansQuery>;
export type LoanFilters = Omit<ListLoansQuery, 'page' | 'pageSize'>;

const date = (label: string) => z.string({ error: `${label}为必填项` }).trim().refine(isValidDate, `${label}应为有效日期（如 2025-03-08）`);
export const loanStatusBody = z.object({
  status: z.enum(loanStatuses, { error: `状态应为 ${loanStatuses.join('、')} 之一` }),
  on: date('日期').optional().describe('放款日期（改为已放款时；缺省为今天）'),
});
export type LoanStatusBody = z.infer<typeof loanStatusBody>;
export const repaymentBody = z.object({
  paidOn: date('还款日期'),
  amountYuan: z.union([z.number(), z.string()], { error: '还款金额应为数字' }).describe('还款金额（元）'),
  note: z.string().trim().max(500, '备注不能超过 500 个字符').nullish(),
});
export type RepaymentBody = z.infer<typeof repaymentBody>;

export const loanProductBody = z.object({
  name: z.string({ error: '产品名称为必填项' }).trim().min(1, '产品名称为必填项').max(100, '产品名称不能超过 100 个字符'),
  ratePct: z.number({ error: '年利率应为数字' }).min(0, '年利率不能为负数').max(36, '年利率不能超过 36%').describe('年利率（%），如 4.35'),
  subsidyPct: z.number({ error: '贴息比例应为数字' }).min(0, '贴息比例不能为负数').max(100, '贴息比例不能超过 100%').describe('贴息比例（%），如 100'),
  termMonths: z.number({ error: '期限应为整数' }).int('期限应为整数').min(1, '期限至少 1 个月').max(120, '期限不能超过 120 个月'),
  orgId: z.string().trim().min(1).max(64).optional().describe('所属组织（其下级均可使用）；缺省为本人唯一的授权组织'),
});
export type LoanProductBody = z.infer<typeof loanProductBody>;
export const loanProductsQuery = z.object({
  orgId: z.string().trim().min(1).max(64).optional().describe('该组织可用的产品（本级及上级）；缺省为辖区内及上级的全部产品'),
});
