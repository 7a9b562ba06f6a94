import { App, Button, Flex, Table, Typography } from 'antd';
import { type HTMLAttributes, useState } from 'react';
import { useApiError } from '../../../ui/use-api-error';
import { useIsMobile } from '../../../ui/use-is-mobile';
import { useRequest } from '../../../ui/use-request';
import { type Campaign, campaignsApi, type Nomination } from '../api';
import { NominateModal } from './NominateModal';
import { NominationActions } from './NominationActions';
import { NominationCards, StatusTags } from './NominationCards';
import { PublicationModal } from './PublicationModal';
import { ReasonModal } from './ReasonModal';

/** 提名、审核、评委评分 and the ranking: one table on a desktop, one card per nomination on a phone. */
export function NominationsTab({ campaign, onChanged }: { campaign: Campaign; onChanged: () => void }) {
  const { data, loading, reload } = useRequest(() => campaignsApi.nominations(campaign.id), [campaign.id, campaign.stage]);
  const [nominating, setNominating] = useState(false);
  const [rejecting, setRejecting] = useState<Nomination | null>(null);
  const [withdrawing, setWithdrawing] = useState<Nomination | null>(null);
  const [publishing, setPublishing] = useState<Nomination | null>(null);
  const [scores, setScores] = useState<Record<string, number | null>>({});
  const { message } = App.useApp();
  const showError = useApiError();
  const manage = campaign.canManage;
  const canReview = manage && (campaign.stage === 'nomination' || campaign.stage === 'review');
  const canScore = manage && campaign.stage === 'jury';
  const canWithdraw = campaign.stage === 'nomination' || campaign.stage === 'review';
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
  const isMobile = useIsMobile();
  const awarded = campaign.stage === 'awarded';
  const items = data?.items ?? [];
  const actions = (r: Nomination) => (
    <NominationActions
      r={r}
      canReview={canReview}
      canScore={canScore}
      canWithdraw={canWithdraw}
      score={scores[r.id]}
      onScoreChange={(v) => setScores((s) => ({ ...s, [r.id]: v }))}
      onAccept={() => void act(() => campaignsApi.review(campaign.id, r.id, { decision: 'accept' }), '已通过')}
      onReject={() => setRejecting(r)}
      onWithdraw={() => setWithdrawing(r)}
      canPublish={campaign.stage !== 'awarded'}
      onPublish={() => setPublishing(r)}
      onScore={() => {
        const v = scores[r.id] ?? r.myScore;
        if (v !== null && v !== undefined) void act(() => campaignsApi.score(campaign.id, r.id, { score: v }), '评分已保存');
      }}
    />
  );
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
      {isMobile ? (
        <NominationCards items={items} loading={loading} manage={manage} awarded={awarded} actions={actions} />
      ) : (
        <Table<Nomination>
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={items}
          pagination={false}
          scroll={{ x: manage ? 1320 : 1010 }}
          onRow={() => ({ 'data-testid': 'nomination' }) as HTMLAttributes<HTMLElement>}
          columns={[
            { title: '编号', dataIndex: 'code', width: 70 },
            { title: '候选对象', dataIndex: 'name', width: 180, render: (v: string, r) => (<><div>{v}</div><Typography.Text type="secondary">公开：{r.shownName}</Typography.Text></>) },
            { title: '推荐单位', dataIndex: 'nominatingOrgName', width: 150 },
            { title: '事迹简介', dataIndex: 'deeds', width: 260, ellipsis: true },
            { title: '状态', dataIndex: 'statusLabel', width: 150, render: (_: string, r) => <StatusTags r={r} awarded={awarded} /> },
            ...(manage
              ? [
                  { title: '票数', dataIndex: 'votes', width: 70 },
                  { title: '评委均分', dataIndex: 'juryScore', width: 90 },
                  { title: '最终得分', dataIndex: 'finalScore', width: 90 },
                  { title: '排名', dataIndex: 'rank', width: 60 },
                ]
              : []),
            { title: '操作', key: 'ops', width: 220, fixed: 'right' as const, render: (_: unknown, r: Nomination) => actions(r) },
          ]}
        />
      )}
      <PublicationModal campaign={campaign} nomination={publishing} onClose={() => setPublishing(null)} onDone={() => { setPublishing(null); refresh(); }} />
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
      <ReasonModal
        open={withdrawing !== null}
        title={`撤回推荐：${withdrawing?.code ?? ''} ${withdrawing?.name ?? ''}`}
        label="撤回理由"
        okText="确定撤回"
        onClose={() => setWithdrawing(null)}
        onSubmit={async (reason) => {
          await campaignsApi.withdraw(campaign.id, (withdrawing as Nomination).id, reason);
          setWithdrawing(null);
          void message.success('已撤回，推荐名额已退回');
          refresh();
        }}
      />
    </>
  );
}
