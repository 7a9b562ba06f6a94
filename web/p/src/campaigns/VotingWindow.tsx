import { useEffect, useRef, useState } from 'react';
import { formatChineseInstant } from '../../../../src/domain/dates';
import { serverNowMs } from '../../../shared/clock';
import type { PublicCampaign } from './api';
import './campaigns.css';

/** Whole days, hours and minutes until an instant on the server's clock: 2天3小时5分 (null once passed). */
export function countdownText(iso: string, nowMs: number): string | null {
  const ms = Date.parse(iso) - nowMs;
  if (ms <= 0) return null;
  const m = Math.ceil(ms / 60_000);
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  return `${d ? `${d}天` : ''}${d || h ? `${h}小时` : ''}${m % 60}分`;
}

/**
 * 投票时间 with a countdown to the start or the deadline, on the server's clock (web/shared/clock.ts);
 * when the countdown runs out the page asks the server again (the vote opens and closes by itself there).
 */
export function VotingWindow({ campaign: c, onPassed }: { campaign: PublicCampaign; onPassed: () => void }) {
  const [now, setNow] = useState(serverNowMs);
  useEffect(() => {
    const timer = setInterval(() => setNow(serverNowMs()), 15_000);
    return () => clearInterval(timer);
  }, []);
  const target = c.votingPhase === 'upcoming' ? c.votingStartsAt : c.votingPhase === 'open' ? c.votingEndsAt : null;
  const left = target ? countdownText(target, now) : null;
  // once per instant: the page asks the server again when the countdown runs out (never in a loop)
  const fired = useRef<string | null>(null);
  useEffect(() => {
    if (target && !left && fired.current !== target) {
      fired.current = target;
      onPassed();
    }
  }, [target, left, onPassed]);
  if (!c.votingEnabled || c.votingPhase === 'pending') return null;
  const span = `${c.votingStartsAt ? formatChineseInstant(c.votingStartsAt) : ''} 至 ${c.votingEndsAt ? formatChineseInstant(c.votingEndsAt) : '（未设截止时间）'}`;
  return (
    <div className={`p-window${c.votingPhase === 'ended' ? ' p-window-ended' : ''}`} data-testid="voting-window">
      <div>投票时间：{span}（北京时间）</div>
      {c.votingPhase === 'upcoming' && left ? <div>距投票开始还有 <strong>{left}</strong></div> : null}
      {c.votingPhase === 'open' && left ? <div>距投票截止还有 <strong>{left}</strong></div> : null}
      {c.votingPhase === 'ended' ? <div>投票已截止，感谢参与</div> : null}
    </div>
  );
}
