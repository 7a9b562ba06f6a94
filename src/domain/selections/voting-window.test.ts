import { describe, expect, it } from 'vitest';
import { consentLabels, displayNameIssue, isChild, namesToMask, publicNomineeName } from './publication';
import { checkAdvance } from './stages';
import { votingPhase, voteRefusal, votingTimesIssue, type VotingWindow } from './voting-window';

const w = (f: Partial<VotingWindow> = {}): VotingWindow => ({ stage: 'voting', votingEnabled: true, startsAt: '2026-06-16T00:00:00.000Z', endsAt: '2026-06-20T12:00:00.000Z', ...f });

describe('the vote window (投票开始/截止)', () => {
  it('opens at the start and closes at the deadline by itself', () => {
    expect(votingPhase(w(), '2026-06-15T23:59:59.999Z')).toBe('upcoming');
    expect(votingPhase(w(), '2026-06-16T00:00:00.000Z')).toBe('open');
    expect(votingPhase(w(), '2026-06-20T11:59:59.999Z')).toBe('open');
    expect(votingPhase(w(), '2026-06-20T12:00:00.000Z')).toBe('ended');
    expect(votingPhase(w({ stage: 'review' }), '2026-06-17T00:00:00.000Z')).toBe('pending');
    expect(votingPhase(w({ stage: 'jury' }), '2026-06-17T00:00:00.000Z')).toBe('ended');
    expect(votingPhase(w({ votingEnabled: false }), '2026-06-17T00:00:00.000Z')).toBe('off');
  });

  it('says why a vote is refused, with the time in Beijing time', () => {
    expect(voteRefusal(w(), '2026-06-15T10:00:00.000Z')).toBe('投票将于 2026年6月16日 08:00 开始，现在还不能投票');
    expect(voteRefusal(w(), '2026-06-20T12:00:00.000Z')).toBe('投票已于 2026年6月20日 20:00 截止，不能再投票');
    expect(voteRefusal(w(), '2026-06-17T00:00:00.000Z')).toBeNull();
    expect(voteRefusal(w({ votingEnabled: false }), '2026-06-17T00:00:00.000Z')).toBe('本次评选不设网络投票');
  });

  it('checks changes to the window by stage', () => {
    const now = '2026-06-17T00:00:00.000Z';
    expect(votingTimesIssue(w({ stage: 'review' }), { startsAt: '2026-06-20T00:00:00.000Z', endsAt: '2026-06-19T00:00:00.000Z' }, now)).toEqual({ path: 'votingEndsAt', message: '投票截止时间应晚于开始时间' });
    expect(votingTimesIssue(w(), { startsAt: '2026-06-18T00:00:00.000Z', endsAt: w().endsAt }, now)?.message).toBe('投票已于 2026年6月16日 08:00 开始，不能再修改开始时间');
    expect(votingTimesIssue(w(), { startsAt: w().startsAt, endsAt: '2026-06-16T12:00:00.000Z' }, now)?.message).toBe('新的截止时间应晚于现在');
    expect(votingTimesIssue(w(), { startsAt: w().startsAt, endsAt: '2026-06-25T12:00:00.000Z' }, now)).toBeNull();
    expect(votingTimesIssue(w({ stage: 'jury' }), { startsAt: w().startsAt, endsAt: '2026-06-25T12:00:00.000Z' }, now)?.message).toBe('投票阶段已结束，不能再修改投票时间');
  });

  it('lets a campaign into 投票 only with a deadline ahead and every nominee consenting to publication', () => {
    const facts = { pending: 0, accepted: 2, unscored: 2, unansweredObjections: 0, today: '2026-06-15', publicityTo: null, now: '2026-06-15T02:00:00.000Z', votingStartsAt: null, votingEndsAt: null, unconsented: [] };
    const shape = { stage: 'review' as const, votingEnabled: true, juryEnabled: true };
    expect(checkAdvance(shape, 'voting', facts)).toMatchObject({ ok: false, message: '请先点“设置投票时间”填写投票截止时间，再进入投票阶段' });
    expect(checkAdvance(shape, 'voting', { ...facts, votingEndsAt: '2026-06-15T01:00:00.000Z' })).toMatchObject({ ok: false, message: '投票截止时间 2026年6月15日 09:00 已过，请修改后再进入投票阶段' });
    expect(checkAdvance(shape, 'voting', { ...facts, votingEndsAt: '2026-06-20T12:00:00.000Z', unconsented: ['002 丁*家庭（甲镇妇联）'] })).toMatchObject({
      ok: false,
      message: '候选对象须登记本人或监护人同意公开后才能进入“投票”（公众页面将展示其名称、照片和事迹）。尚未登记同意：002 丁*家庭（甲镇妇联）',
    });
    expect(checkAdvance(shape, 'voting', { ...facts, votingEndsAt: '2026-06-20T12:00:00.000Z' })).toEqual({ ok: true, from: 'review', to: 'voting' });
    expect(checkAdvance({ ...shape, votingEnabled: false, juryEnabled: false }, 'publicity', { ...facts, unconsented: ['001 王**'] })).toMatchObject({ ok: false });
  });
});

describe('publication of nominees', () => {
  it('shows the display name only with a consent and never for a child', () => {
    expect(publicNomineeName({ maskedName: '丁*家庭', displayName: '丁梅家庭', consent: 'self', child: false })).toBe('丁梅家庭');
    expect(publicNomineeName({ maskedName: '丁*家庭', displayName: '丁梅家庭', consent: null, child: false })).toBe('丁*家庭');
    expect(publicNomineeName({ maskedName: '王**', displayName: '王小明', consent: 'guardian', child: true })).toBe('王**');
    expect(consentLabels.guardian).toBe('监护人已同意公开');
  });
  it('refuses numbers and children in display names, and masks everyone not shown', () => {
    expect(displayNameIssue('丁梅 13912345678', false)).toBe('公开展示名称不能含电话号码或身份证号');
    expect(displayNameIssue('王小明', true)).toMatch(/未成年人不公开姓名/);
    expect(displayNameIssue('丁梅家庭', false)).toBeNull();
    expect(namesToMask(['丁梅', '丁小宝', '李强'], new Set(['丁小宝']), '丁梅家庭')).toEqual(['丁小宝', '李强']);
    expect(namesToMask(['丁梅'], new Set(), null)).toEqual(['丁梅']);
    expect(isChild('2010-06-16', '2028-06-15')).toBe(true);
    expect(isChild('2010-06-15', '2028-06-15')).toBe(false);
  });
});
