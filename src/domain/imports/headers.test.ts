import { describe, expect, it } from 'vitest';
import { type ColumnDef, findHeaderRow, headerKey, splitUnit } from './headers';

const defs: ColumnDef[] = [
  { key: 'name', header: '姓名', required: true },
  { key: 'idNumber', header: '身份证号', required: true, synonyms: ['身份证号码', '公民身份号码'] },
  { key: 'amount', header: '金额(元)', synonyms: ['金额', '金额（万元）'], money: '元' },
  { key: 'givenOn', header: '日期', required: true, synonyms: ['发放日期'] },
];
const loan: ColumnDef[] = [
  { key: 'name', header: '借款人', required: true, synonyms: ['姓名'] },
  { key: 'principal', header: '贷款金额(万元)', required: true, synonyms: ['贷款金额(元)', '金额'], money: '万元' },
];

describe('header detection', () => {
  it('folds width, spaces, line breaks and the * of required columns', () => {
    expect(headerKey(' 姓\n名* ')).toBe('姓名');
    expect(headerKey('金额（万元）')).toBe('金额(万元)');
    expect(splitUnit('金额（万元）')).toEqual({ base: '金额', unit: '万元' });
    expect(splitUnit('期限(月)')).toEqual({ base: '期限(月)', unit: null });
  });

  it('finds the header row below merged title rows, with synonyms and units, and reports unknown and missing columns', () => {
    const m = findHeaderRow(
      [
        { row: 1, values: ['林甸县帮扶救助台账'] },
        { row: 2, values: ['填报单位：县妇联', null, '日期：2025年'] },
        { row: 3, values: ['序号', '姓 名', '身份证号码', '金额（万元）', '联系电话'] },
      ],
      defs,
    );
    expect(m?.row).toBe(3);
    expect(m?.columns).toEqual([
      { index: 2, key: 'name', header: '姓 名', unit: null },
      { index: 3, key: 'idNumber', header: '身份证号码', unit: null },
      { index: 4, key: 'amount', header: '金额（万元）', unit: '万元' },
    ]);
    expect(m?.unknown.map((u) => u.header)).toEqual(['序号', '联系电话']);
    expect(m?.missing.map((d) => d.header)).toEqual(['日期']);
  });

  it('takes a column default unit when the header names none', () => {
    const m = findHeaderRow([{ row: 1, values: ['姓名', '金额'] }], loan);
    expect(m?.columns[1]).toMatchObject({ key: 'principal', unit: '万元' });
    const y = findHeaderRow([{ row: 1, values: ['姓名', '贷款金额（元）'] }], loan);
    expect(y?.columns[1]).toMatchObject({ key: 'principal', unit: '元' });
    expect(findHeaderRow([{ row: 1, values: ['姓名', '金额'] }], defs)?.columns[1]).toMatchObject({ unit: '元' });
  });

  it('finds nothing past the first 10 rows or with a single match', () => {
    expect(findHeaderRow([{ row: 11, values: ['姓名', '身份证号'] }], defs)).toBeNull();
    expect(findHeaderRow([{ row: 1, values: ['姓名'] }], defs)).toBeNull();
  });
});
