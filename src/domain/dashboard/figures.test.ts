import { describe, expect, it } from 'vitest';
import { findMetric } from '../metrics/catalogue';
import { parseMetricRef } from '../metrics/parse';
import {
  comparedFiguresOf, dashboardKindOf, dashboardKinds, figuresOf, monthRange, monthsOf, nextMonth, previousMonth, shanghaiMonthStart, trendCodes,
} from './figures';

describe('dashboard figures as data', () => {
  it('every key figure is a valid metric reference of the catalogue', () => {
    for (const kind of dashboardKinds) {
      expect(figuresOf(kind).length).toBeGreaterThan(0);
      for (const ref of figuresOf(kind)) expect(() => parseMetricRef(ref), ref).not.toThrow();
    }
  });

  it('compares the first figures of each kind across townships, in display order', () => {
    expect(comparedFiguresOf('union')).toEqual(['orgs.count{kind=grassroots_union}', 'orgs.new{kind=grassroots_union}', 'contracts.count']);
    expect(comparedFiguresOf('youth_league')).toEqual(['orgs.count{kind=youth_branch}', 'activities.count']);
    expect(comparedFiguresOf('womens_federation')).toEqual(['loans.amount', 'loans.borrowers', 'loans.count']);
    expect(comparedFiguresOf('science_association')).toEqual(['activities.count', 'activities.sessions']);
    expect(comparedFiguresOf('organ_committee')).toEqual(['activities.count{type=党课}', 'activities.sessions{type=党课}']);
    expect(comparedFiguresOf('party_school')).toEqual(['activities.sessions{type=宣讲}', 'activities.participants{type=宣讲}']);
    expect(figuresOf('organ_committee')).toEqual(['activities.count{type=党课}', 'activities.sessions{type=党课}', 'activities.outcome{name=解决问题}', 'assistance.amount{form=物资}']);
  });

  it('trends hold only additive metrics (sums and counts of records, never distinct counts or stocks)', () => {
    expect(trendCodes).toEqual([
      'activities.count', 'activities.sessions', 'activities.participants', 'assistance.count', 'assistance.amount', 'loans.count', 'loans.amount', 'contracts.count', 'contracts.workers',
    ]);
    for (const code of trendCodes) {
      const def = findMetric(code);
      expect(def, code).toBeDefined();
      expect(code).toMatch(/\.(count|sessions|participants|amount|workers)$/);
    }
  });

  it('grassroots kinds show their organization’s figures; party committees have none', () => {
    expect(dashboardKindOf('womens_branch')).toBe('womens_federation');
    expect(dashboardKindOf('grassroots_union')).toBe('union');
    expect(dashboardKindOf('youth_branch')).toBe('youth_league');
    expect(dashboardKindOf('union')).toBe('union');
    expect(dashboardKindOf('party_committee')).toBeNull();
  });
});

describe('months', () => {
  it('ranges, neighbours and the twelve months of a year', () => {
    expect(monthsOf(2026)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
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
