import { describe, expect, it } from 'vitest';
import { dayOfYear, daysInYear, evaluateTarget, expectedProgressHundredths, targetPeriod, targetValueText, hasAtMostFourDecimals } from './progress';

// instants written in Asia/Shanghai (+08:00): the year turns at 16:00 UTC on Dec 31
const at = (local: string) => new Date(`${local}+08:00`);

describe('序时进度 (expected progress)', () => {
  it('counts days of the year in Asia/Shanghai, leap years included', () => {
    expect(daysInYear(2026)).toBe(365);
    expect(daysInYear(2028)).toBe(366);
    expect(daysInYear(2100)).toBe(365);
    expect(daysInYear(2000)).toBe(366);
    expect(dayOfYear('2026-01-01')).toBe(1);
    expect(dayOfYear('2026-12-31')).toBe(365);
    expect(dayOfYear('2028-03-01')).toBe(61);
    expect(dayOfYear('2028-12-31')).toBe(366);
  });

  it('is 0 before the year, day/days within it, 100% after it', () => {
    expect(expectedProgressHundredths(2026, at('2025-12-31T23:59:59'))).toBe(0);
    expect(expectedProgressHundredths(2026, at('2026-01-01T00:00:00'))).toBe(27); // 1/365 = 0.27%
    expect(expectedProgressHundredths(2026, new Date('2025-12-31T16:00:00Z'))).toBe(27); // already Jan 1 in Shanghai
    expect(expectedProgressHundredths(2026, at('2026-07-01T12:00:00'))).toBe(4986); // day 182 of 365
    expect(expectedProgressHundredths(2026, at('2026-12-31T23:00:00'))).toBe(10000);
    expect(expectedProgressHundredths(2026, at('2027-01-01T00:00:00'))).toBe(10000);
    expect(expectedProgressHundredths(2028, at('2028-02-29T10:00:00'))).toBe(1639); // 60/366
    expect(expectedProgressHundredths(2028, at('2028-12-30T10:00:00'))).toBe(9973); // 365/366
  });

  it('runs the actual from year start to today, capped at year end', () => {
    expect(targetPeriod(2026, at('2025-12-31T10:00:00'))).toBeNull();
    expect(targetPeriod(2026, at('2026-05-20T10:00:00'))).toEqual({ from: '2026-01-01', to: '2026-05-20' });
    expect(targetPeriod(2026, at('2027-03-01T10:00:00'))).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });
});

describe('status', () => {
  const mid = at('2026-07-01T12:00:00'); // 序时进度 49.86%
  const ev = (comparison: 'at_least' | 'at_most', actual: number, target: number, now = mid) => evaluateTarget({ comparison, actual, target, year: 2026, now });

  it('at_least: ahead from 5 points above the pace, on track within 5, behind further below', () => {
    expect(ev('at_least', 54.86, 100)).toEqual({ progress: 54.86, expectedProgress: 49.86, status: 'ahead' });
    expect(ev('at_least', 54.85, 100).status).toBe('on_track');
    expect(ev('at_least', 44.86, 100).status).toBe('on_track');
    expect(ev('at_least', 44.85, 100).status).toBe('behind');
    expect(ev('at_least', 100, 100).status).toBe('met');
    expect(ev('at_least', 130, 100)).toMatchObject({ progress: 130, status: 'met' });
    expect(ev('at_least', 99, 100, at('2027-01-01T08:00:00'))).toMatchObject({ status: 'missed', expectedProgress: 100 });
    expect(ev('at_least', 0, 100, at('2025-11-01T08:00:00'))).toMatchObject({ status: 'on_track', expectedProgress: 0, progress: 0 });
  });

  it('at_most: within the ceiling ahead of pace when using less of it; met only when the year ends within', () => {
    expect(ev('at_most', 30, 100).status).toBe('ahead');
    expect(ev('at_most', 50, 100).status).toBe('on_track');
    expect(ev('at_most', 60, 100).status).toBe('behind');
    expect(ev('at_most', 101, 100).status).toBe('behind');
    expect(ev('at_most', 100, 100, at('2027-01-05T08:00:00')).status).toBe('met');
    expect(ev('at_most', 100.5, 100, at('2027-01-05T08:00:00')).status).toBe('missed');
    expect(ev('at_most', 0, 0)).toEqual({ progress: null, expectedProgress: 49.86, status: 'on_track' });
  });
});

describe('target values', () => {
  it('are canonical decimal text with at most 4 decimals', () => {
    expect(targetValueText(8000)).toBe('8000');
    expect(targetValueText(98.5)).toBe('98.5');
    expect(targetValueText(123.4568)).toBe('123.4568');
    expect(hasAtMostFourDecimals(123.4568)).toBe(true);
    expect(hasAtMostFourDecimals(0.12345)).toBe(false);
  });
});
