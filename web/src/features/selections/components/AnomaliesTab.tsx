import { App, Button, Card, Descriptions, Empty, List, Typography } from 'antd';
import { useState } from 'react';
import { useRequest } from '../../../ui/use-request';
import { type Campaign, campaignsApi } from '../api';
import { ReasonModal } from './ReasonModal';
import { anomalyRules } from '../../../../../src/domain/selections/anomalies';
import { showInstant } from '../../../ui/dates';

type Target = { group: 'minute' | 'address' | 'night'; key?: string; label: string };

/** 投票监测: bursts per minute, many voters behind one address, night votes; voiding a group needs a reason. */
export function AnomaliesTab({ campaign, onChanged }: { campaign: Campaign; onChanged: () => void }) {
  const { data, loading, reload } = useRequest(() => campaignsApi.anomalies(campaign.id), [campaign.id]);
  const [target, setTarget] = useState<Target | null>(null);
  const { message } = App.useApp();
  const canVoid = campaign.canManage && ['voting', 'jury', 'publicity'].includes(campaign.stage);
  const voidButton = (t: Target) => (canVoid ? <Button size="small" danger onClick={() => setTarget(t)}>作废</Button> : null);
  const utcMinuteToLocal = (m: string) => showInstant(`${m}:00Z`);
  return (
    <Card loading={loading}>
      {data ? (
        <>
          <Descriptions size="small" column={{ xs: 1, sm: 3 }} items={[
            { key: 't', label: '有效票', children: data.totalVotes },
            { key: 'v', label: '已作废', children: data.voidedVotes },
            { key: 'n', label: '夜间（0–6 时）投票', children: <>{data.nightVotes} {data.nightVotes ? voidButton({ group: 'night', label: '全部夜间投票' }) : null}</> },
          ]} />
          <Typography.Title level={5}>集中时段（每分钟票数异常）</Typography.Title>
          <Typography.Paragraph type="secondary">
            某一分钟达到 {anomalyRules.burstMinVotes} 票，且是整个投票期（从开始投票到结束或现在）平均每分钟票数的 {anomalyRules.burstFactor} 倍以上
          </Typography.Paragraph>
          {data.bursts.length ? (
            <List size="small" dataSource={data.bursts} renderItem={(b) => <List.Item actions={[voidButton({ group: 'minute', key: b.minute, label: `${utcMinuteToLocal(b.minute)} 这一分钟的投票` })]}>{utcMinuteToLocal(b.minute)}：{b.votes} 票</List.Item>} />
          ) : <Empty description="未发现集中投票" image={Empty.PRESENTED_IMAGE_SIMPLE} />}
          <Typography.Title level={5}>同一网络地址（IP）多人投票</Typography.Title>
          {data.addresses.length ? (
            <List size="small" dataSource={data.addresses} renderItem={(a) => <List.Item actions={[voidButton({ group: 'address', key: a.addressHash, label: `网络地址 ${a.addressHash.slice(0, 8)} 的投票` })]}>网络地址 {a.addressHash.slice(0, 8)}…：{a.voters} 人，{a.votes} 票</List.Item>} />
          ) : <Empty description="未发现同一网络地址（IP）多人投票" image={Empty.PRESENTED_IMAGE_SIMPLE} />}
        </>
      ) : null}
      <ReasonModal
        open={target !== null}
        title={`作废${target?.label ?? ''}`}
        label="作废理由"
        okText="确定作废"
        onClose={() => setTarget(null)}
        onSubmit={async (reason) => {
          const t = target as Target;
          const r = await campaignsApi.voidVotes(campaign.id, { group: t.group, key: t.key, reason });
          setTarget(null);
          void message.success(`已作废 ${r.voided} 票`);
          reload();
          onChanged();
        }}
      />
    </Card>
  );
}
