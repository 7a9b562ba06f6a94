import { useState } from 'react';
import { PublicApiError } from '../ui/http';
import { PhoneVerify } from '../ui/PhoneVerify';
import { clearPublicToken, readPublicToken } from '../ui/public-token';
import { castVote, type PublicCampaign, type PublicNominee } from './api';

/** Votes for one nominee: asks for a verified phone first when the tab has none, then casts the vote. */
export function VoteBox({ campaign, nominee, onVoted }: { campaign: PublicCampaign; nominee: PublicNominee; onVoted: () => void }) {
  const [token, setToken] = useState(() => readPublicToken('vote'));
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  const vote = async (t: string) => {
    setBusy(true);
    setResult(null);
    try {
      const r = await castVote(campaign.id, nominee.id, t);
      setResult({ ok: true, text: `投票成功！今天还可投 ${r.remainingToday} 票，本次评选还可投 ${r.remainingInCampaign} 票。` });
      onVoted();
    } catch (e) {
      if (e instanceof PublicApiError && e.status === 401) {
        clearPublicToken('vote');
        setToken(null);
      }
      setResult({ ok: false, text: e instanceof PublicApiError ? e.message : '网络异常，请稍后重试' });
    } finally {
      setBusy(false);
    }
  };

  if (!campaign.votingOpen) return null;
  if (!token) {
    return (
      <PhoneVerify
        purpose="vote"
        hint={`为 ${nominee.id} 号 ${nominee.name} 投票前，请先验证手机号（每个手机号每天最多 ${campaign.votesPerDay} 票）。`}
        onVerified={(t) => {
          setToken(t);
          void vote(t.token);
        }}
      />
    );
  }
  return (
    <div className="p-card p-form">
      <p className="p-muted">已验证手机 {token.phoneMasked}</p>
      <button type="button" className="p-btn p-btn-block" disabled={busy} onClick={() => void vote(token.token)}>
        为 {nominee.id} 号投一票
      </button>
      {result ? (
        <p className={result.ok ? 'p-ok' : 'p-error'} role={result.ok ? 'status' : 'alert'}>
          {result.text}
        </p>
      ) : null}
    </div>
  );
}
