import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../id-number';
import { findHeaderRow, guessHeaderRow, headerShape, matchHeaderRow } from './headers';
import { displayCell, type FieldDef, fieldLabel, resolveFieldName, suggestFields } from './mapping';

// an assistance-like kind, as the importer describes it
const defs: FieldDef[] = [
  { key: 'name', header: '姓名', required: true, synonyms: ['受助人'] },
  { key: 'idNumber', header: '身份证号', required: true, synonyms: ['身份证号码'] },
  { key: 'program', header: '帮扶项目', required: true, synonyms: ['项目'], options: ['送温暖', '金秋助学'] },
  { key: 'form', header: '帮扶形式', options: ['现金', '物资'] },
  { key: 'amount', header: '金额(元)', synonyms: ['金额'], money: '元' },
  { key: 'givenOn', header: '日期', required: true, synonyms: ['发放日期'], date: true },
  { key: 'phone', header: '手机号' },
  { key: 'org', header: '所属组织' },
];
const opts = { orgColumn: 'org', isUnitName: (s: string) => s === '东风村妇联' || s === '红旗村妇联' };
const id1 = makeIdNumber('110101', '1979-11-23', 917, '女');
const id2 = makeIdNumber('110101', '1981-04-17', 853, '女');

describe('column mapping', () => {
  it('a mapping names the columns the headers do not, skips columns, and counts toward finding the header row', () => {
    const values = ['序号', '户主', '证件', '救助类别', '发放时间', '备注'];
    expect(matchHeaderRow(2, values, defs)).toBeNull(); // nothing matches by header
    const m = matchHeaderRow(2, values, defs, { 户主: 'name', '证 件': 'idNumber', 救助类别: 'program', 发放时间: 'givenOn', 序号: null });
    expect(m?.columns.map((c) => [c.index, c.key])).toEqual([
      [2, 'name'],
      [3, 'idNumber'],
      [4, 'program'],
      [5, 'givenOn'],
    ]);
    expect(m?.unknown.map((u) => u.header)).toEqual(['备注']); // 序号 skipped: no warning
    expect(m?.missing).toEqual([]);
  });

  it('a mapped money column keeps the unit its header names', () => {
    const m = matchHeaderRow(1, ['姓名', '救助款（万元）'], defs, { '救助款（万元）': 'amount' });
    expect(m?.columns[1]).toMatchObject({ key: 'amount', unit: '万元' });
    const y = matchHeaderRow(1, ['姓名', '救助款'], defs, { 救助款: 'amount' });
    expect(y?.columns[1]).toMatchObject({ key: 'amount', unit: '元' });
  });

  it('two columns mapped to one field: the second is reported as repeated', () => {
    const m = matchHeaderRow(1, ['姓名', '发放时间', '登记时间'], defs, { 发放时间: 'givenOn', 登记时间: 'givenOn' });
    expect(m?.repeated.map((r) => r.header)).toEqual(['登记时间']);
  });

  it('finds the header row under a title row with the mapping', () => {
    const rows = [
      { row: 1, values: ['东风镇2026年困难群众救助台账'] },
      { row: 2, values: ['户主', '证件', '救助类别', '发放时间'] },
      { row: 3, values: ['王秀英', id1, '送温暖', 46346] },
    ];
    expect(findHeaderRow(rows, defs)).toBeNull();
    expect(findHeaderRow(rows, defs, { 户主: 'name', 证件: 'idNumber' })?.row).toBe(2);
  });

  it('guesses the header row of a clerk’s own ledger: all text, about as wide as the widest row', () => {
    const rows = [
      { row: 1, values: ['东风镇2026年困难群众救助台账'] },
      { row: 2, values: ['填报单位：东风镇', null, null, '填报时间：2026年'] },
      { row: 3, values: ['序号', '户主', '证件', '救助类别', '发放时间'] },
      { row: 4, values: [1, '王秀英', id1, '送温暖', 46346] },
    ];
    expect(guessHeaderRow(rows)).toBe(3);
    expect(guessHeaderRow([{ row: 1, values: ['标题'] }, { row: 2, values: [1, 2, 3] }])).toBeNull();
  });

  it('the header shape folds width, spaces and the * of required columns, keeping the order', () => {
    expect(headerShape(['户 主*', '证件（号）', null, '发放时间'])).toBe(headerShape(['户主', '证件(号)', '', '发放时间']));
    expect(headerShape(['户主', '证件'])).not.toBe(headerShape(['证件', '户主']));
  });
});

describe('suggested fields', () => {
  const col = (index: number, header: string, samples: unknown[]) => ({ index, header, samples: samples as never[] });

  it('suggests by header and by content, each field once, the strongest evidence first', () => {
    const s = suggestFields(
      [
        col(1, '序号', [1, 2, 3]),
        col(2, '户主', ['王秀英', '李桂兰', '刘芳']),
        col(3, '证件', [id1, id2, null]),
        col(4, '救助类别', ['送温暖', '金秋助学', '送温暖']),
        col(5, '发放时间', [46346, 46347, 46348]),
        col(6, '救助款', [500, 300.5, 800]),
        col(7, '联系方式', ['13904591234', '13904595678', '']),
        col(8, '村', ['东风村妇联', '红旗村妇联', '东风村妇联']),
        col(9, '登记', ['2026.3.8', '2026年3月9日', '2026-03-10']),
      ],
      defs,
      new Set(),
      opts,
    );
    expect(Object.fromEntries([...s].map(([i, v]) => [i, v.field]))).toEqual({
      2: 'name',
      3: 'idNumber',
      4: 'program',
      5: 'givenOn',
      6: 'amount',
      7: 'phone',
      8: 'org',
    });
    expect(s.get(3)?.reason).toBe('内容像身份证号');
    expect(s.get(4)?.reason).toBe('内容是该项的可选值');
    expect(s.get(7)?.reason).toBe('内容像手机号');
    expect(s.get(8)?.reason).toBe('内容是本单位或下级单位的名称');
    expect(s.has(1)).toBe(false); // 序号: counts are not amounts when 金额 is taken; nothing else fits
    expect(s.has(9)).toBe(false); // a second date column: 日期 already went to 发放时间
  });

  it('a synonym inside a longer header is a suggestion; fields already filled are not suggested again', () => {
    const s = suggestFields([col(1, '救助项目名称', ['临时救助']), col(2, '身份证号（18位）', ['x'])], defs, new Set(['idNumber']), opts);
    expect(s.get(1)).toEqual({ field: 'program', reason: '列名相近' });
    expect(s.has(2)).toBe(false);
  });

  it('dates of text columns, phone-like and ID-like content without a hint in the header', () => {
    const s = suggestFields([col(1, 'A', ['2026.3.8', '2026/3/9']), col(2, 'B', [id1]), col(3, 'C', ['13904591234'])], defs, new Set(), opts);
    expect(s.get(1)).toEqual({ field: 'givenOn', reason: '内容像日期' });
    expect(s.get(2)?.field).toBe('idNumber');
    expect(s.get(3)?.field).toBe('phone');
  });
});

describe('labels, names and shown values', () => {
  it('shows a date field’s Excel serial or date as 2025年3月8日, other cells as written', () => {
    const date = defs.find((d) => d.key === 'givenOn');
    expect(displayCell(45724, date)).toBe('2025年3月8日');
    expect(displayCell(new Date(Date.UTC(2025, 2, 8)), date)).toBe('2025年3月8日');
    expect(displayCell('2025.3.8', date)).toBe('2025年3月8日');
    expect(displayCell('下月', date)).toBe('下月');
    expect(displayCell(45724, undefined)).toBe('45724');
  });

  it('labels fields in Chinese with their unit', () => {
    expect(fieldLabel({ key: 'amount', header: '金额(元)' })).toBe('金额（元）');
    expect(fieldLabel({ key: 'name', header: '姓名' })).toBe('姓名');
  });

  it('resolves a field typed by key, header or synonym; 跳过 skips; unknown is undefined', () => {
    expect(resolveFieldName('program', defs)).toBe('program');
    expect(resolveFieldName('帮扶项目', defs)).toBe('program');
    expect(resolveFieldName('金额（元）', defs)).toBe('amount');
    expect(resolveFieldName('发放日期', defs)).toBe('givenOn');
    expect(resolveFieldName('跳过', defs)).toBeNull();
    expect(resolveFieldName('', defs)).toBeNull();
    expect(resolveFieldName('身高', defs)).toBeUndefined();
  });
});
