import { describe, expect, it } from 'vitest';
import { hoursToTenths, tenthsToHours } from './hours';

describe('volunteer hours', () => {
  it('keeps tenths of an hour exactly', () => {
    expect(hoursToTenths(2.5)).toBe(25);
    expect(hoursToTenths(0.1)).toBe(1);
    expect(hoursToTenths(3)).toBe(30);
    expect(tenthsToHours(25 + 1 + 30)).toBe(5.6);
  });
  it('refuses zero, negative, more than a day, and finer than a tenth', () => {
    expect(hoursToTenths(0)).toBeNull();
    expect(hoursToTenths(-1)).toBeNull();
    expect(hoursToTenths(24.5)).toBeNull();
    expect(hoursToTenths(1.25)).toBeNull();
  });
});
