import { Layout } from '../ui/Layout';
import { ErrorBox, Loading } from '../ui/states';
import { useLoad } from '../ui/use-load';
import { getCampaign } from './api';

/** 投票结果: counts by nominee, shown only when the organizer lets them be seen. */
export default function ResultsPage({ params }: { params: Record<string, string> }) {
  const { data: c, error, loading, reload } = useLoad(() => getCampaign(params.id), [params.id]);
  const back = `/p/campaigns/${params.id}`;
  if (!c) return <Layout title="投票结果" back={back}>{loading ? <Loading /> : <ErrorBox error={error} onRetry={reload} />}</Layout>;
  if (!c.resultsVisible) {
    // no public voting in this campaign: there are no counts to wait for, only the 公示/表彰名单
    const winners = c.nominees.filter((n) => n.winner);
    return (
      <Layout title="评选结果" back={back}>
        <section className="p-card" data-testid="results-no-votes">
          <h2>{c.name}</h2>
          <p className="p-muted">{c.votingEnabled ? '票数将在投票结束后公布。' : '本次评选未设网上投票，结果以评委评审和公示为准。'}</p>
          {c.publicity && winners.length > 0 ? (
            <>
              <h2>{c.stage === 'awarded' ? '表彰名单' : '公示名单'}</h2>
              <ul className="p-list">
                {winners.map((n) => (
                  <li key={n.id}>
                    <span className="p-code">{n.id}</span> {n.name}（{n.unit}）
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      </Layout>
    );
  }
  const ranked = [...c.nominees].sort((a, b) => (b.votes ?? 0) - (a.votes ?? 0) || a.id.localeCompare(b.id));
  const max = Math.max(1, ...ranked.map((n) => n.votes ?? 0));
  return (
    <Layout title="投票结果" back={back}>
      <section className="p-card">
        <h2>{c.name}</h2>
        <p className="p-muted">{c.votingOpen ? '投票进行中，票数实时更新' : '投票已结束'}；最终结果以评委评审和公示为准。</p>
        <ol className="p-list">
          {ranked.map((n) => (
            <li key={n.id} className="p-item">
              <span className="p-code">{n.id}</span>
              <span className="p-grow">
                {n.name}
                <span className="p-bar-chart" aria-hidden="true">
                  <span style={{ width: `${(100 * (n.votes ?? 0)) / max}%` }} />
                </span>
              </span>
              <span>{n.votes} 票</span>
            </li>
          ))}
        </ol>
      </section>
    </Layout>
  );
}
