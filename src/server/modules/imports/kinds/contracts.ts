import { contractTypes } from '../../../../domain/ledgers/catalogs';
import { type ContractInput, contractInput } from '../../../../domain/ledgers/inputs';
import type { KindSpec } from './types';

export const contractsKind: KindSpec<ContractInput> = {
  kind: 'contracts',
  title: '集体合同台账',
  orgColumn: 'org',
  columns: [
    { key: 'enterprise', header: '企业名称', required: true, synonyms: ['企业', '单位名称'], example: '林甸县乳业有限公司', width: 24 },
    { key: 'type', header: '合同类型', required: true, synonyms: ['类型'], options: contractTypes, example: '综合', width: 12 },
    { key: 'signedOn', header: '签订日期', required: true, synonyms: ['签订时间', '签约日期'], date: true, example: '2025-05-20', width: 12 },
    { key: 'expiresOn', header: '到期日期', synonyms: ['有效期至'], date: true, example: '2028-05-19', width: 12 },
    { key: 'workers', header: '覆盖职工人数', required: true, synonyms: ['覆盖职工数', '职工人数', '覆盖人数'], example: 230, width: 12 },
    { key: 'org', header: '所属组织', synonyms: ['所属单位'], example: '', width: 18 },
    { key: 'note', header: '备注', example: '', width: 20 },
  ],
  fields: { enterprise: 'enterprise', type: 'type', signedOn: 'signedOn', expiresOn: 'expiresOn', workers: 'workers', note: 'note' },
  schema: (today) => contractInput(today),
  toInput: (r) => ({
    enterprise: r.text('enterprise'),
    type: r.text('type'),
    signedOn: r.date('signedOn'),
    expiresOn: r.date('expiresOn') ?? null,
    workers: r.int('workers'),
    note: r.text('note'),
  }),
};
