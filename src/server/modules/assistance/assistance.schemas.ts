import { z } from 'zod';
import { assistanceForms } from '../../../domain/ledgers/catalogs';
import { assistanceInput, deleteInput } from '../../../domain/ledgers/inputs';
import { ledgerListQuery, patchBody, requestBody } from '../catalogs/ledger-kit';

export type AssistanceBody = z.input<ReturnType<typeof assistanceInput>> & { acknowledgeDuplicate?: boolean };
export const createAssistanceBody = requestBody(assistanceInput(null), {
  acknowledgeDuplicate: z.boolean().optional().describe('已知晓重复帮扶预警（记录照常写入，预警照常返回）'),
}).describe('帮扶对象以 personId，或 姓名 + 身份证号（自动登记/关联）指定；金额单位元');
export const updateAssistanceBody = patchBody(assistanceInput(null)).describe('只提交要修改的字段');
export const deleteAssistanceBody = deleteInput;
export const listAssistanceQuery = ledgerListQuery.extend({
  program: z.string().trim().max(30).optional().describe('帮扶项目'),
  form: z.enum(assistanceForms, { error: `帮扶形式应为 ${assistanceForms.join('、')} 之一` }).optional().describe('帮扶形式'),
});
export type ListAssistanceQuery = z.infer<typeof listAssistanceQuery>;
export type AssistanceFilters = Omit<ListAssistanceQuery, 'page' | 'pageSize'>;
