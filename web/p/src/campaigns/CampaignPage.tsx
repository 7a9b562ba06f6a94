import { Layout } from '../ui/Layout';
import { Link } from '../ui/router';
import { ErrorBox, Loading } from '../ui/states';
import { useLoad } from '../ui/use-load';
import { getCampaign } from './api';
import { ObjectionForm } from './ObjectionForm';
import { VotingWindow } from './VotingWindow';
import { formatChineseDate } from '../../../../src/domain/dates';

/** The campaign on a phone: rules, the nominees by code with masked names, votes (when shown), 公示. */
export default function CampaignPage({ params }: { params: Record<string, string> }) {
  const { data: c, error, loading, reload } = useLoad(() => getCampaign(params.id), [params.id]);
  if (!c) return <Layout title="评选">{loading ? <Loading /> : <ErrorBox error={error} onRetry={reload} />}</Layout>;
  const max = Math.max(1, ...c.nominees.map((n) => n.votes ?? 0));
  const winners = c.nominees.filter((n) => n.winner);
  return (
    <Layout title={c.name}>
      <section className="p-card">
        <h2>{c.name}</h2>
        <p className="p-muted">
          {c.organizer} · {c.kind} · <span className="p-tag">{c.stageLabel}</span>
        </p>
        {c.description ? <p>{c.description}</p> : null}
        <VotingWindow campaign={c} onPassed={reload} />
        {c.votingOpen ? <p className="p-muted">投票进行中：每个手机号每天最多 {c.votesPerDay} 票（每位候选对象每天 1 票），本次评选共 {c.votesPerCampaign} 票。</p> : null}
        {c.votingEnabled && !c.resultsVisible ? <p className="p-muted">票数将在投票结束后公布。</p> : null}
        {c.resultsVisible ? <Link to={`/p/campaigns/${c.id}/results`}>查看投票结果 ›</Link> : null}
      </section>
      {c.publicity ? (
        <section className="p-card">
          <h2>{c.stage === 'awarded' ? '表彰名单' : '公示名单'}</h2>
          {c.stage !== 'awarded' ? <p className="p-muted">公示期：{formatChineseDate(c.publicity.from ?? '')} 至 {formatChineseDate(c.publicity.to ?? '')}</p> : <p className="p-muted">表彰日期：{c.awardedOn ? formatChineseDate(c.awardedOn) : ''}</p>}
          <ul className="p-list">
            {winners.map((n) => (
              <li key={n.id}>
                <span className="p-code">{n.id}</span> {n.name}（{n.unit}）
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {c.objectionsOpen ? <ObjectionForm campaign={c} /> : null}
      <section className="p-card">
        <h2>候选{c.nomineeTypeLabel}（{c.nominees.length}）</h2>
        <ul className="p-list">
          {c.nominees.map((n) => (
            <li key={n.id}>
              <Link to={`/p/campaigns/${c.id}/nominees/${n.id}`} className="p-item">
                <span className="p-code">{n.id}</span>
                {n.photoUrl ? <img className="p-thumb" src={n.photoUrl} alt="" loading="lazy" /> : null}
                <span className="p-grow">
                  {n.name}
                  <br />
                  <span className="p-muted">{n.unit}</span>
                  {n.votes !== null ? (
                    <span className="p-bar-chart" aria-hidden="true">
                      <span style={{ width: `${(100 * n.votes) / max}%` }} />
                    </span>
                  ) : null}
                </span>
                {n.votes !== null ? <span>{n.votes} 票</span> : null}
                {c.votingOpen ? <span className="p-btn p-btn-ghost">投票</span> : null}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </Layout>
  );
}
