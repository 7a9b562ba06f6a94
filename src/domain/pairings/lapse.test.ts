import { describe, expect, it } from 'vitest';
import { addMonths, commitmentLabel, commitmentState, nextDueOn } from './lapse';

describe('pairing commitments', () => {
  it('adds calendar months, clamping to the month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-12-01', 12)).toBe('2027-12-01');
  });

  it('counts from the last visit, or from the start when none is logged', () => {
    expect(nextDueOn('2026-03-01', null, 1)).toBe('2026-04-01');
    expect(nextDueOn('2026-03-01', '2026-05-20', 3)).toBe('2026-08-20');
    // a visit dated before the start (typed wrong) does not move the due day back
    expect(nextDueOn('2026-03-01', '2026-02-01', 1)).toBe('2026-04-01');
  });

  it('is lapsed the day after the due day, due soon within 7 days, ended once ended', () => {
    const p = { startedOn: '2026-03-01', lastVisitOn: '2026-04-10', everyMonths: 1, endedOn: null };
    expect(commitmentState(p, '2026-04-20')).toMatchObject({ state: 'on_track', nextDueOn: '2026-05-10' });
    expect(commitmentState(p, '2026-05-03')).toMatchObject({ state: 'due_soon', label: '7 天内应联系' });
    expect(commitmentState(p, '2026-05-10')).toMatchObject({ state: 'due_soon', daysOverdue: 0 });
    expect(commitmentState(p, '2026-05-11')).toMatchObject({ state: 'lapsed', daysOverdue: 1, label: '已超期 1 天未联系' });
    expect(commitmentState({ ...p, endedOn: '2026-05-01' }, '2026-06-30').state).toBe('ended');
    expect(commitmentState({ ...p, endedOn: '2026-07-01' }, '2026-06-30').state).toBe('lapsed');
  });

  it('names the commitment', () => {
    expect(commitmentLabel('电话', 1)).toBe('每月一次电话');
    expect(commitmentLabel('走访', 3)).toBe('每季度一次走访');
    expect(commitmentLabel('走访', 2)).toBe('每 2 个月一次走访');
  });
});
