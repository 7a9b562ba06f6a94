import { loanStatuses } from '../../../../domain/ledgers/catalogs';
import { type LoanInput, loanInput } from '../../../../domain/ledgers/inputs';
import { fenToWanString } from './row';
import type { KindSpec } from './types';
import { fenToYuan } from '../../../../domain/money';

export const loansKind: KindSpec<LoanInput> = {
  kind: 'loans',
  title: '妇女小额担保贷款台账',
  orgColumn: 'org',
  columns: [
    { key: 'name', header: '借款人', required: true, synonyms: ['姓名'], example: '李桂兰', width: 12 },
    { key: 'idNumber', header: '身份证号', required: true, synonyms: ['身份证号码', '公民身份号码', '身份证'], text: true, example: '230623198806152324', width: 22 },
    { key: 'principal', header: '贷款金额(万元)', required: true, synonyms: ['贷款金额(元)', '金额', '贷款金额'], money: '万元', example: 10, width: 14 },
    { key: 'bank', header: '贷款银行', synonyms: ['银行', '放款银行', '经办银行'], example: '林甸县农村信用社', width: 18 },
    { key: 'disbursedOn', header: '放款日期', required: true, blankAllowed: true, synonyms: ['发放日期', '放款时间', '发放时间'], date: true, example: '2025-04-10', width: 12 },
    { key: 'termMonths', header: '期限(月)', synonyms: ['期限', '贷款期限(月)', '贷款期限'], example: 24, width: 10 },
    { key: 'dueOn', header: '到期日期', synonyms: ['到期日'], date: true, example: '2027-04-10', width: 12 },
    { key: 'subsidy', header: '贴息金额(元)', synonyms: ['贴息金额', '贴息'], money: '元', example: 4350, width: 12 },
    { key: 'venture', header: '创业项目', synonyms: ['项目'], example: '庭院养殖', width: 16 },
    { key: 'status', header: '状态', synonyms: ['贷款状态'], options: loanStatuses, example: '已放款', width: 10 },
    { key: 'org', header: '所属组织', synonyms: ['所属单位'], example: '', width: 18 },
  ],
  fields: { name: 'name', idNumber: 'idNumber', principalWan: 'principal', bank: 'bank', disbursedOn: 'disbursedOn', termMonths: 'termMonths', dueOn: 'dueOn', subsidyYuan: 'subsidy', venture: 'venture', status: 'status' },
  schema: (today) => loanInput(today),
  toInput(r) {
    const principal = r.fen('principal');
    const subsidy = r.fen('subsidy');
    return {
      name: r.text('name'),
      idNumber: r.idNumber('idNumber'),
      principalWan: principal === undefined ? undefined : fenToWanString(principal),
      bank: r.text('bank'),
      disbursedOn: r.date('disbursedOn') ?? null,
      termMonths: r.int('termMonths') ?? null,
      dueOn: r.date('dueOn') ?? null,
      subsidyYuan: subsidy === undefined ? null : fenToYuan(subsidy),
      venture: r.text('venture'),
      status: r.text('status'),
    };
  },
};
