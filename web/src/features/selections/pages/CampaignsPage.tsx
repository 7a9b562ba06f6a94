import { Button, Card, Empty, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { PageHeader } from '../../../ui/PageHeader';
import { useIsMobile } from '../../../ui/use-is-mobile';
import { useRequest } from '../../../ui/use-request';
import { campaignsApi, type CampaignListItem, nomineeTypeLabels } from '../api';
import { CampaignFormModal } from '../components/CampaignFormModal';

/** 评选表彰: the campaigns organized by, or open for nominations to, the user's units. */
export function CampaignsPage() {
  const { data, loading, reload } = useRequest(() => campaignsApi.list(), []);
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  return (
    <>
      <PageHeader
        title="评选表彰"
        sub="层层推荐 → 审核 → 网络投票 → 评委评审 → 公示 → 表彰"
        extra={
          <Button type="primary" onClick={() => setCreating(true)}>
            新建评选
          </Button>
        }
      />
      {isMobile ? (
        <CampaignCards items={data?.items ?? []} loading={loading} />
      ) : (
        <Table<CampaignListItem>
          rowKey="id"
          loading={loading}
          dataSource={data?.items ?? []}
          pagination={false}
          scroll={{ x: 720 }}
          columns={[
            { title: '评选名称', dataIndex: 'name', render: (v: string, r) => <Link to={`/campaigns/${r.id}`}>{v}</Link> },
            { title: '类别', dataIndex: 'kind', width: 140 },
            { title: '候选对象', dataIndex: 'nomineeType', width: 110, render: (v: CampaignListItem['nomineeType']) => nomineeTypeLabels[v] },
            { title: '年度', dataIndex: 'year', width: 80 },
            { title: '主办单位', dataIndex: 'orgName', width: 160 },
            { title: '阶段', dataIndex: 'stageLabel', width: 90, render: (v: string) => <Tag color="red">{v}</Tag> },
          ]}
        />
      )}
      <CampaignFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(c) => {
          setCreating(false);
          reload();
          void navigate(`/campaigns/${c.id}`);
        }}
      />
    </>
  );
}

/** The campaigns on a phone: one tappable card each (name, stage, kind, organizer). */
function CampaignCards({ items, loading }: { items: CampaignListItem[]; loading: boolean }) {
  if (loading && !items.length) return <Card loading />;
  if (!items.length) return <Empty description="暂无评选" />;
  return (
    <Flex vertical gap={12} data-testid="campaign-cards">
      {items.map((r) => (
        <Link key={r.id} to={`/campaigns/${r.id}`} data-testid="campaign-card">
          <Card size="small" hoverable>
            <Flex justify="space-between" align="start" gap={8}>
              <Typography.Text strong>{r.name}</Typography.Text>
              <Tag color="red" style={{ marginInlineEnd: 0 }}>{r.stageLabel}</Tag>
            </Flex>
            <Typography.Text type="secondary">{r.kind} · {nomineeTypeLabels[r.nomineeType]} · {r.year} 年 · {r.orgName}</Typography.Text>
          </Card>
        </Link>
      ))}
    </Flex>
  );
}
