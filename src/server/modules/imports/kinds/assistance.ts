import { assistanceForms, assistancePrograms } from '../../../../domain/ledgers/catalogs';
import { type AssistanceInput, assistanceInput } from '../../../../domain/ledgers/inputs';
import type { KindSpec } from './types';

export const assistanceKind: KindSpec<AssistanceInput> = {
  kind: 'assistance',
  title: '帮扶救助台账',
  orgColumn: 'org',
  columns: [
    { key: 'name', header: '姓名', required: true, synonyms: ['帮扶对象', '受助人', '救助对象', '慰问对象', '受助人姓名'], example: '王秀英', width: 12 },
    { key: 'idNumber', header: '身份证号', required: true, synonyms: ['身份证号码', '公民身份号码', '身份证'], text: true, example: '230623198503082126', width: 22 },
    { key: 'program', header: '帮扶项目', required: true, synonyms: ['项目', '项目名称', '救助项目', '救助类别', '救助类型', '帮扶类别', '帮扶类型'], options: assistancePrograms, example: '送温暖', width: 14 },
    { key: 'form', header: '帮扶形式', synonyms: ['形式', '帮扶方式', '救助形式', '救助方式'], options: assistanceForms, example: '现金', width: 10 },
    { key: 'amount', header: '金额(元)', synonyms: ['金额', '金额（万元）', '帮扶金额', '发放金额', '救助金额', '慰问金额', '慰问金'], money: '元', example: 500, width: 12 },
    { key: 'goods', header: '物资', synonyms: ['物资名称', '慰问品', '慰问物资'], example: '', width: 16 },
    { key: 'givenOn', header: '日期', required: true, synonyms: ['发放日期', '帮扶日期', '救助日期', '发放时间', '帮扶时间', '救助时间', '慰问时间', '慰问日期'], date: true, example: '2025-01-20', width: 12 },
    { key: 'funder', header: '资金来源', synonyms: ['捐助单位', '捐赠单位', '资金渠道'], example: '县总工会', width: 16 },
    { key: 'org', header: '所属组织', synonyms: ['所属单位'], example: '', width: 18 },
    { key: 'note', header: '备注', example: '', width: 20 },
  ],
  fields: { name: 'name', idNumber: 'idNumber', program: 'program', form: 'form', amountYuan: 'amount', goods: 'goods', givenOn: 'givenOn', funder: 'funder', note: 'note' },
  schema: (today) => assistanceInput(today),
  toInput: (r) => ({
    name: r.text('name'),
    idNumber: r.idNumber('idNumber'),
    program: r.text('program'),
    form: r.text('form'),
    amountYuan: r.yuan('amount'),
    goods: r.text('goods'),
    givenOn: r.date('givenOn'),
    funder: r.text('funder'),
    note: r.text('note'),
  }),
};
