import { describe, expect, it } from 'vitest';
import { findMetric } from '../metrics/catalogue';
import { parseMetricRef } from '../metrics/parse';
import {
  comparedFiguresOf, dashboardKindOf, dashboardKinds, figuresOf, keyFigures, monthRange, monthsOf, nextMonth, previousMonth, shanghaiMonthStart, trendCodes,
} from './figures';

describe('dashboard figures as data', () => {
  it('every key figure is a valid metric reference of the catalogue', () => {
    for (const kind of dashboardKinds) {
      expect(figuresOf(kind).length).toBeGreaterThan(0);
      for (const ref of figuresOf(kind)) expect(() => parseMetricRef(ref), ref).not.toThrow();
      expect(comparedFiguresOf(kind)).toEqual(figuresOf(kind).slice(0, keyFigures[kind].compared));
    }
  });

  it('trends hold only additive metrics (sums and counts of records, never distinct counts or stocks)', () => {
    for (const code of trendCodes) {
      const def = findMetric(code);
      expect(def, code).toBeDefined();
      expect(code).toMatch(/\.(count|sessions|participants|amount|workers)$/);
    }
  });

  it('grassroots kinds show their organization’s figures; party committees have none', () => {
    expect(dashboardKindOf('womens_branch')).toBe('womens_federation');
    expect(dashboardKindOf('grassroots_union')).toBe('union');
    expect(dashboardKindOf('union')).toBe('union');
    expect(dashboardKindOf('party_committee')).toBeNull();
  });
});

describe('months', () => {
  it('ranges, neighbours and the twelve months of a year', () => {
    expect(monthsOf(2026)[0]).toBe('2026-01');
    expect(monthsOf(2026)[11]).toBe('2026-12');
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthRange('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(nextMonth('2026-12')).toBe('2027-01');
  });

  it('a month starts at midnight in Asia/Shanghai, 16:00 UTC the day before', () => {
    expect(shanghaiMonthStart('2026-11')).toBe('2026-10-31T16:00:00.000Z');
    expect(shanghaiMonthStart('2027-01')).toBe('2026-12-31T16:00:00.000Z');
  });
});
