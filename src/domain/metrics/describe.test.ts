import { describe, expect, it } from 'vitest';
import { describeMetricRef, describePeriod } from './describe';

describe('a metric in words for the printed report', () => {
  it('names the metric and its filters by their Chinese labels, organization kinds by their names', () => {
    expect(describeMetricRef('orgs.new{kind=grassroots_union}')).toBe('新建组织数（组织类型：基层工会）');
    expect(describeMetricRef('activities.sessions{type=培训|宣讲}')).toBe('活动场次（活动类型：培训或宣讲）');
    expect(describeMetricRef('assistance.beneficiaries{program=助学,category=困境儿童}')).toBe('受助人数（帮扶项目：助学；人员类别：困境儿童）');
    expect(describeMetricRef('loans.amount')).toBe('放款金额');
    expect(describeMetricRef('cases.resolved{kind=信访,outcome=化解}')).toBe('办结个案数（个案类型：信访；办结结果：化解）');
  });

  it('writes a period as a year, months or dates', () => {
    expect(describePeriod('2025-01-01', '2025-12-31')).toBe('2025年');
    expect(describePeriod('2025-01-01', '2025-06-30')).toBe('2025年1月至6月');
    expect(describePeriod('2025-03-01', '2025-03-31')).toBe('2025年3月');
    expect(describePeriod('2024-07-01', '2025-06-30')).toBe('2024年7月至2025年6月');
    expect(describePeriod('2025-03-08', '2025-09-30')).toBe('2025年3月8日至2025年9月30日');
  });
});
