import { formatChineseInstant } from '../dates';
import type { Stage } from './kinds';

/**
 * The public vote's window (投票开始/截止). Whether a vote is taken is derived at every read and every
 * vote from the stage, the two instants and the server's clock: the window opens and closes by itself
 * (no clerk clicking at midnight, no timer), and two server instances on one database always agree.
 * Instants are ISO-8601 UTC strings, compared as text.
 */
export type VotingPhase = 'off' | 'pending' | 'upcoming' | 'open' | 'ended';
export const votingPhaseLabels: Record<VotingPhase, string> = { off: '不设网络投票', pending: '尚未进入投票阶段', upcoming: '投票未开始', open: '投票进行中', ended: '投票已截止' };

export interface VotingWindow {
  stage: Stage;
  votingEnabled: boolean;
  startsAt: string | null;
  endsAt: string | null;
}

export function votingPhase(c: VotingWindow, now: string): VotingPhase {
  if (!c.votingEnabled) return 'off';
  switch (c.stage) {
    case 'nomination':
    case 'review':
      return 'pending';
    case 'voting':
      if (c.startsAt && now < c.startsAt) return 'upcoming';
      if (c.endsAt && now >= c.endsAt) return 'ended';
      return 'open';
    case 'jury':
    case 'publicity':
    case 'awarded':
      return 'ended';
  }
}

/** Why a vote sent at `now` is refused, in the voter's words; null while the vote is open. */
export function voteRefusal(c: VotingWindow, now: string): string | null {
  switch (votingPhase(c, now)) {
    case 'open':
      return null;
    case 'off':
      return '本次评选不设网络投票';
    case 'pending':
      return '投票尚未开始';
    case 'upcoming':
      return `投票将于 ${formatChineseInstant(c.startsAt as string)} 开始，现在还不能投票`;
    case 'ended':
      return c.endsAt && c.endsAt <= now && c.stage === 'voting' ? `投票已于 ${formatChineseInstant(c.endsAt)} 截止，不能再投票` : '投票已结束，不能再投票';
  }
}

/** The instants as stored: ISO-8601 UTC, or null. */
export function toInstant(value: string | null | undefined): string | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/**
 * May the organizer set the window to (startsAt, endsAt) now? `current` is the stored window.
 * Returns the problem with the field it concerns, or null.
 */
export function votingTimesIssue(current: VotingWindow, next: { startsAt: string | null; endsAt: string | null }, now: string): { path: 'votingStartsAt' | 'votingEndsAt'; message: string } | null {
  if (!current.votingEnabled && (next.startsAt || next.endsAt)) return { path: 'votingStartsAt', message: '本次评选不设网络投票，无需设置投票时间' };
  if (current.stage === 'jury' || current.stage === 'publicity' || current.stage === 'awarded') {
    if (next.startsAt !== current.startsAt || next.endsAt !== current.endsAt) return { path: 'votingEndsAt', message: '投票阶段已结束，不能再修改投票时间' };
    return null;
  }
  if (next.startsAt && next.endsAt && next.endsAt <= next.startsAt) return { path: 'votingEndsAt', message: '投票截止时间应晚于开始时间' };
  if (current.stage === 'voting') {
    const started = !current.startsAt || current.startsAt <= now;
    if (started && next.startsAt !== current.startsAt) return { path: 'votingStartsAt', message: `投票已于 ${current.startsAt ? formatChineseInstant(current.startsAt) : '进入投票阶段时'} 开始，不能再修改开始时间` };
    if (!next.endsAt) return { path: 'votingEndsAt', message: '投票阶段中须有截止时间' };
    if (next.endsAt !== current.endsAt && next.endsAt <= now) return { path: 'votingEndsAt', message: '新的截止时间应晚于现在' };
  }
  return null;
}

/** What entering 投票 needs: a deadline still ahead. */
export function votingEntryIssue(w: { startsAt: string | null; endsAt: string | null }, now: string): string | null {
  if (!w.endsAt) return '请先点“设置投票时间”填写投票截止时间，再进入投票阶段';
  if (w.endsAt <= now) return `投票截止时间 ${formatChineseInstant(w.endsAt)} 已过，请修改后再进入投票阶段`;
  return null;
}
