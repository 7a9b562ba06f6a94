import { describe, expect, it } from 'vitest';
import { followupDue, followupState, progressOf, suggestRiskLevel } from './rules';

describe('suggested risk level', () => {
  it('is high for any severe factor or three factors, a guardian-absent situation counting as one', () => {
    expect(suggestRiskLevel('父母共同监护', ['遭受虐待或暴力'])).toBe('高');
    expect(suggestRiskLevel('父母共同监护', ['家庭经济困难', '本人残疾', '辍学或失学'])).toBe('高');
    expect(suggestRiskLevel('父母服刑', ['家庭经济困难', '辍学或失学'])).toBe('高');
    expect(suggestRiskLevel('父母双方外出务工', ['家庭经济困难'])).toBe('中');
    expect(suggestRiskLevel('单亲', ['家庭经济困难', '家庭经济困难'])).toBe('中');
    expect(suggestRiskLevel('孤儿', [])).toBe('中');
    expect(suggestRiskLevel('单亲', [])).toBe('低');
  });
});

describe('follow-up deadlines', () => {
  const days = { interveneDays: 7, pairDays: 30 };
  it('sets due dates only for a high-risk child', () => {
    expect(followupDue('高', '2026-06-15', days)).toEqual({ dueInterveneOn: '2026-06-22', duePairOn: '2026-07-15' });
    expect(followupDue('中', '2026-06-15', days)).toEqual({ dueInterveneOn: null, duePairOn: null });
  });

  it('turns overdue the day after the due date unless the step is recorded', () => {
    const c = { riskLevel: '高', dueInterveneOn: '2026-06-22', duePairOn: '2026-07-15', intervenedOn: null, pairedOn: null };
    expect(followupState(c, '2026-06-22')).toEqual({ intervention: 'pending', pairing: 'pending', overdue: false });
    expect(followupState(c, '2026-06-23')).toEqual({ intervention: 'overdue', pairing: 'pending', overdue: true });
    expect(followupState({ ...c, intervenedOn: '2026-06-25' }, '2026-07-16')).toEqual({ intervention: 'done', pairing: 'overdue', overdue: true });
    expect(followupState({ ...c, riskLevel: '低', dueInterveneOn: null, duePairOn: null }, '2027-01-01')).toEqual({ intervention: 'not_required', pairing: 'not_required', overdue: false });
  });
});

describe('progress', () => {
  it('counts per township and rolls up', () => {
    const base = { dueInterveneOn: null, duePairOn: null, intervenedOn: null, pairedOn: null };
    const high = { riskLevel: '高', dueInterveneOn: '2026-06-22', duePairOn: '2026-07-15', intervenedOn: null, pairedOn: null };
    const p = progressOf(
      [{ orgId: 'a', completedOn: '2026-06-20', reportedFound: 3 }, { orgId: 'b', completedOn: null, reportedFound: null }],
      [
        { orgId: 'a', ...high },
        { orgId: 'a', ...high, intervenedOn: '2026-06-20', pairedOn: '2026-06-21' },
        { orgId: 'a', riskLevel: '中', ...base },
        { orgId: 'b', riskLevel: '低', ...base },
        { orgId: 'x', riskLevel: '低', ...base },
      ],
      '2026-06-23',
    );
    expect(p.rows).toEqual([
      { orgId: 'a', found: 3, high: 2, medium: 1, low: 0, intervened: 1, paired: 1, overdue: 1, completed: true, completedOn: '2026-06-20', reportedFound: 3 },
      { orgId: 'b', found: 1, high: 0, medium: 0, low: 1, intervened: 0, paired: 0, overdue: 0, completed: false, completedOn: null, reportedFound: null },
    ]);
    expect(p.total).toEqual({ found: 4, high: 2, medium: 1, low: 1, intervened: 1, paired: 1, overdue: 1, completed: false, townships: 2, completedTownships: 1 });
  });
});
