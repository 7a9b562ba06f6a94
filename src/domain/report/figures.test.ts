import { describe, expect, it } from 'vitest';
import { defaultFormat, formatFigure, periodDates, roundDown, roundUp } from './figures';

describe('formatFigure', () => {
  it('writes integers without separators', () => {
    expect(formatFigure(1266, '名', { fmt: 'int' })).toBe('1266');
    expect(formatFigure(8609, '人', { fmt: defaultFormat('人') })).toBe('8609');
  });

  it('writes 万元 with at most two decimals, trailing zeros trimmed', () => {
    expect(formatFigure(8736, '万元', { fmt: 'wan' })).toBe('8736');
    expect(formatFigure(389.5, '万元', { fmt: 'wan' })).toBe('389.5');
    expect(formatFigure(12.3456, '万元', { fmt: 'wan' })).toBe('12.35');
    expect(formatFigure(1_236_800, '元', { fmt: 'wan' })).toBe('123.68');
    expect(formatFigure(8736, '万元', { fmt: 'wan', unit: '万元' })).toBe('8736万元');
  });

  it('writes 余 for a figure rounded down to a round number', () => {
    expect(formatFigure(1_236_800, '元', { fmt: 'yu', unit: '万元' })).toBe('120余万元');
    expect(formatFigure(6418, '人次', { fmt: 'yu' })).toBe('6000余');
    expect(formatFigure(153, '份', { fmt: 'yu' })).toBe('150余');
    expect(formatFigure(436, '项', { fmt: 'yu' })).toBe('400余');
    // a round figure is said as it is: "6000余" would overstate nothing but claim more than there is
    expect(formatFigure(6000, '人次', { fmt: 'yu' })).toBe('6000');
    expect([roundDown(1680), roundDown(99), roundDown(7), roundDown(19_999)]).toEqual([1600, 90, 7, 19_000]);
  });

  it('writes 近 for a figure just under a round number, and 余 when it is not near', () => {
    expect(formatFigure(68, '户', { fmt: 'jin' })).toBe('近70');
    expect(formatFigure(1180, '人', { fmt: 'jin' })).toBe('近1200');
    expect(formatFigure(9_650_000, '元', { fmt: 'jin', unit: '万元' })).toBe('近1000万元');
    expect(formatFigure(70, '户', { fmt: 'jin' })).toBe('70');
    expect(formatFigure(6418, '人次', { fmt: 'jin' })).toBe('6000余'); // not "近7000"
    expect(formatFigure(7, '户', { fmt: 'jin' })).toBe('7');
    expect([roundUp(68), roundUp(1180), roundUp(99), roundUp(100), roundUp(19_001)]).toEqual([70, 1200, 100, 100, 20_000]);
  });

  it('writes percentages and 元', () => {
    expect(formatFigure(98.5, '%', { fmt: 'pct' })).toBe('98.5%');
    expect(formatFigure(90, '%', { fmt: defaultFormat('%') })).toBe('90%');
    expect(formatFigure(1234.5, '元', { fmt: 'yuan' })).toBe('1234.5');
    expect(formatFigure(389, '万元', { fmt: 'yuan' })).toBe('3890000');
  });
});

describe('periodDates', () => {
  it('resolves the year, its halves and the year before', () => {
    expect(periodDates('year', 2025)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(periodDates('H1', 2025)).toEqual({ from: '2025-01-01', to: '2025-06-30' });
    expect(periodDates('H2', 2025)).toEqual({ from: '2025-07-01', to: '2025-12-31' });
    expect(periodDates('prev-year', 2025)).toEqual({ from: '2024-01-01', to: '2024-12-31' });
  });
});
