import { describe, expect, it } from 'vitest';
import { formatChineseDate, formatChineseInstant, isValidDate, shanghaiDate } from './dates';

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
