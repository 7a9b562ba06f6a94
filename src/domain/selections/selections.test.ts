import { describe, expect, it } from 'vitest';
import { burstMinutes, isNightHour, minutesBetween, shanghaiHour } from './anomalies';
import { nomineeCode } from './kinds';
import { formatScore, scoreNominees } from './scoring';
import { type CampaignShape, checkAdvance, nextStage, publicityPeriod, type StageFacts } from './stages';

const facts = (f: Partial<StageFacts> = {}): StageFacts => ({ pending: 0, accepted: 3, unscored: 0, unansweredObjections: 0, today: '2026-07-01', publicityTo: null, unconsented: [], now: '2026-07-01T02:00:00.000Z', votingStartsAt: null, votingEndsAt: '2026-07-08T12:00:00.000Z', ...f });
const shape = (stage: CampaignShape['stage'], votingEnabled = true, juryEnabled = true): CampaignShape => ({ stage, votingEnabled, juryEnabled });

describe('stage machine', () => {
  it('walks 提名 → 审核 → 投票 → 评审 → 公示 → 表彰, skipping the optional stages', () => {
    const walk = (v: boolean, j: boolean) => {
      const seen = [];
      for (let s: CampaignShape['stage'] | null = 'nomination'; s; s = nextStage(shape(s, v, j))) seen.push(s);
      return seen;
    };
    expect(walk(true, true)).toEqual(['nomination', 'review', 'voting', 'jury', 'publicity', 'awarded']);
    expect(walk(false, true)).toEqual(['nomination', 'review', 'jury', 'publicity', 'awarded']);
    expect(walk(true, false)).toEqual(['nomination', 'review', 'voting', 'publicity', 'awarded']);
    expect(walk(false, false)).toEqual(['nomination', 'review', 'publicity', 'awarded']);
  });

  it('refuses in Chinese when a stage is not finished', () => {
    expect(checkAdvance(shape('nomination'), 'review', facts({ accepted: 0 }))).toMatchObject({ ok: false, status: 'RULE_VIOLATED', message: '尚无提名，不能进入审核' });
    expect(checkAdvance(shape('review'), 'voting', facts({ pending: 2 }))).toMatchObject({ ok: false, message: '还有 2 个提名未审核' });
    expect(checkAdvance(shape('review'), 'voting', facts({ accepted: 0 }))).toMatchObject({ ok: false, message: '没有审核通过的候选对象' });
    expect(checkAdvance(shape('jury'), 'publicity', facts({ unscored: 1 }))).toMatchObject({ ok: false, message: '还有 1 个候选对象没有评委打分' });
    expect(checkAdvance(shape('publicity'), 'awarded', facts({ publicityTo: '2026-07-01' }))).toMatchObject({ ok: false, message: '公示期至 2026-07-01 结束，期满后方可表彰' });
    expect(checkAdvance(shape('publicity'), 'awarded', facts({ publicityTo: '2026-06-30', unansweredObjections: 1 }))).toMatchObject({ ok: false, message: '还有 1 条异议未答复，答复后方可表彰' });
    expect(checkAdvance(shape('publicity'), 'awarded', facts({ publicityTo: '2026-06-30' }))).toEqual({ ok: true, from: 'publicity', to: 'awarded' });
  });

  it('refuses a skipped or stale stage with a conflict', () => {
    expect(checkAdvance(shape('nomination'), 'voting', facts())).toMatchObject({ ok: false, status: 'CONFLICT' });
    expect(checkAdvance(shape('review', false, true), 'voting', facts())).toMatchObject({ ok: false, status: 'CONFLICT' });
    expect(checkAdvance(shape('awarded'), 'awarded', facts())).toMatchObject({ ok: false, status: 'CONFLICT', message: '评选已表彰结束，不能再变更阶段' });
  });

  it('a publicity period of 7 days starting today ends 6 days later', () => {
    expect(publicityPeriod('2026-12-28', 7)).toEqual({ from: '2026-12-28', to: '2027-01-03' });
  });
});

describe('final scores', () => {
  const list = [
    { id: 'a', seq: 1, votes: 100, juryScores: [80, 90] },
    { id: 'b', seq: 2, votes: 50, juryScores: [95, 95] },
    { id: 'c', seq: 3, votes: 0, juryScores: [60] },
  ];
  it('weights jury and public 70/30 in hundredths of a point', () => {
    const r = scoreNominees(list, { votingEnabled: true, juryEnabled: true, juryWeight: 70 });
    // a: jury 85.00, public 100.00 → 89.50; b: jury 95.00, public 50.00 → 81.50; c: 60 × 0.7 = 42.00
    expect(r.map((x) => [x.id, x.jury, x.public, x.final, x.rank])).toEqual([
      ['a', 8500, 10000, 8950, 1],
      ['b', 9500, 5000, 8150, 2],
      ['c', 6000, 0, 4200, 3],
    ]);
    expect(formatScore(8950)).toBe('89.50');
  });
  it('uses the jury alone without a vote, the votes alone without a jury, and ranks ties together', () => {
    expect(scoreNominees(list, { votingEnabled: false, juryEnabled: true, juryWeight: 70 }).map((x) => x.id)).toEqual(['b', 'a', 'c']);
    const tie = scoreNominees([{ id: 'x', seq: 2, votes: 7, juryScores: [] }, { id: 'y', seq: 1, votes: 7, juryScores: [] }], { votingEnabled: true, juryEnabled: false, juryWeight: 0 });
    expect(tie.map((x) => [x.id, x.final, x.rank])).toEqual([['y', 10000, 1], ['x', 10000, 1]]);
  });
  it('rounds a third half up', () => {
    const r = scoreNominees([{ id: 'a', seq: 1, votes: 0, juryScores: [90, 90, 91] }], { votingEnabled: false, juryEnabled: true, juryWeight: 100 });
    expect(r[0].jury).toBe(9033);
  });
});

describe('anomaly rules', () => {
  it('flags a minute far above the usual and night hours in Asia/Shanghai', () => {
    const minutes = [...Array.from({ length: 9 }, (_, i) => ({ minute: `m${i}`, votes: 2 })), { minute: 'burst', votes: 40 }];
    expect(burstMinutes(minutes, 10)).toEqual([{ minute: 'burst', votes: 40 }]);
    // every vote in one minute of a vote open for three days: a burst, though no other minute had a vote
    expect(burstMinutes([{ minute: 'only', votes: 300 }], 3 * 24 * 60)).toEqual([{ minute: 'only', votes: 300 }]);
    // 30 a minute for ten minutes of a three-day vote: ten bursts; the same ten minutes as the whole vote: none
    const spread = Array.from({ length: 10 }, (_, i) => ({ minute: `s${i}`, votes: 30 }));
    expect(burstMinutes(spread, 3 * 24 * 60)).toHaveLength(10);
    expect(burstMinutes(spread, 10)).toEqual([]);
    // a steady busy vote is not a burst; a small minute never is
    expect(burstMinutes(Array.from({ length: 600 }, (_, i) => ({ minute: `d${i}`, votes: 25 })), 720)).toEqual([]);
    expect(burstMinutes([{ minute: 'few', votes: 19 }], 10_000)).toEqual([]);
    expect(minutesBetween('2026-06-15T02:00:59.000Z', '2026-06-15T02:01:00.000Z')).toBe(2);
    expect(minutesBetween('2026-06-15T02:00:00.000Z', '2026-06-18T02:00:00.000Z')).toBe(3 * 24 * 60 + 1);
    expect(shanghaiHour(new Date('2026-06-15T17:30:00Z'))).toBe(1);
    expect(isNightHour(shanghaiHour(new Date('2026-06-15T17:30:00Z')))).toBe(true);
    expect(isNightHour(shanghaiHour(new Date('2026-06-15T22:00:00Z')))).toBe(false);
    expect(nomineeCode(7)).toBe('007');
  });
});
