import { describe, expect, it } from 'vitest';
import { checkWithdraw } from './withdrawal';

describe('checkWithdraw', () => {
  const base = { stage: 'nomination', status: 'nominated', mayActForUnit: true } as const;
  it('allows a pending or accepted nomination in 提名 and 审核', () => {
    expect(checkWithdraw(base)).toEqual({ ok: true });
    expect(checkWithdraw({ ...base, stage: 'review', status: 'accepted' })).toEqual({ ok: true });
  });
  it('refuses after voting or jury started, for a rejected one, for another unit, and twice', () => {
    for (const stage of ['voting', 'jury', 'publicity', 'awarded'] as const) expect(checkWithdraw({ ...base, stage, status: 'accepted' })).toMatchObject({ ok: false, status: 'RULE_VIOLATED' });
    expect(checkWithdraw({ ...base, status: 'rejected' })).toMatchObject({ ok: false, status: 'RULE_VIOLATED', message: '该提名“未通过”，名额已退回，无需撤回' });
    expect(checkWithdraw({ ...base, mayActForUnit: false })).toMatchObject({ ok: false, status: 'RULE_VIOLATED' });
    expect(checkWithdraw({ ...base, status: 'withdrawn' })).toMatchObject({ ok: false, status: 'CONFLICT', message: '该提名已撤回' });
  });
});
