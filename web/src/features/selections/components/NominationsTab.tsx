import { App, Button, Flex, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useApiError } from '../../../ui/use-api-error';
import { useRequest } from '../../../ui/use-request';
import { type Campaign, campaignsApi, type Nomination } from '../api';
import { NominateModal } from './NominateModal';
import { ReasonModal } from './ReasonModal';

const statusColor = { nominated: 'gold', accepted: 'green', rejected: 'default' } as const;

/** 提名、审核、评委评分 and the ranking, in one table. */
export function NominationsTab({ campaign, onChanged }: { campaign: Campaign; onChanged: () => void }) {
  const { data, loading, reload } = useRequest(() => campaignsApi.nominations(campaign.id), [campaign.id, campaign.stage]);
  const [nominating, setNominating] = useState(false);
  const [rejecting, setRejecting] = useState<Nomination | null>(null);
  const [scores, setScores] = useState<Record<string, number | null>>({});
  const { message } = App.useApp();
  const showError = useApiError();
  const manage = campaign.canManage;
  const canReview = manage && (campaign.stage === 'nomination' || campaign.stage === 'review');
  const canScore = manage && campaign.stage === 'jury';
  const refresh = () => {
    reload();
    onChanged();
  };
  const act = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      void message.success(done);
      refresh();
    } catch (e) {
      showError(e);
    }
  };
  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }} wrap gap={8}>
        <Typography.Text type="secondary">
          {campaign.quotas.map((q) => `${q.orgName} ${q.used}/${q.quota}`).join('；')}
        </Typography.Text>
        {campaign.stage === 'nomination' ? (
          <Button type="primary" onClick={() => setNominating(true)}>
            提名
          </Button>
        ) : null}
      </Flex>
      <Table<Nomination>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={false}
        scroll={{ x: 960 }}
        columns={[
          { title: '编号', dataIndex: 'code', width: 70 },
          { title: '候选对象', dataIndex: 'name', width: 180, render: (v: string, r) => (<><div>{v}</div><Typography.Text type="secondary">公开：{r.publicName}</Typography.Text></>) },
          { title: '推荐单位', dataIndex: 'nominatingOrgName', width: 150 },
          { title: '事迹简介', dataIndex: 'deeds', ellipsis: true },
          { title: '状态', dataIndex: 'statusLabel', width: 130, render: (v: string, r) => (<><Tag color={statusColor[r.status]}>{v}</Tag>{r.winner ? <Tag color="red">拟表彰</Tag> : null}{r.reviewReason ? <div><Typography.Text type="secondary">{r.reviewReason}</Typography.Text></div> : null}</>) },
          ...(manage
            ? [
                { title: '票数', dataIndex: 'votes', width: 70 },
                { title: '评委均分', dataIndex: 'juryScore', width: 90 },
                { title: '最终得分', dataIndex: 'finalScore', width: 90 },
                { title: '排名', dataIndex: 'rank', width: 60 },
              ]
            : []),
          {
            title: '操作',
            key: 'ops',
            width: 220,
            render: (_: unknown, r: Nomination) => (
              <Space wrap>
                {canReview && r.status !== 'accepted' ? <Button size="small" onClick={() => void act(() => campaignsApi.review(campaign.id, r.id, { decision: 'accept' }), '已通过')}>通过</Button> : null}
                {canReview && r.status !== 'rejected' ? <Button size="small" danger onClick={() => setRejecting(r)}>不通过</Button> : null}
                {canScore && r.status === 'accepted' ? (
                  <Space.Compact>
                    <InputNumber size="small" min={0} max={100} placeholder="0–100" aria-label={`评分 ${r.code}`} value={scores[r.id] ?? r.myScore ?? undefined} onChange={(v) => setScores((s) => ({ ...s, [r.id]: v }))} style={{ width: 80 }} />
                    <Button size="small" onClick={() => { const v = scores[r.id] ?? r.myScore; if (v !== null && v !== undefined) void act(() => campaignsApi.score(campaign.id, r.id, { score: v }), '评分已保存'); }}>评分</Button>
                  </Space.Compact>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <NominateModal campaign={campaign} open={nominating} onClose={() => setNominating(false)} onDone={() => { setNominating(false); void message.success('已提名'); refresh(); }} />
      <ReasonModal
        open={rejecting !== null}
        title={`不通过：${rejecting?.name ?? ''}`}
        label="不通过理由"
        okText="确定不通过"
        onClose={() => setRejecting(null)}
        onSubmit={async (reason) => {
          await campaignsApi.review(campaign.id, (rejecting as Nomination).id, { decision: 'reject', reason });
          setRejecting(null);
          refresh();
        }}
      />
    </>
  );
}
