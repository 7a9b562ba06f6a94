import { Layout } from '../ui/Layout';
import { PhoneVerify } from '../ui/PhoneVerify';
import { Link } from '../ui/router';
import { Empty, ErrorBox, Loading } from '../ui/states';
import { useVerifiedList } from '../ui/use-verified-list';
import { type MyObjection, myObjections } from './api';
import { formatChineseInstant } from '../../../../src/domain/dates';

const when = formatChineseInstant;

/** /p/my-objections — the objector's own 公示 objections and the organizers' answers, by the verified phone's token. */
export default function MyObjectionsPage() {
  const { token, setToken, items, error } = useVerifiedList<MyObjection>('objection', myObjections);

  return (
    <Layout title="我的公示异议" back="/p">
      {!token ? (
        <PhoneVerify purpose="objection" hint="请验证提出异议时使用的手机号，查看您的异议和主办单位的答复。" onVerified={setToken} />
      ) : error ? (
        <ErrorBox error={error} />
      ) : items === null ? (
        <Loading />
      ) : items.length === 0 ? (
        <Empty>您还没有提出过异议。</Empty>
      ) : (
        <ul className="p-list" data-testid="my-objections">
          {items.map((o) => (
            <li key={o.id} className="p-card">
              <h2>
                <Link to={`/p/campaigns/${o.campaignId}`}>{o.campaignName}</Link>
              </h2>
              <p className="p-muted">
                {o.nomineeId ? `针对 ${o.nomineeId} 号 ${o.nomineeName ?? ''}` : '针对本次评选'} · {when(o.createdAt)}
              </p>
              <p>{o.content}</p>
              {o.answer ? (
                <p className="p-ok" data-testid="objection-answer">
                  主办单位答复{o.answeredAt ? `（${when(o.answeredAt)}）` : ''}：{o.answer}
                </p>
              ) : (
                <span className="p-tag">待答复</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
