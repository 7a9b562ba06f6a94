import { describe, expect, it } from 'vitest';
import { addDays, deadlineDays, deadlineView } from './deadlines';
import { allowedActions, caseStatuses, nextStatus } from './flow';
import { isMinor, listPartyName } from './parties';

describe('case flow', () => {
  it('walks 登记 → 受理 → 办理 → 办结 → 回访 → 归档 and reopens', () => {
    expect(nextStatus('登记', 'accept')).toEqual({ ok: true, to: '受理' });
    expect(nextStatus('受理', 'assign')).toEqual({ ok: true, to: '办理' });
    expect(nextStatus('办理', 'close')).toEqual({ ok: true, to: '办结' });
    expect(nextStatus('办结', 'followup')).toEqual({ ok: true, to: '回访' });
    expect(nextStatus('回访', 'followup')).toEqual({ ok: true, to: '回访' });
    expect(nextStatus('回访', 'archive')).toEqual({ ok: true, to: '归档' });
    expect(nextStatus('归档', 'reopen')).toEqual({ ok: true, to: '办理' });
    expect(nextStatus('转办中', 'refuse_transfer')).toEqual({ ok: true, to: 'back' });
  });

  it('refuses illegal transitions naming the status and the allowed actions', () => {
    expect(nextStatus('登记', 'close')).toEqual({ ok: false, message: '个案当前状态为“登记”，不能“办结”；可进行的操作：受理、不予受理' });
    expect(nextStatus('办结', 'archive')).toEqual({ ok: false, message: '个案当前状态为“办结”，不能“归档”；可进行的操作：回访、重新办理' });
    expect(nextStatus('不予受理', 'reopen')).toMatchObject({ ok: false, message: expect.stringContaining('已不能再办理') });
    for (const s of caseStatuses) for (const a of allowedActions(s)) expect(nextStatus(s, a).ok).toBe(true);
  });
});

describe('case deadlines', () => {
  it('defaults to 15/60 days, 7 days for a high-risk child, unit setting tightens or loosens', () => {
    expect(deadlineDays('信访', null, null)).toEqual({ acceptDays: 15, handleDays: 60 });
    expect(deadlineDays('困境儿童', '高', null)).toEqual({ acceptDays: 15, handleDays: 7 });
    expect(deadlineDays('困境儿童', '中', null)).toEqual({ acceptDays: 15, handleDays: 60 });
    expect(deadlineDays('困境儿童', '高', { acceptDays: 3, handleDays: 5 })).toEqual({ acceptDays: 3, handleDays: 5 });
    expect(deadlineDays('困境儿童', '高', { acceptDays: 3, handleDays: 30 })).toEqual({ acceptDays: 3, handleDays: 7 });
    expect(addDays('2026-02-20', 15)).toBe('2026-03-07');
  });

  it('is overdue past the due date, due soon within 3 days, none once the step is done', () => {
    const c = { status: '登记' as const, dueAcceptOn: '2026-06-30', dueHandleOn: null };
    expect(deadlineView(c, '2026-06-26')).toMatchObject({ state: 'on_time', daysLeft: 4 });
    expect(deadlineView(c, '2026-06-27')).toMatchObject({ state: 'due_soon', daysLeft: 3 });
    expect(deadlineView(c, '2026-06-30')).toMatchObject({ state: 'due_soon', daysLeft: 0 });
    expect(deadlineView(c, '2026-07-01')).toMatchObject({ state: 'overdue', daysLeft: -1, step: 'accept' });
    expect(deadlineView({ ...c, status: '办理', dueHandleOn: '2026-08-01' }, '2026-08-02')).toMatchObject({ state: 'overdue', step: 'handle' });
    expect(deadlineView({ ...c, status: '办结' }, '2027-01-01')).toMatchObject({ state: 'none', step: null });
  });
});

describe('children’s names', () => {
  it('masks parties of child cases and minors', () => {
    expect(isMinor('2010-06-15', '2028-06-14')).toBe(true);
    expect(isMinor('2010-06-15', '2028-06-15')).toBe(false);
    expect(listPartyName({ name: '王小明', role: '监护人', birthDate: null }, '困境儿童', '2026-01-01')).toBe('王**');
    expect(listPartyName({ name: '李小红', role: '当事人', birthDate: '2015-01-01' }, '纠纷调解', '2026-01-01')).toBe('李**');
    expect(listPartyName({ name: '李秀英', role: '当事人', birthDate: '1980-01-01' }, '纠纷调解', '2026-01-01')).toBe('李秀英');
  });
});
