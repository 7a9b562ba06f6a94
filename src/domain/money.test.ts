import { describe, expect, it } from 'vitest';
import { computeSubsidyFen, addMonths } from './ledgers/loans';
import { fenToWan, fenToYuan, toFen } from './money';

describe('money', () => {
  it('parses 元 and 万元 exactly, with separators, full-width digits and units', () => {
    expect(toFen('1,234.56')).toBe(123456);
    expect(toFen('１２３４．５')).toBe(123450);
    expect(toFen('8736', '万元')).toBe(8736_000000);
    expect(toFen('3.5万')).toBe(3_500000);
    expect(toFen('¥200元')).toBe(20000);
    expect(toFen(0.1 + 0.2)).toBe(30);
    expect(toFen('1.234')).toBeNull();
    expect(toFen('abc')).toBeNull();
  });
  it('formats back', () => {
    expect(fenToYuan(123450)).toBe('1234.5');
    expect(fenToYuan(100)).toBe('1');
    expect(fenToWan(87_360_000_00)).toBe(8736);
    expect(fenToWan(1_234_567_89)).toBe(123.4568);
  });
  it('computes the loan subsidy and due dates', () => {
    // 10 万元 at 4.35 % for 24 months, fully subsidized → 8700 元
    expect(computeSubsidyFen(10_000_000, 435, 100, 24)).toBe(870_000);
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2025-03-08', 24)).toBe('2027-03-08');
  });
});
