import { z } from 'zod';
import { contractTypes } from '../../../domain/ledgers/catalogs';
import { contractInput, deleteInput } from '../../../domain/ledgers/inputs';
import { ledgerListQuery, patchBody, requestBody } from '../catalogs/ledger-kit';

export type ContractBody = z.input<ReturnType<typeof contractInput>>;
export const createContractBody = requestBody(contractInput(null)).describe('集体合同：企业、类型（综合/女职工专项/工资专项）、签订与到期日期、覆盖职工人数');
export const updateContractBody = patchBody(contractInput(null)).describe('只提交要修改的字段');
export const deleteContractBody = deleteInput;
export const listContractsQuery = ledgerListQuery.extend({
  type: z.enum(contractTypes, { error: `合同类型应为 ${contractTypes.join('、')} 之一` }).optional().describe('合同类型'),
});
export type ListContractsQuery = z.infer<typeof listContractsQuery>;
export type ContractFilters = Omit<ListContractsQuery, 'page' | 'pageSize'>;
