import { Layout } from '../ui/Layout';
import { ErrorBox, Loading } from '../ui/states';
import { useLoad } from '../ui/use-load';
import { getCampaign } from './api';
import { VoteBox } from './VoteBox';
import { VotingWindow } from './VotingWindow';

/** One nominee: 事迹 (names and numbers masked by the server) and the vote. */
export default function NomineePage({ params }: { params: Record<string, string> }) {
  const { data: c, error, loading, reload } = useLoad(() => getCampaign(params.id), [params.id]);
  const back = `/p/campaigns/${params.id}`;
  if (!c) return <Layout title="候选对象" back={back}>{loading ? <Loading /> : <ErrorBox error={error} onRetry={reload} />}</Layout>;
  const n = c.nominees.find((x) => x.id === params.code);
  if (!n) return <Layout title="候选对象" back={back}><p className="p-muted">没有编号为 {params.code} 的候选对象。</p></Layout>;
  return (
    <Layout title={`${n.id} 号 ${n.name}`} back={back}>
      <section className="p-card">
        <h2>
          <span className="p-code">{n.id}</span> {n.name}
        </h2>
        <p className="p-muted">推荐单位：{n.unit}</p>
        {n.photoUrl ? <img className="p-photo" src={n.photoUrl} alt={`${n.name}的照片`} /> : null}
        {n.votes !== null ? <p>当前票数：{n.votes}</p> : null}
        {n.winner ? <p className="p-tag">{c.stage === 'awarded' ? '获表彰' : '拟表彰（公示中）'}</p> : null}
        <p style={{ whiteSpace: 'pre-wrap' }}>{n.deeds}</p>
        <VotingWindow campaign={c} onPassed={reload} />
      </section>
      <VoteBox campaign={c} nominee={n} onVoted={reload} />
    </Layout>
  );
}
