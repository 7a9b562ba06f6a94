import { describe, expect, it } from 'vitest';
import { cellText, excelSerialToDate, idNumberAsNumberMessage, isBlankRow, isTotalsRow, parseDateCell, parseIdNumberCell, parseIntCell } from './cells';

describe('date cells', () => {
  it.each([
    [45724, '2025-03-08'],
    [new Date(Date.UTC(2025, 2, 8)), '2025-03-08'],
    ['2025.3.8', '2025-03-08'],
    ['2025年3月8日', '2025-03-08'],
    ['2025/03/08', '2025-03-08'],
    ['2025-3-8', '2025-03-08'],
    ['20250308', '2025-03-08'],
    [20250308, '2025-03-08'],
    ['２０２５年３月８日', '2025-03-08'],
    ['2025-03-08 00:00:00', '2025-03-08'],
  ])('%s → %s', (v, want) => {
    expect(parseDateCell(v, '日期')).toEqual({ ok: true, value: want });
  });
  it('refuses impossible and unreadable dates, naming them', () => {
    expect(parseDateCell('2025-02-30', '日期')).toEqual({ ok: false, message: '日期“2025-02-30”不是存在的日期' });
    expect(parseDateCell('去年春天', '发放日期')).toMatchObject({ ok: false, message: '发放日期应为有效日期（如 2025-03-08）' });
    expect(parseDateCell(null, '日期')).toEqual({ ok: true, value: null });
  });
  it('reads Excel serials in the 1900 system', () => {
    expect(excelSerialToDate(45658)).toBe('2025-01-01');
    expect(excelSerialToDate(61)).toBe('1900-03-01');
  });
});

describe('ID number cells', () => {
  it('explains an ID number Excel turned into a number', () => {
    expect(parseIdNumberCell(230623198503082000)).toEqual({ ok: false, message: idNumberAsNumberMessage });
    expect(parseIdNumberCell('2.30623E+17')).toEqual({ ok: false, message: idNumberAsNumberMessage });
  });
  it('folds full-width digits and keeps text', () => {
    expect(parseIdNumberCell('２３０６２３１９８５０３０８２１２X')).toEqual({ ok: true, value: '23062319850308212X' });
    expect(parseIdNumberCell("'230623198503082126")).toEqual({ ok: true, value: '230623198503082126' });
  });
});

describe('rows', () => {
  it('skips blank rows and totals rows', () => {
    expect(isBlankRow([null, '', '  ', undefined])).toBe(true);
    expect(isTotalsRow([null, '合 计', 100])).toBe(true);
    expect(isTotalsRow(['总计：', 1])).toBe(true);
    expect(isTotalsRow(['小计'])).toBe(true);
    expect(isTotalsRow(['王合计', 1])).toBe(false);
  });
  it('reads counts and shows numbers as typed', () => {
    expect(parseIntCell('１２０人次', '参与人次')).toEqual({ ok: true, value: 120 });
    expect(parseIntCell(1.5, '场次')).toEqual({ ok: false, message: '场次应为整数' });
    expect(cellText(230623198503082000)).toBe('230623198503082000');
    expect(cellText(0.1 + 0.2)).toBe('0.3');
    expect(cellText(1e-7)).toBe('0.0000001');
  });
});
