import { describe, expect, it } from 'vitest';
import { addYears, formatChineseDate, formatChineseInstant, isValidDate, recordDateIssue, shanghaiDate } from './dates';

describe('dates as county staff write them', () => {
  it('writes a date as 2025年3月8日 and an instant in Asia/Shanghai with 24-hour time', () => {
    expect(formatChineseDate('2025-03-08')).toBe('2025年3月8日');
    expect(formatChineseInstant('2026-10-20T02:00:00.000Z')).toBe('2026年10月20日 10:00');
    // 16:05 UTC is five past midnight the next day in Shanghai: 00:05, never 24:05
    expect(formatChineseInstant('2026-12-31T16:05:00.000Z')).toBe('2027年1月1日 00:05');
    expect(formatChineseInstant('not a time')).toBe('not a time');
  });

  it('takes the calendar day in Asia/Shanghai and refuses impossible dates', () => {
    expect(shanghaiDate(new Date('2026-06-30T16:00:00.000Z'))).toBe('2026-07-01');
    expect([isValidDate('2026-02-29'), isValidDate('2028-02-29'), isValidDate('2026-13-01')]).toEqual([false, true, false]);
  });
});

describe('record dates (issue 11)', () => {
  it('adds whole years, 29 February falling back to 28 February', () => {
    expect(addYears('2026-06-15', 1)).toBe('2027-06-15');
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
    expect(addYears('2028-02-29', 4)).toBe('2032-02-29');
  });

  it('lies between 1949-10-01 and a year after today (term ends: eleven years), naming the field', () => {
    const today = '2026-06-15';
    expect(recordDateIssue('发放日期', '1949-10-01', today)).toBeNull();
    expect(recordDateIssue('发放日期', '2027-06-15', today)).toBeNull();
    expect(recordDateIssue('发放日期', '1949-09-30', today)).toBe('发放日期不能早于 1949年10月1日');
    expect(recordDateIssue('发放日期', '2027-06-16', today)).toBe('发放日期不能晚于 2027年6月15日（最多为今后一年内的日期）');
    expect(recordDateIssue('到期日期', '2037-06-15', today, 'termEnd')).toBeNull();
    expect(recordDateIssue('到期日期', '2037-06-16', today, 'termEnd')).toBe('到期日期不能晚于 2037年6月15日（最多为今后十一年内的日期）');
    // without today (the OpenAPI body shape) only the floor is checked
    expect(recordDateIssue('发放日期', '9999-12-31', null)).toBeNull();
    expect(recordDateIssue('发放日期', '1899-12-31', null)).toBe('发放日期不能早于 1949年10月1日');
  });
});
